import type { Span, Tracer } from '@opentelemetry/api';

const DETACHED = Symbol.for('charter.tracing.detach-unsampled-roots');

/**
 * A tracer with which Charter runs a request (and the call under it) outside any trace context
 * when nothing reaches it to continue and the sampler starts no trace: no caller's
 * `traceparent`, no span of the application's own active, and the root span dropped. Every
 * other request enters its span's context as usual.
 *
 * Why: entering a context is what turns on Node's async hooks for the whole process (the
 * AsyncLocalStorage context manager, on Node 20), the largest part of what tracing costs with
 * sampling off. What it changes: such a request's handler sees no active span, so the spans it
 * starts are roots for the sampler to decide again (a parent-based sampler whose root sampler
 * is AlwaysOff drops them all the same; a ratio sampler may keep some, as traces of their own),
 * and its outgoing calls send no `traceparent`, so a service downstream decides for itself
 * instead of following this one's "not sampled". A caller's trace, sampled or not, is always
 * continued. Off unless asked for (`CHARTER_TRACING_UNSAMPLED=detach` under `charter serve`).
 *
 * @example
 * const tracer = detachUnsampledRoots(trace.getTracer('@charter/runtime'));
 * createCharterServer({ executor: createExecutor({ ..., tracer }), tracer });
 */
export function detachUnsampledRoots(tracer: Tracer): Tracer {
	return {
		startSpan: (name, options, parent) => tracer.startSpan(name, options, parent),
		startActiveSpan: tracer.startActiveSpan.bind(tracer) as Tracer['startActiveSpan'],
		[DETACHED]: true,
	} as Tracer;
}

/**
 * Whether a request or call must run inside its span's context: always, unless the tracer
 * detaches unsampled roots and this span is one (it records nothing and continues no trace).
 */
export function entersContext(tracer: Tracer, span: Span, continued: boolean): boolean {
	return (tracer as { [DETACHED]?: true })[DETACHED] !== true || continued || span.isRecording();
}
