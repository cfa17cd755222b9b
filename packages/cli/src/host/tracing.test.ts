import { metrics } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { registeredMeter } from './tracing.ts';

afterEach(() => metrics.disable());

describe('registeredMeter', () => {
	it('is undefined while no MeterProvider is registered, and the SDK meter once one is', () => {
		expect(registeredMeter()).toBeUndefined();
		metrics.setGlobalMeterProvider(new MeterProvider());
		const meter = registeredMeter();
		expect(meter).toBeDefined();
		expect(meter?.createCounter('x').constructor.name).not.toMatch(/Noop/);
	});
});
