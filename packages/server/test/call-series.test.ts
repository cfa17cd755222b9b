import type { ObservedCall } from '@charter/runtime';
import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CallSeries, callHistogram } from '../src/call-series.ts';

const BOUNDS = [0.001, 0.01, 0.1, 1];
const labelNames = ['operation', 'surface', 'outcome'] as const;

const call = (operation: string, surface: string, outcome: string, durationMs: number) =>
	({
		operation,
		version: '1.0.0',
		surface,
		outcome,
		status: 200,
		durationMs,
		replayed: false,
	}) satisfies ObservedCall;

const CALLS = [
	call('todo.create', 'rest', 'ok', 0.4),
	call('todo.create', 'rest', 'ok', 1), // on a bound: counts in le="0.001"
	call('todo.create', 'rest', 'ok', 50),
	call('todo.create', 'rest', 'ok', 5_000), // past the last bound: +Inf only
	call('todo.create', 'mcp', 'UNAUTHENTICATED', 2),
	call('todo.list', 'rest', 'ok', 0.02),
];

describe('call series', () => {
	it('scrape as the same text as prom-client’s own labelled Histogram and Counter fed the same calls', async () => {
		const ours = new Registry();
		const series = new CallSeries(BOUNDS);
		ours.registerMetric(callHistogram(series, 'd_seconds', 'Durations') as never);
		new Counter({
			name: 'calls_total',
			help: 'Calls',
			labelNames,
			registers: [ours],
			collect() {
				this.reset();
				for (const s of series.all()) this.inc(s.labels, s.count);
			},
		});

		const theirs = new Registry();
		const histogram = new Histogram({
			name: 'd_seconds',
			help: 'Durations',
			labelNames,
			buckets: BOUNDS,
			registers: [theirs],
		});
		const counter = new Counter({
			name: 'calls_total',
			help: 'Calls',
			labelNames,
			registers: [theirs],
		});

		for (const c of CALLS) {
			series.record(c);
			const labels = { operation: c.operation, surface: c.surface, outcome: c.outcome };
			histogram.observe(labels, c.durationMs / 1000);
			counter.inc(labels);
		}
		const text = await ours.metrics();
		expect(text).toBe(await theirs.metrics());
		expect(text).toContain(
			'd_seconds_bucket{le="0.001",operation="todo.create",surface="rest",outcome="ok"} 2\n',
		);
		expect(text).toContain(
			'd_seconds_bucket{le="+Inf",operation="todo.create",surface="rest",outcome="ok"} 4\n',
		);
		// As JSON too (prom-client adds empty exemplars to its buckets, which hold none).
		const json = async (registry: Registry) =>
			(await registry.getMetricsAsJSON()).map((metric) => ({
				...metric,
				values: metric.values.map((value) => {
					const { exemplar: _, ...rest } = value as typeof value & { exemplar?: unknown };
					return rest;
				}),
			}));
		expect(await json(ours)).toEqual(await json(theirs));

		ours.resetMetrics();
		expect(series.all()).toEqual([]);
	});
});
