import type { Problem } from '@charter/spec';
import {
	type Context,
	context,
	isSpanContextValid,
	ROOT_CONTEXT,
	type Span,
	type SpanContext,
	SpanKind,
	SpanStatusCode,
	type Tracer,
	trace,
} from '@opentelemetry/api';
import { contextOfTraceparent, formatTraceparent } from './trace-context.ts';
import { droppedBySampler, entersContext } from './unsampled-roots.ts';

/** The steps of a call that get a child span. */
export type TracedStep = 'validate' | 'authorize' | 'handler' | 'commit';

/** What an operation span says about the call it covers. */
export interface TracedCall {
	readonly key: string;
	readonly version: string;
	readonly kind: 'command' | 'query';
	readonly surface: string | undefined;
	readonly traceparent: string | undefined;
	/** The request's dropped HTTP span, when its context was not entered (`detachUnsampledRoots`). */
	readonly detachedSpan?: Span | undefined;
}

/**
 * The spans of one operation call: made only when the executor has a tracer, so a server
 * without tracing pays one `undefined` check per step. The parent is the active span when
 * the application's own instrumentation made one (an HTTP server span), else the caller's
 * W3C `traceparent`, else none (a new trace).
 */
export class OperationTrace {
	readonly span: Span;
	/** Whether the sampler kept the operation span; asked once, every step follows it. */
	readonly recording: boolean;
	readonly #parent: Context;
	#context: Context | undefined;
	#traceparent: string | undefined | null = null;
	#named: SpanContext | undefined | null = null;
	/** False when the span is the dropped parent standing in for the operation's. */
	readonly #own: boolean;
	/** False for a root the sampler dropped, under `detachUnsampledRoots`: no context entered. */
	#enter = true;

	constructor(
		private readonly tracer: Tracer,
		call: TracedCall,
	) {
		const active = context.active();
		const current = trace.getSpan(active) ?? call.detachedSpan;
		if (current !== undefined && droppedBySampler(current)) {
			// Under a span the sampler dropped (the request's HTTP span): a parent-based sampler
			// drops the operation span too, so none is asked of the SDK. The dropped parent
			// stands in for it (never ended here: it is not ours), and its context, already
			// active, is the handler's: what the handler starts or calls carries the decision.
			// A detached root's span (handed over on the access record) stands in the same way,
			// its context not entered either.
			this.span = current;
			this.recording = false;
			this.#parent = active;
			this.#context = active;
			this.#own = false;
			return;
		}
		const parent = current !== undefined ? active : contextOfTraceparent(call.traceparent);
		this.span = tracer.startSpan(
			`${call.kind} ${call.key}`,
			{
				kind: current !== undefined ? SpanKind.INTERNAL : SpanKind.SERVER,
				attributes: {
					'charter.operation': call.key,
					'charter.operation.version': call.version,
					'charter.operation.kind': call.kind,
					'charter.surface': call.surface ?? 'unknown',
				},
			},
			parent,
		);
		this.recording = this.span.isRecording();
		this.#parent = parent;
		this.#own = true;
		this.#enter = entersContext(tracer, this.span, parent !== ROOT_CONTEXT);
	}

	/** The context with the operation span active: made when first needed. */
	get context(): Context {
		this.#context ??= trace.setSpan(this.#parent, this.span);
		return this.#context;
	}

	/** The span's trace id, or undefined when nothing records (no SDK and no caller's trace). */
	get traceId(): string | undefined {
		return this.#namedContext()?.traceId;
	}

	/** The `traceparent` events of this call carry, so a subscriber links back to it. */
	get traceparent(): string | undefined {
		if (this.#traceparent === null) {
			const named = this.#namedContext();
			this.#traceparent = named === undefined ? undefined : formatTraceparent(named);
		}
		return this.#traceparent;
	}

	/**
	 * The span's context when it names a trace (valid ids), checked once for the trace id and
	 * the events' `traceparent` both.
	 */
	#namedContext(): SpanContext | undefined {
		if (this.#named === null) {
			const own = this.span.spanContext();
			this.#named = isSpanContextValid(own) ? own : undefined;
		}
		return this.#named;
	}

	/**
	 * Starts a step's span under the operation span, or under another step's span. When the
	 * sampler dropped the operation span (it does not record), its steps would be dropped too
	 * (a parent-based sampler follows the parent): they get no span, without asking the SDK and
	 * without allocating, so sampling off costs little per call.
	 */
	step(name: TracedStep, under?: Span): Span | undefined {
		if (!this.recording) return undefined;
		const parent = under ? trace.setSpan(this.context, under) : this.context;
		return this.tracer.startSpan(name, undefined, parent);
	}

	/**
	 * Runs `fn` with `span` active (the operation's context without one), so the handler's own
	 * instrumentation nests under it. When the operation stands on its dropped parent, that
	 * context is already the active one: nothing is entered.
	 */
	within<T>(span: Span | undefined, fn: () => T): T {
		if (span !== undefined) return context.with(trace.setSpan(this.context, span), fn);
		return this.#own && this.#enter ? context.with(this.context, fn) : fn();
	}

	identify(principalId: string | undefined): void {
		if (principalId !== undefined && this.recording)
			this.span.setAttribute('enduser.id', principalId);
	}

	/** Ends the operation span with the call's outcome: `ok`, or the problem's code. */
	end(problem: Problem | undefined, replayed = false): void {
		if (!this.recording) {
			// Attributes on a span that records nothing are dropped: they are not built.
			if (this.#own) this.span.end();
			return;
		}
		if (problem === undefined) {
			this.span.setAttribute('charter.outcome', 'ok');
			if (replayed) this.span.setAttribute('charter.idempotency.replayed', true);
		} else {
			this.span.setAttribute('charter.outcome', problem.code);
			this.span.setAttribute('charter.problem.code', problem.code);
			this.span.setAttribute('charter.problem.status', problem.status);
			// A refusal (4xx) is the caller's mistake, not a failure of this server.
			if (problem.status >= 500) {
				this.span.setStatus({ code: SpanStatusCode.ERROR, message: problem.code });
			}
		}
		this.span.end();
	}
}

/** Ends a step's span, marking it failed when it threw. */
export function endStep(span: Span | undefined, error?: unknown): void {
	if (span === undefined) return;
	if (error !== undefined) {
		span.setStatus({
			code: SpanStatusCode.ERROR,
			message: error instanceof Error ? error.message : String(error),
		});
	}
	span.end();
}
