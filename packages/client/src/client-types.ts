import type {
	BuiltInProblemCode,
	ClientMethodPath,
	DeclaredProblem,
	ErrorCodeOf,
	InputOf,
	OperationSpec,
	OutputOf,
	Problem,
	RestWireOf,
} from '@charter/spec';

/** Where and how the client calls. */
export interface ClientOptions {
	/** Base URL of the API, e.g. `http://localhost:3000` (a path prefix is kept). */
	readonly baseUrl: string;
	/** Bearer token, or a function giving one per call (for refresh). */
	readonly token?: string | (() => string | undefined | Promise<string | undefined>);
	/** A fetch implementation; the global one by default. */
	readonly fetch?: typeof fetch;
	readonly headers?: Readonly<Record<string, string>>;
	/** Milliseconds a call may take, body included, before it fails with `DEADLINE_EXCEEDED`; none by default. */
	readonly timeoutMs?: number;
	/**
	 * Retries of idempotent calls (queries, and commands sent with an `Idempotency-Key`) that got
	 * no answer or a 408, 429, 502, 503 or 504: twice by default, with exponential backoff and
	 * full jitter; `false` never retries. The timeout covers every attempt and wait.
	 */
	readonly retry?: RetryOptions | false;
}

/** How idempotent calls are retried. */
export interface RetryOptions {
	/** Retries after the first attempt; 2 by default. */
	readonly retries?: number;
	/** First backoff ceiling in milliseconds, doubled per retry; 100 by default. */
	readonly minDelayMs?: number;
	/**
	 * Longest wait in milliseconds, 2,000 by default. A `Retry-After` longer than this ends the
	 * call with the answer it got instead of waiting.
	 */
	readonly maxDelayMs?: number;
}

/** Per-call options of the typed client. */
export interface CallOptions {
	/** Sent as `Idempotency-Key` (commands). */
	readonly idempotencyKey?: string;
	/** Cancels the call; the abort reason is thrown as is, not turned into a problem. */
	readonly signal?: AbortSignal;
	readonly headers?: Readonly<Record<string, string>>;
	/** Overrides {@link ClientOptions.timeoutMs} for this call. */
	readonly timeoutMs?: number;
	/** Overrides {@link ClientOptions.retry} for this call. */
	readonly retry?: RetryOptions | false;
	/**
	 * Resolves to `{ data, status, headers }` instead of the output alone: the success status the
	 * server chose (201, 202...) and its headers (a `Location`). Typed by the method's overloads.
	 */
	readonly withResponse?: boolean;
}

/** A success with its status and headers, what a call with `withResponse: true` resolves to. */
export interface CallResponse<O, St extends number = number> {
	/** The output, a {@link Download}, or `undefined` for an answer without a body. */
	readonly data: O;
	/** The success status: one the contract declares (`transport.rest.status`, `response.statuses`). */
	readonly status: St;
	/** The response's headers; a browser reads only the CORS-exposed ones (declared headers are). */
	readonly headers: Headers;
}

/**
 * A streamed download (`transport.rest.response.stream`), unread: its media type and its body.
 * Read it once, as a stream (`body`) or whole (`text`, `blob`, `arrayBuffer`). The caller's
 * `signal` cancels it; `timeoutMs` ends when the answer's headers arrive.
 */
export interface Download {
	readonly mediaType: string;
	readonly body: ReadableStream<Uint8Array>;
	text(): Promise<string>;
	blob(): Promise<Blob>;
	arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * One method of a client, the typed client's and the generated SDK's alike: the output by
 * default, `{ data, status, headers }` with `withResponse: true`.
 */
export interface Method<I, O, St extends number = number, E = never> {
	/** Type only: the problems the contract declares, for `declaredError(error, method)`. */
	readonly '~errors'?: E;
	(
		input: MethodInput<I>,
		options: CallOptions & { readonly withResponse: true },
	): Promise<CallResponse<O, St>>;
	(...args: MethodArgs<I>): Promise<O>;
}

/** An input with no required field may be left out (`client.todo.list()`), as on every surface. */
type MethodInput<I> = {} extends I ? I | undefined : I;
type MethodArgs<I> = {} extends I
	? [input?: I, options?: CallOptions]
	: [input: I, options?: CallOptions];

/** Code of the problem a call ends with when no response came back (offline, DNS, CORS). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/**
 * Every code a call of `S` can fail with: the codes its contract declares in `errors`, the
 * problems the runtime and surfaces produce (and `DEADLINE_EXCEEDED` for a client timeout),
 * `HTTP_<status>` for a response that was not a problem document or not JSON, and
 * {@link NETWORK_ERROR}.
 */
export type ContractErrorCode<S> =
	| ErrorCodeOf<S>
	| BuiltInProblemCode
	| typeof NETWORK_ERROR
	| `HTTP_${number}`;

/** A problem a call of `S` ends with, its `code` typed from the contract. */
export type ContractProblem<S> = Problem & { readonly code: ContractErrorCode<S> };

type NoBody = 204 | 205;
type StatusesOf<Rs> =
	| (Rs extends { readonly status: infer S extends number } ? S : 200)
	| (Rs extends { readonly response: { readonly statuses: readonly (infer X extends number)[] } }
			? X
			: never);

type DownloadOf<Rs> = Rs extends { readonly response: { readonly stream: object } }
	? Download
	: never;

/**
 * What a call of `S` resolves to on REST: its output; `undefined` when every success status the
 * contract declares answers without a body (`transport.rest.status: 204`); either when some do;
 * or a {@link Download} when the contract declares a stream and the handler sent one.
 */
export type ClientOutputOf<S> =
	unknown extends RestWireOf<S>
		? OutputOf<S>
		:
				| DownloadOf<RestWireOf<S>>
				| ([Exclude<StatusesOf<RestWireOf<S>>, NoBody>] extends [never]
						? undefined
						: [Extract<StatusesOf<RestWireOf<S>>, NoBody>] extends [never]
							? OutputOf<S>
							: OutputOf<S> | undefined);

/** The success statuses a call of `S` may answer with, as declared (`number` when unknown). */
export type SuccessStatusOf<S> = unknown extends RestWireOf<S> ? number : StatusesOf<RestWireOf<S>>;

/**
 * What `tryCall` gives instead of throwing: the output with the success's status and headers,
 * or the typed problem (with the headers of the answer, when one came).
 */
export type CallResult<S> =
	| {
			readonly ok: true;
			readonly value: ClientOutputOf<S>;
			readonly status: SuccessStatusOf<S>;
			readonly headers: Headers;
	  }
	| { readonly ok: false; readonly problem: ContractProblem<S>; readonly headers?: Headers };

/** Any operation contract whose key is known as a literal. */
export type AnyOperation = OperationSpec<any, any, any>;

/** Calls one operation: typed input, typed output, `ProblemError` on failure. */
export type ClientMethod<S> = Method<
	InputOf<S>,
	ClientOutputOf<S>,
	SuccessStatusOf<S>,
	DeclaredProblem<S>
>;

type Nest<P extends readonly string[], F> = P extends [
	infer H extends string,
	...infer T extends string[],
]
	? { readonly [K in H]: Nest<T, F> }
	: F;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
	x: infer I,
) => void
	? I
	: never;

/**
 * The nested methods of a list of contracts, by `clientMethodPath`: key segments, `V<n>` on the
 * last one from major 2 (`client.todo.item.get`, `client.todo.item.getV2`).
 */
export type ClientTree<C extends readonly AnyOperation[]> = UnionToIntersection<
	{
		[I in keyof C]: Nest<
			ClientMethodPath<C[I]['meta']['key'], C[I]['meta']['version']>,
			ClientMethod<C[I]>
		>;
	}[number]
>;

/**
 * A typed client: nested methods plus `call(contract, input)`, which throw a `ProblemError`,
 * and `tryCall(contract, input)`, which resolves to a {@link CallResult} instead. (Contract
 * keys are lower case, so `tryCall` never meets a key segment.)
 */
export type Client<C extends readonly AnyOperation[]> = ClientTree<C> & {
	call<S extends AnyOperation>(
		contract: S,
		input: MethodInput<InputOf<S>>,
		options: CallOptions & { readonly withResponse: true },
	): Promise<CallResponse<ClientOutputOf<S>, SuccessStatusOf<S>>>;
	call<S extends AnyOperation>(
		contract: S,
		...args: MethodArgs<InputOf<S>>
	): Promise<ClientOutputOf<S>>;
	tryCall<S extends AnyOperation>(
		contract: S,
		...args: MethodArgs<InputOf<S>>
	): Promise<CallResult<S>>;
};
