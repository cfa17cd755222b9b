import type { CallMetrics } from '@charter/runtime';
import { createPrometheusMetrics } from '@charter/server';
import { context, type Tracer, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
	AlwaysOffSampler,
	AlwaysOnSampler,
	BasicTracerProvider,
	BatchSpanProcessor,
	type ReadableSpan,
	type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

/*
 * Telemetry as an operator would install it for the benchmark servers: the OpenTelemetry SDK
 * (a tracer provider registered globally with the async-hooks context manager) and Prometheus
 * metrics from @charter/server, both handed to the executor. `sampled` picks AlwaysOnSampler
 * (every call makes its span tree, batched to an exporter that drops it) or AlwaysOffSampler
 * (the SDK is installed, spans are not recorded).
 */

/** Accepts every batch and keeps nothing: the SDK's work without an exporter's I/O. */
const droppingExporter: SpanExporter = {
	export(_spans: ReadableSpan[], done) {
		done({ code: 0 });
	},
	shutdown: async () => {},
};

export function benchTelemetry(sampled: boolean): { tracer: Tracer; metrics: CallMetrics } {
	const provider = new BasicTracerProvider({
		sampler: sampled ? new AlwaysOnSampler() : new AlwaysOffSampler(),
		spanProcessors: [new BatchSpanProcessor(droppingExporter)],
	});
	context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
	trace.setGlobalTracerProvider(provider);
	const prometheus = createPrometheusMetrics();
	return { tracer: trace.getTracer('@charter/runtime'), metrics: prometheus.metrics };
}
