import {
	type Context,
	context,
	INVALID_SPAN_CONTEXT,
	isSpanContextValid,
	type Span,
	type SpanOptions,
	TraceFlags,
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
			: tracer.startSpan.bind(tracer);
	return { startSpan, startActiveSpan: activeSpanStarter(startSpan), [DETACHED]: true } as Tracer;
}

/** `startActiveSpan` over a `startSpan`, as the API defines it: `fn` runs with the span active. */
function activeSpanStarter(startSpan: Tracer['startSpan']): Tracer['startActiveSpan'] {
	return ((name: string, ...rest: unknown[]) => {
		const fn = rest.pop() as (span: Span) => unknown;
		const [options, given] = rest as [SpanOptions | undefined, Context | undefined];
		const parent = given ?? context.active();
		const span = startSpan(name, options, parent);
		return context.with(trace.setSpan(parent, span), fn, undefined, span);
	}) as Tracer['startActiveSpan'];
}

/** What a sampler that samples no root makes of a span without a parent: nothing it records. */
const DROPPED_ROOT: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Whether a span would start a trace: asked for as a root, or with no valid span context in its
 * parent context (a parent-based sampler asks its root sampler then).
 */
function isRoot(options: SpanOptions | undefined, parent: Context | undefined): boolean {
	if (options?.root === true) return true;
	const parentSpan = trace.getSpanContext(parent ?? context.active());
	return parentSpan === undefined || !isSpanContextValid(parentSpan);
}

/**
 * True for a span the sampler dropped: it records nothing and its trace is not sampled. A
 * parent-based sampler drops its children too, so what runs under it asks the SDK for none.
 */
export function droppedBySampler(span: Span): boolean {
	return !span.isRecording() && (span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0;
}

/**
 * Whether a request or call must run inside its span's context: always, unless the tracer
 * detaches unsampled roots and this span is one (it records nothing and continues no trace).
 */
export function entersContext(tracer: Tracer, span: Span, continued: boolean): boolean {
	return (tracer as { [DETACHED]?: true })[DETACHED] !== true || continued || span.isRecording();
}
