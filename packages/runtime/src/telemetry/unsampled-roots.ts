import {
	context,
	INVALID_SPAN_CONTEXT,
	type Span,
	type SpanOptions,
	type Tracer,
	trace,
} from '@opentelemetry/api';

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
 * continued. `charter serve` detaches them when `OTEL_TRACES_SAMPLER` samples no root
 * (`--tracing-unsampled auto`), or when told to (`detach`).
 *
 * With `samplesNoRoot`, the application vouches that its sampler keeps no span without a parent
 * (`always_off`, `parentbased_always_off`, a ratio of 0): a span of Charter's with no parent is
 * then not asked of the SDK at all, only to be dropped. Such a request costs what it costs
 * without tracing, and its trace id is Charter's own; a caller's `traceparent` still goes to
 * the SDK. Wrong for a sampler that does keep roots: their traces would be lost.
 *
 * @example
 * const tracer = detachUnsampledRoots(trace.getTracer('@charter/runtime'));
 * createCharterServer({ executor: createExecutor({ ..., tracer }), tracer });
 */
export function detachUnsampledRoots(
	tracer: Tracer,
	options: { readonly samplesNoRoot?: boolean } = {},
): Tracer {
	const startSpan: Tracer['startSpan'] =
		options.samplesNoRoot === true
			? (name, spanOptions, parent) =>
					isRoot(spanOptions, parent) ? DROPPED_ROOT : tracer.startSpan(name, spanOptions, parent)
			: (name, spanOptions, parent) => tracer.startSpan(name, spanOptions, parent);
	return {
		startSpan,
		startActiveSpan: tracer.startActiveSpan.bind(tracer) as Tracer['startActiveSpan'],
		[DETACHED]: true,
	} as Tracer;
}

/** What a sampler that samples no root makes of a span without a parent: nothing it records. */
const DROPPED_ROOT: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Whether a span would start a trace: asked for as a root, or with no span in its context. */
function isRoot(options: SpanOptions | undefined, parent: Parameters<Tracer['startSpan']>[2]) {
	return options?.root === true || trace.getSpan(parent ?? context.active()) === undefined;
}

/**
 * Whether a request or call must run inside its span's context: always, unless the tracer
 * detaches unsampled roots and this span is one (it records nothing and continues no trace).
 */
export function entersContext(tracer: Tracer, span: Span, continued: boolean): boolean {
	return (tracer as { [DETACHED]?: true })[DETACHED] !== true || continued || span.isRecording();
}
