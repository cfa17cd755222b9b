import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { traceHttpRequests } from '@charter/runtime';
import {
	context,
	INVALID_TRACEID,
	metrics,
	ROOT_CONTEXT,
	type Span,
	TraceFlags,
	trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
	AlwaysOffSampler,
	BasicTracerProvider,
	ParentBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { describeTracing, registeredMeter, samplesNoRoot, startTracing } from './tracing.ts';

afterEach(() => {
	metrics.disable();
	trace.disable();
	context.disable();
});

describe('registeredMeter', () => {
	it('is undefined while no MeterProvider is registered, and the SDK meter once one is', () => {
		expect(registeredMeter()).toBeUndefined();
		metrics.setGlobalMeterProvider(new MeterProvider());
		const meter = registeredMeter();
		expect(meter).toBeDefined();
		expect(meter?.createCounter('x').constructor.name).not.toMatch(/Noop/);
	});
});

describe('samplesNoRoot', () => {
	it.each([
		[{ OTEL_TRACES_SAMPLER: 'always_off' }, true],
		[{ OTEL_TRACES_SAMPLER: 'parentbased_always_off' }, true],
		// The SDK knows a sampler by its exact name only; to it this is parentbased_always_on.
		[{ OTEL_TRACES_SAMPLER: 'ALWAYS_OFF' }, false],
		[{ OTEL_TRACES_SAMPLER: ' parentbased_always_off' }, false],
		[{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' }, true],
		[{ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.0' }, true],
		[{ OTEL_SDK_DISABLED: 'true' }, true],
		[{}, false],
		[{ OTEL_TRACES_SAMPLER: 'parentbased_always_on' }, false],
		[{ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }, false],
		// A ratio sampler without its argument samples everything (the SDK's default of 1).
		[{ OTEL_TRACES_SAMPLER: 'traceidratio' }, false],
		[{ OTEL_SDK_DISABLED: 'false', OTEL_TRACES_SAMPLER: 'always_on' }, false],
	])('%o samples no root: %s', (env, expected) => {
		expect(samplesNoRoot(env)).toBe(expected);
	});
});

describe('startTracing', () => {
	/** The span a request's listener sees active, under the tracer `startTracing` gave. */
	async function activeSpanOfARequest(
		unsampled: 'auto' | 'propagate' | 'detach',
		env: NodeJS.ProcessEnv,
	): Promise<{ decided: string; active: Span | undefined }> {
		context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
		trace.setGlobalTracerProvider(
			new BasicTracerProvider({
				sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }),
			}),
		);
		const tracing = await startTracing(unsampled, env);
		let active: Span | undefined;
		const listener = traceHttpRequests(tracing.tracer, () => {
			active = trace.getActiveSpan();
		});
		const request = { method: 'GET', url: '/v1/x', headers: {}, socket: {} } as IncomingMessage;
		listener(request, { once() {} } as unknown as ServerResponse);
		expect(tracing.asksForRoots).toBe(true); // the SDK registered here may sample as it likes
		return { decided: tracing.unsampled, active };
	}

	it('auto detaches unsampled roots when the standard variables sample no root', async () => {
		const run = await activeSpanOfARequest('auto', {
			OTEL_TRACES_SAMPLER: 'parentbased_always_off',
		});
		expect(run).toEqual({ decided: 'detach', active: undefined });
	});

	it('auto keeps the unsampled span active (its decision propagates) under any other sampler', async () => {
		const run = await activeSpanOfARequest('auto', {});
		expect(run.decided).toBe('propagate');
		expect(run.active?.spanContext().traceFlags).toBe(0);
	});

	it('an explicit choice wins over the variables', async () => {
		const run = await activeSpanOfARequest('propagate', { OTEL_TRACES_SAMPLER: 'always_off' });
		expect(run.decided).toBe('propagate');
		expect(run.active).toBeDefined();
	});

	it('with the SDK started here and variables that sample no root, a root is not asked of it; a sampled caller still is', async () => {
		const names = [
			'OTEL_TRACES_SAMPLER',
			'OTEL_EXPORTER_OTLP_ENDPOINT',
			'OTEL_EXPORTER_OTLP_TIMEOUT',
			'OTEL_METRICS_EXPORTER',
			'OTEL_LOGS_EXPORTER',
		];
		const saved = names.map((name) => process.env[name]);
		const receiver = await otlpReceiver();
		Object.assign(process.env, {
			OTEL_TRACES_SAMPLER: 'parentbased_always_off',
			// An OTLP receiver that counts trace exports ('none' would register no tracer provider).
			OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
			OTEL_EXPORTER_OTLP_TIMEOUT: '2000',
			OTEL_METRICS_EXPORTER: 'none',
			OTEL_LOGS_EXPORTER: 'none',
		});
		const tracing = await startTracing('auto', process.env);
		try {
			expect(tracing).toMatchObject({ unsampled: 'detach', asksForRoots: false });
			expect(describeTracing(tracing)).toContain('gets no span');
			const root = tracing.tracer.startSpan('GET');
			expect(root.spanContext().traceId).toBe(INVALID_TRACEID);
			const caller = trace.setSpanContext(ROOT_CONTEXT, {
				traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
				spanId: '00f067aa0ba902b7',
				traceFlags: TraceFlags.SAMPLED,
				isRemote: true,
			});
			const continued = tracing.tracer.startSpan('GET', {}, caller);
			expect(continued.isRecording()).toBe(true);
			continued.end();
			await tracing.shutdown();
			expect(receiver.traceExports()).toBe(1);
		} finally {
			receiver.close();
			names.forEach((name, i) => {
				if (saved[i] === undefined) delete process.env[name];
				else process.env[name] = saved[i];
			});
		}
	});
});

/** A local OTLP/HTTP receiver that answers every export and counts those of spans. */
async function otlpReceiver(): Promise<{ url: string; traceExports(): number; close(): void }> {
	let traces = 0;
	const server = createServer((request, response) => {
		if (request.url === '/v1/traces') traces++;
		request.resume();
		request.on('end', () =>
			response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		traceExports: () => traces,
		close: () => server.close(),
	};
}
