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

/** The tracer `charter serve --tracing` and `charter mcp --tracing` use, and how to flush it at exit. */
export interface ServeTracing {
	readonly tracer: Tracer;
	/** What the tracer does with an unsampled root, `auto` decided. */
	readonly unsampled: UnsampledRoots;
	/**
	 * False when the sampler is known to keep no root (the SDK started here, configured by
	 * variables that sample none): a request that continues no trace asks the SDK for nothing.
	 */
	readonly asksForRoots: boolean;
	shutdown(): Promise<void>;
}

/** What a tracer does with a request that continues no trace and the sampler drops. */
export type UnsampledRoots = 'propagate' | 'detach';

/**
 * Gives the tracer for `--tracing`. An SDK the application registered itself (preloaded with
 * `node --import ./otel.mjs`) is used as it is; otherwise `@opentelemetry/sdk-node` (an
 * optional peer) is started, configured by the standard `OTEL_*` variables
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER`...). With
 * `unsampled: 'detach'` the tracer detaches unsampled roots (`detachUnsampledRoots`); `auto`
 * detaches them when the variables say no root is ever sampled ({@link samplesNoRoot}). When
 * they say so and the SDK is the one started here (so they configure its sampler), the roots
 * are not asked of it either: it would only drop them.
 */
export async function startTracing(
	unsampled: 'auto' | UnsampledRoots = 'auto',
	env: NodeJS.ProcessEnv = process.env,
): Promise<ServeTracing> {
	const noRoot = samplesNoRoot(env);
	const provider = trace.getTracerProvider() as Partial<ProxyTracerProvider>;
	const registered = provider.getDelegateTracer?.('@charter/runtime') !== undefined;
	const shutdown = registered ? async () => {} : await startNodeSdk();
	const detach = unsampled === 'detach' || (unsampled === 'auto' && noRoot);
	const skipsRoots = detach && noRoot && !registered;
	const own = trace.getTracer('@charter/runtime');
	return {
		tracer: detach ? detachUnsampledRoots(own, { samplesNoRoot: skipsRoots }) : own,
		unsampled: detach ? 'detach' : 'propagate',
		asksForRoots: !skipsRoots,
		shutdown,
	};
}

/** Starts `@opentelemetry/sdk-node` (it reads `OTEL_*`); gives its shutdown. */
async function startNodeSdk(): Promise<() => Promise<void>> {
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
	return () => sdk.shutdown();
}

/**
 * Whether the standard variables turn sampling off for every trace that starts here:
 * `OTEL_SDK_DISABLED=true`, `OTEL_TRACES_SAMPLER` `always_off` or `parentbased_always_off`, or a
 * ratio sampler with `OTEL_TRACES_SAMPLER_ARG=0`. Then a request that brings no trace is
 * dropped, and so would every span its handler starts, with its context entered or not: entering
 * it would only pass "not sampled" on to the services it calls, at the price of async hooks.
 */
export function samplesNoRoot(env: NodeJS.ProcessEnv): boolean {
	if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return true;
	// Read as the SDK reads it: an exact name (anything else is parentbased_always_on to it).
	const sampler = env.OTEL_TRACES_SAMPLER;
	if (sampler === 'always_off' || sampler === 'parentbased_always_off') return true;
	if (sampler !== 'traceidratio' && sampler !== 'parentbased_traceidratio') return false;
	const ratio = env.OTEL_TRACES_SAMPLER_ARG?.trim();
	return ratio !== undefined && ratio !== '' && Number(ratio) === 0;
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

/** The start-up line of `--tracing`: what configures it, and what an unsampled request does. */
export function describeTracing(tracing: Pick<ServeTracing, 'unsampled' | 'asksForRoots'>): string {
	const spans = 'Tracing: OpenTelemetry spans per call (OTEL_* configures the export)';
	if (tracing.unsampled === 'propagate') return spans;
	const what = tracing.asksForRoots
		? 'a request that brings no traceparent and is not sampled runs outside a trace context'
		: 'the OTEL_* variables sample no new trace, so a request that brings no traceparent gets no span and runs outside a trace context';
	return `${spans}; ${what} (--tracing-unsampled propagate keeps it)`;
}
