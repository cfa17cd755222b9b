import type { EventSpec } from '@charter/spec';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { eventSubscription } from './event-selection.ts';
import type { LiveOptions } from './live-options.ts';

/** Where one subscription stands. */
export type LiveStatus =
	/** Opening the stream or registering the subscription. */
	| 'connecting'
	/** The server listens: every event published from now on arrives. */
	| 'live'
	/** The stream broke; a new attempt comes after a backoff. Events may be missed meanwhile. */
	| 'reconnecting'
	/** The event's read policy refused the caller (401 or 403): no retry until the caller changes. */
	| 'denied'
	/** Unsubscribed. */
	| 'closed';

/** What a subscriber hears. */
export interface LiveHandlers {
	/** An event arrived, with its payload as the GraphQL surface serves it. */
	onEvent(payload: unknown): void;
	onStatus?(status: LiveStatus, problem?: LiveProblem): void;
	/** The stream came back after a break: events may have been missed, refetch what they affect. */
	onReconnected?(): void;
}

/** The refusal or failure a subscription reported (from the GraphQL error's extensions). */
export interface LiveProblem {
	readonly code: string;
	readonly status?: number;
	readonly message: string;
}

/** Live events over one graphql-sse connection, shared by every subscription. */
export interface LiveEvents {
	/** Subscribes to one event; returns the function that ends the subscription. */
	subscribe(event: EventSpec, handlers: LiveHandlers): () => void;
	/** Ends every subscription and the connection. */
	dispose(): void;
}

/** Gives the wait before reconnection attempt `retries` (0-based): doubling, capped, with jitter. */
export function backoffDelay(retries: number, options: LiveOptions, random = Math.random): number {
	const first = options.retryDelayMs ?? 500;
	const max = options.maxRetryDelayMs ?? 30_000;
	const base = Math.min(max, first * 2 ** Math.min(retries, 30));
	// Full jitter on the upper half: many clients dropped together do not return together.
	return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * Opens live events: GraphQL subscriptions over graphql-sse, in single-connection mode (one
 * stream for every event, so a page never runs out of the browser's six connections per origin).
 * The connection reconnects with exponential backoff; a refusal by the event's read policy
 * (UNAUTHENTICATED, FORBIDDEN) is final for that subscription.
 *
 * @example
 * const live = createLiveEvents({ url: '/graphql', headers: () => ({ authorization: `Bearer ${token}` }) });
 * const stop = live.subscribe(InstancePausedEvent, { onEvent: (instance) => console.log(instance) });
 */
export function createLiveEvents(options: LiveOptions): LiveEvents {
	// Subscriptions by document: the server accepting a document's POST (202) means it listens.
	const accepted = new Map<string, Set<() => void>>();
	// Per subscription: what to do when the shared stream breaks, is back, or is refused.
	const lifecycle = new Set<{ broken(): void; back(): void; denied(problem: LiveProblem): void }>();
	const doFetch = options.fetch ?? fetch;
	const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
		const response = await doFetch(input, init);
		if (init?.method === 'POST' && response.status === 202 && typeof init.body === 'string') {
			const query = documentOf(init.body);
			for (const listener of (query && accepted.get(query)) || []) listener();
		}
		// The stream's reservation (PUT) refused: the caller may not listen at all; retrying cannot help.
		if (init?.method === 'PUT' && (response.status === 401 || response.status === 403)) {
			const problem = await refusalOf(response.clone());
			for (const entry of [...lifecycle]) entry.denied(problem);
		}
		return response;
	};
	const sse: SseClient<true> = createSseClient({
		url: absolute(options.url),
		singleConnection: true,
		headers: async () => ({ ...(await resolveHeaders(options)) }),
		fetchFn,
		retryAttempts: Number.MAX_SAFE_INTEGER,
		retry: (retries) =>
			new Promise((resolve) => setTimeout(resolve, backoffDelay(retries, options))),
		on: {
			connecting: (again) => {
				if (again) for (const entry of lifecycle) entry.broken();
			},
			connected: (again) => {
				if (again) for (const entry of lifecycle) entry.back();
			},
		},
	});

	return {
		subscribe(event, handlers) {
			const query = eventSubscription(event.meta.key, event.meta.version, event.payload);
			const field = query.slice('subscription { '.length).split(/[ {]/, 1)[0]!;
			let closed = false;
			let status: LiveStatus | undefined;
			const report = (next: LiveStatus, problem?: LiveProblem) => {
				if (status === next && !problem) return;
				status = next;
				handlers.onStatus?.(next, problem);
			};
			const onAccepted = () => {
				if (!closed) report('live');
			};
			const entry = {
				broken: () => report('reconnecting'),
				// The stream is back; the subscription's own POST (202) reports it live again.
				back: () => handlers.onReconnected?.(),
				denied: (problem: LiveProblem) => {
					finish();
					report('denied', problem);
				},
			};
			const listeners = accepted.get(query) ?? new Set();
			listeners.add(onAccepted);
			accepted.set(query, listeners);
			lifecycle.add(entry);
			let stop = () => {};
			let attempt = 0;
			const start = () => {
				report(attempt === 0 ? 'connecting' : 'reconnecting');
				stop = sse.subscribe<Record<string, unknown>>(
					{ query },
					{
						next: (result) => {
							const problem = problemOf(result.errors);
							if (problem && (problem.status === 401 || problem.status === 403)) {
								finish();
								report('denied', problem);
								return;
							}
							if (problem) return report(status ?? 'live', problem);
							attempt = 0;
							const payload = result.data?.[field];
							if (payload !== undefined) handlers.onEvent(payload);
						},
						error: (error) => retryLater(error),
						// The server ends a stream only when it stops listening: subscribe again.
						complete: () => retryLater(undefined),
					},
				);
			};
			const retryLater = (error: unknown) => {
				if (closed) return;
				const message = error instanceof Error ? error.message : 'the event stream ended';
				report('reconnecting', { code: 'UNAVAILABLE', message });
				const delay = backoffDelay(attempt++, options);
				timer = setTimeout(start, delay);
			};
			let timer: ReturnType<typeof setTimeout> | undefined;
			const finish = () => {
				closed = true;
				clearTimeout(timer);
				listeners.delete(onAccepted);
				if (listeners.size === 0) accepted.delete(query);
				lifecycle.delete(entry);
				stop();
			};
			start();
			return () => {
				if (closed) return;
				finish();
				report('closed');
			};
		},
		dispose: () => sse.dispose(),
	};
}

/** The problem of a refused stream reservation (a problem document, or its status alone). */
async function refusalOf(response: Response): Promise<LiveProblem> {
	const body = (await response.json().catch(() => ({}))) as {
		code?: string;
		detail?: string;
		title?: string;
	};
	return {
		code: body.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN'),
		status: response.status,
		message: body.detail ?? body.title ?? 'the event stream was refused',
	};
}

function problemOf(errors: readonly unknown[] | undefined): LiveProblem | undefined {
	const first = errors?.[0] as
		| { message?: string; extensions?: { code?: string; status?: number } }
		| undefined;
	if (!first) return undefined;
	return {
		code: first.extensions?.code ?? 'INTERNAL',
		...(first.extensions?.status !== undefined ? { status: first.extensions.status } : {}),
		message: first.message ?? 'subscription failed',
	};
}

function documentOf(body: string): string | undefined {
	try {
		const query = (JSON.parse(body) as { query?: unknown }).query;
		return typeof query === 'string' ? query : undefined;
	} catch {
		return undefined;
	}
}

async function resolveHeaders(options: LiveOptions): Promise<Readonly<Record<string, string>>> {
	const headers = options.headers;
	return typeof headers === 'function' ? await headers() : (headers ?? {});
}

/** graphql-sse needs an absolute URL; a path is taken relative to the page. */
function absolute(url: string): string {
	if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
	const base = (globalThis as { location?: { href: string } }).location?.href;
	if (!base)
		throw new TypeError(
			`live events: ${url} is a path, and there is no page to resolve it against; give an absolute URL`,
		);
	return new URL(url, base).href;
}
