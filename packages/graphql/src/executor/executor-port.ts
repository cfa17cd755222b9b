import type { OperationSpec } from '@charter/spec';

/*
 * The one seam between this surface and @charter/runtime. The runtime's executor is being
 * written at the same time as this package, so the surface codes against these structural
 * types; once `@charter/runtime` exports `execute`, this file re-exports its types instead
 * and nothing else changes.
 */

/** Who is calling, as the runtime's context provider resolves it. */
export interface Principal {
	readonly id: string;
	readonly roles: readonly string[];
	readonly permissions: readonly string[];
	readonly tenant?: string;
	readonly claims?: Readonly<Record<string, unknown>>;
}

/** What the transport knows about a call: lowercased headers and the transport name. */
export interface InvocationMetadata {
	readonly headers?: Readonly<Record<string, string | undefined>>;
	readonly transport?: string;
	readonly [key: string]: unknown;
}

/** Resolves the principal from transport metadata (the shared context provider). */
export type ContextProvider = (
	metadata: InvocationMetadata,
) => Principal | undefined | Promise<Principal | undefined>;

/** One issue of a problem, with a JSON pointer. */
export interface ProblemIssue {
	readonly path: string;
	readonly code: string;
	readonly message: string;
}

/** An RFC 9457 problem document. */
export interface Problem {
	readonly type: string;
	readonly title: string;
	readonly status: number;
	readonly code: string;
	readonly detail?: string;
	readonly traceId?: string;
	readonly issues?: readonly ProblemIssue[];
	readonly data?: unknown;
}

/** A transport-neutral call: the contract, the decoded input and the caller's metadata. */
export interface Invocation {
	readonly operation: OperationSpec;
	readonly input: unknown;
	readonly metadata: InvocationMetadata;
	/** A principal the transport already knows (a configured stdio principal); skips the provider. */
	readonly principal?: Principal;
	readonly signal?: AbortSignal;
}

/** The neutral result: the validated output, or a problem. */
export type ExecutionResult =
	| { readonly ok: true; readonly output: unknown }
	| { readonly ok: false; readonly problem: Problem };

/** The executor as the surfaces see it. */
export interface ExecutorPort {
	execute(invocation: Invocation): Promise<ExecutionResult>;
}

/** A published event, CloudEvents 1.0 JSON (the runtime's `EventEnvelope`). */
export interface EventEnvelope<P = unknown> {
	readonly id: string;
	readonly source: string;
	readonly type: string;
	readonly time: string;
	readonly data: P;
	readonly eventversion?: string;
	readonly tenant?: string;
	readonly [key: string]: unknown;
}

/** The part of the runtime's event bus the subscriptions need. */
export interface EventSource {
	/** Calls `listener` for every event published after the call; returns the unsubscriber. */
	subscribe(listener: (event: EventEnvelope) => void): () => void;
}
