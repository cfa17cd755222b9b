import { type CallMetrics, detachUnsampledRoots } from '@charter/runtime';
import { createPrometheusMetrics } from '@charter/server';
import { context, type Tracer, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
	AlwaysOffSampler,
	AlwaysOnSampler,
	BasicTracerProvider,
	BatchSpanProcessor,
	ParentBasedSampler,
	type ReadableSpan,
	type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

/*
 * Telemetry as an operator installs it for the benchmark servers: the OpenTelemetry SDK (a
 * tracer provider registered globally with the AsyncLocalStorage context manager, which is what
 * NodeTracerProvider.register() and NodeSDK do) and Prometheus metrics from @charter/server.
 * The tracer goes to the executor and to the REST server, as `charter serve --tracing` does:
 * an HTTP SERVER span per request with the operation span under it. `sampled` picks
 * ParentBased(AlwaysOn) (every call makes its span tree, batched to an exporter that drops it)
 * or ParentBased(AlwaysOff), the sampler of OTEL_TRACES_SAMPLER=parentbased_always_off: the SDK
 * is installed, no trace starts here, and a caller's sampled trace would still be followed.
 * With sampling off the tracer is what `charter serve --tracing` makes when it starts the SDK
 * itself under that variable (`--tracing-unsampled auto`): unsampled roots detached
 * (detachUnsampledRoots), and since the sampler keeps no root, none asked of the SDK
 * (`samplesNoRoot`). CHARTER_BENCH_UNSAMPLED=ask asks the SDK for each root and detaches the
 * dropped ones (what a preloaded SDK gets), =propagate enters their context (`propagate`).
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
		sampler: new ParentBasedSampler({
			root: sampled ? new AlwaysOnSampler() : new AlwaysOffSampler(),
		}),
		spanProcessors: [new BatchSpanProcessor(droppingExporter)],
	});
	context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
	trace.setGlobalTracerProvider(provider);
	const prometheus = createPrometheusMetrics();
	const tracer = trace.getTracer('@charter/runtime');
	return {
		tracer: sampled ? tracer : unsampledTracer(tracer, process.env.CHARTER_BENCH_UNSAMPLED),
		metrics: prometheus.metrics,
	};
}

/** The tracer with sampling off, by CHARTER_BENCH_UNSAMPLED (see above). */
function unsampledTracer(tracer: Tracer, mode: string | undefined): Tracer {
	if (mode === 'propagate') return tracer;
	return detachUnsampledRoots(tracer, { samplesNoRoot: mode !== 'ask' });
}
