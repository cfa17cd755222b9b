/** Where live events come from: the GraphQL endpoint that serves subscriptions over SSE. */
export interface LiveOptions {
	/** URL of the GraphQL endpoint (`/graphql` on the API's origin). */
	readonly url: string;
	/** Headers of each connection attempt, e.g. `{ authorization: 'Bearer …' }` (read again on reconnect). */
	readonly headers?:
		| Readonly<Record<string, string>>
		| (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);
	/** A fetch implementation; the global one by default. */
	readonly fetch?: typeof fetch;
	/** Longest wait between reconnection attempts, in ms (30,000). */
	readonly maxRetryDelayMs?: number;
	/** First wait before reconnecting, in ms (500); it doubles per failed attempt, with jitter. */
	readonly retryDelayMs?: number;
}
