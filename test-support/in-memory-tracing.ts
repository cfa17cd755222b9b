import { context, type Span, SpanKind, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
	AlwaysOffSampler,
	BasicTracerProvider,
	InMemorySpanExporter,
	ParentBasedSampler,
	type ReadableSpan,
	SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A caller's W3C traceparent (sampled), and the trace and span it names. */
export const CALLER_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
export const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const CALLER_SPAN_ID = '00f067aa0ba902b7';

/** What a tracing test records into: an SDK tracer whose ended spans the exporter keeps. */
export interface InMemoryTracing {
	readonly exporter: InMemorySpanExporter;
	readonly tracer: Tracer;
	/** Registers the AsyncLocalStorage context manager (call in beforeAll). */
	enable(): void;
	/** Unregisters it (call in afterAll). */
	disable(): void;
	/** The ended SERVER span, once one has ended (node:http ends it when the response closes). */
	serverSpan(): Promise<ReadableSpan>;
}

/** An OpenTelemetry SDK tracer sampling every span into memory, for tests of the span tree. */
export function inMemoryTracing(name: string): InMemoryTracing {
	const exporter = new InMemorySpanExporter();
	const tracer = new BasicTracerProvider({
		spanProcessors: [new SimpleSpanProcessor(exporter)],
	}).getTracer(name);
	return {
		exporter,
		tracer,
		enable: () => {
			context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
		},
		disable: () => context.disable(),
		async serverSpan() {
			for (let i = 0; i < 100; i++) {
				const found = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER);
				if (found) return found;
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			throw new Error('no SERVER span ended');
		},
	};
}

/**
 * An SDK tracer whose sampler drops every root (parent-based over AlwaysOff), counting what is
 * asked of it ({@link countingTracer}). The spans it keeps (a sampled caller's) go to
 * `exporter`, if given.
 */
export function countingDroppingTracer(name: string, exporter?: InMemorySpanExporter): Counting {
	return countingTracer(
		new BasicTracerProvider({
			sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }),
			spanProcessors: exporter ? [new SimpleSpanProcessor(exporter)] : [],
		}).getTracer(name),
	);
}

/** A tracer and what was asked of it: each span's name in `started`, the span in `spans`. */
export interface Counting {
	readonly tracer: Tracer;
	readonly started: string[];
	readonly spans: Span[];
}

/** Wraps `sdk` so a test counts the spans a call asks of it: how it checks what the SDK is spared. */
export function countingTracer(sdk: Tracer): Counting {
	const started: string[] = [];
	const spans: Span[] = [];
	const tracer: Tracer = {
		startSpan: (name, options, parent) => {
			const span = sdk.startSpan(name, options, parent);
			started.push(name);
			spans.push(span);
			return span;
		},
		startActiveSpan: sdk.startActiveSpan.bind(sdk) as Tracer['startActiveSpan'],
	};
	return { tracer, started, spans };
}
