import type { Problem } from '@charter/spec';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import type { InvocationMetadata } from '../context/principal.ts';
import type { ResponseState } from './response-control.ts';

/**
 * What the executor needs of a caller's abort signal: an `AbortSignal` fits, and so does a
 * lighter object a transport makes per request (an `AbortController` per request is costly).
 */
export interface CallerSignal {
	readonly aborted: boolean;
	readonly reason?: unknown;
	addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
	removeEventListener(type: 'abort', listener: () => void): void;
}

/** A transport-neutral call of one operation. */
export interface Invocation {
	/** The operation key, e.g. `workflow.instance.pause`. */
	readonly operation: string;
	/** An exact version, or any version of the wanted major; the latest served by default. */
	readonly version?: string;
	readonly input: unknown;
	readonly metadata?: InvocationMetadata;
	readonly idempotencyKey?: string;
	/** Aborts the call when the caller goes away. */
	readonly signal?: CallerSignal;
	/** Coerce flat string values (query strings, CLI flags) to the input's field types first. */
	readonly coerce?: boolean;
	/**
	 * True when `input` comes straight from `parseJsonSafely` and the caller keeps no reference
	 * to it (a REST body): unsafe keys and depth are already checked, so the executor validates
	 * it in place instead of checking and copying it first.
	 */
	readonly inputFromSafeJson?: boolean;
	/** A trace id to use instead of the one from `traceparent` or a new one. */
	readonly traceId?: string;
	/**
	 * The caller sends the output as JSON (a REST response): the executor may then validate and
	 * write it in one pass with the output's compiled writer, and hands the text back as
	 * `outputJson`. Not for a call with an idempotency key (its record keeps the value).
	 */
	readonly wantsJson?: boolean;
	/**
	 * The caller writes a download a handler sets (`ctx.response.stream`): REST. For any other
	 * caller (GraphQL, MCP, the CLI) such a stream is ended when the call finishes (its
	 * iterator's `return()` runs, so a generator's `finally` does) and the result carries none:
	 * the output is the answer.
	 */
	readonly streams?: boolean;
}

/** The neutral result every surface encodes: the output and released events, or a problem. */
export type InvocationResult =
	| {
			readonly ok: true;
			readonly output: unknown;
			/** The output as JSON text, when the call asked for it and the compiled writer wrote it. */
			readonly outputJson?: string;
			readonly events: readonly EventEnvelope[];
			readonly traceId: string;
			/** True when the output was replayed for a repeated idempotency key. */
			readonly replayed: boolean;
			/**
			 * What the handler set through `ctx.response` (status, headers, cookies, a stream);
			 * absent when it set nothing. REST writes it; GraphQL and MCP answer the output.
			 */
			readonly response?: ResponseState | undefined;
	  }
	| { readonly ok: false; readonly problem: Problem; readonly traceId: string };
