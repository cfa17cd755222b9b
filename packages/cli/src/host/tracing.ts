import { detachUnsampledRoots } from '@charter/runtime';
import {
	createNoopMeter,
	type Meter,
	metrics,
	type ProxyTracerProvider,
	type Tracer,
	trace,
} from '@opentelemetry/api';
import { UsageError } from '../command.ts';

/** The tracer `charter serve --tracing` uses, and how to flush it at shutdown. */
export interface ServeTracing {
	readonly tracer: Tracer;
	shutdown(): Promise<void>;
}

/**
 * Gives the tracer for `--tracing`. An SDK the application registered itself (preloaded with
 * `node --import ./otel.mjs`) is used as it is; otherwise `@opentelemetry/sdk-node` (an
 * optional peer) is started, configured by the standard `OTEL_*` variables
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER`...). With
 * `unsampled: 'detach'` the tracer detaches unsampled roots (`detachUnsampledRoots`).
 */
export async function startTracing(
	unsampled: 'propagate' | 'detach' = 'propagate',
): Promise<ServeTracing> {
	const tracer = () => {
		const own = trace.getTracer('@charter/runtime');
		return unsampled === 'detach' ? detachUnsampledRoots(own) : own;
	};
	const provider = trace.getTracerProvider() as Partial<ProxyTracerProvider>;
	const registered = provider.getDelegateTracer?.('@charter/runtime') !== undefined;
	if (registered) return { tracer: tracer(), shutdown: async () => {} };
	let sdk: { start(): void; shutdown(): Promise<void> };
	try {
		const { NodeSDK } = (await import(/* @vite-ignore */ NODE_SDK)) as {
			NodeSDK: new () => { start(): void; shutdown(): Promise<void> };
		};
		sdk = new NodeSDK();
	} catch (error) {
		throw new UsageError(
			`tracing is on but no OpenTelemetry SDK is registered and ${NODE_SDK} does not load (${(error as Error).message}): npm install ${NODE_SDK}, or preload your own SDK with NODE_OPTIONS="--import ./otel.mjs"`,
			'CHARTER_TRACING_UNAVAILABLE',
		);
	}
	sdk.start();
	return { tracer: tracer(), shutdown: () => sdk.shutdown() };
}

/** Loaded by name at run time: the SDK is the application's optional choice. */
const NODE_SDK = '@opentelemetry/sdk-node';

/**
 * The meter of an OpenTelemetry SDK's MeterProvider, when the process registered one (the SDK
 * `--tracing` starts does, unless `OTEL_METRICS_EXPORTER=none`; so may a preloaded one);
 * undefined otherwise. Without a provider, `@opentelemetry/api` hands out its one no-op meter.
 */
export function registeredMeter(): Meter | undefined {
	const meter = metrics.getMeter('@charter/runtime');
	return meter === createNoopMeter() ? undefined : meter;
}
