import type { IncomingMessage, ServerResponse } from 'node:http';
import { traceHttpRequests } from '@charter/runtime';
import { context, metrics, type Span, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
	AlwaysOffSampler,
	BasicTracerProvider,
	ParentBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { registeredMeter, samplesNoRoot, startTracing } from './tracing.ts';

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
		[{ OTEL_TRACES_SAMPLER: ' ParentBased_Always_Off ' }, true],
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
});
