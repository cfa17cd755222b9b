import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { type ObservedCall, openTelemetryCallMetrics } from './call-metrics.ts';

/** A reader that collects when asked (the SDK's own pull model). */
class PullReader extends MetricReader {
	protected override async onShutdown() {}
	protected override async onForceFlush() {}
}

describe('call metrics', () => {
	it('the executor reports each served call with its surface, outcome, status, duration and replay; never an unknown operation', async () => {
		const calls: ObservedCall[] = [];
		const { executor } = createTodoApp({ metrics: { record: (call) => calls.push(call) } });
		const rest = (headers: Record<string, string>) => ({ transport: 'rest', headers });
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: rest(as('alice').headers),
			idempotencyKey: 'k1',
		});
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: rest(as('alice').headers),
			idempotencyKey: 'k1',
		});
		await executor.execute({ operation: 'todo.create', input: { title: 'b' } });
		await executor.execute({ operation: 'todo.nope', input: {} });
		expect(calls.map(({ durationMs: _, ...call }) => call)).toEqual([
			{
				operation: 'todo.create',
				version: '1.0.0',
				surface: 'rest',
				outcome: 'ok',
				status: 200,
				replayed: false,
			},
			{
				operation: 'todo.create',
				version: '1.0.0',
				surface: 'rest',
				outcome: 'ok',
				status: 200,
				replayed: true,
			},
			{
				operation: 'todo.create',
				version: '1.0.0',
				surface: 'unknown',
				outcome: 'UNAUTHENTICATED',
				status: 401,
				replayed: false,
			},
		]);
		expect(calls.every((c) => c.durationMs >= 0 && c.durationMs < 5_000)).toBe(true);
	});

	it('a recorder that throws never fails the call', async () => {
		const { executor } = createTodoApp({
			metrics: {
				record() {
					throw new Error('broken exporter');
				},
			},
		});
		const result = await executor.execute({ operation: 'todo.list', input: {} });
		expect(result.ok).toBe(true);
	});

	it('OpenTelemetry metrics count calls, replays and rate-limit refusals and time them', async () => {
		const reader = new PullReader();
		const provider = new MeterProvider({ readers: [reader] });
		const { executor } = createTodoApp({
			metrics: openTelemetryCallMetrics(provider.getMeter('@charter/runtime')),
			rateLimits: { perAddress: { limit: 2, windowMs: 60_000 }, perPrincipal: false },
		});
		const call = () =>
			executor.execute({
				operation: 'todo.list',
				input: {},
				metadata: { transport: 'graphql', clientAddress: '10.0.0.1' },
			});
		await call();
		await call();
		await call();
		const { resourceMetrics } = await reader.collect();
		const metrics = new Map(
			resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).map((m) => [m.descriptor.name, m]),
		);
		const points = (name: string) =>
			(metrics.get(name)?.dataPoints ?? []).map((p) => ({
				attributes: p.attributes,
				value: p.value,
			}));
		expect(points('charter.calls')).toEqual([
			{
				attributes: {
					'charter.operation': 'todo.list',
					'charter.surface': 'graphql',
					'charter.outcome': 'ok',
				},
				value: 2,
			},
			{
				attributes: {
					'charter.operation': 'todo.list',
					'charter.surface': 'graphql',
					'charter.outcome': 'RATE_LIMITED',
				},
				value: 1,
			},
		]);
		expect(points('charter.rate_limit.refusals')).toEqual([
			{ attributes: { 'charter.operation': 'todo.list', 'charter.surface': 'graphql' }, value: 1 },
		]);
		const histogram = points('charter.call.duration')[0]?.value as { count: number };
		expect(histogram.count).toBe(2);
		await provider.shutdown();
	});
});
