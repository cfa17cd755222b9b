import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countSubscribers, type InvocationMetadata } from '@charter/runtime';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, describe, expect, it } from 'vitest';
import {
	asAlice,
	counterMigrations,
	counterTable,
	createCounterExecutor,
} from '../../../test-support/durable/counter-app.ts';
import { createDurableRuntime } from '../src/durable-runtime.ts';
import { createPrometheusMetrics, metricsEndpoint } from '../src/prometheus-metrics.ts';

const runtime = await createDurableRuntime({
	url: 'sqlite::memory:',
	migrations: [counterMigrations],
	relay: { pollMs: 60_000 },
});
afterAll(() => runtime.close());

const bus = countSubscribers(runtime.bus);
const prometheus = createPrometheusMetrics({
	stores: runtime.stores,
	relay: runtime.relay,
	bus,
	processMetrics: false,
});
const executor = createCounterExecutor({
	stores: runtime.stores,
	bus,
	table: counterTable(runtime.stores.tables.outbox),
	metrics: prometheus.metrics,
});

const scrape = async () => {
	const families = parsePrometheusTextFormat((await prometheus.scrape()).body);
	return new Map(families.map((f) => [f.name, f]));
};
const sample = (
	families: Awaited<ReturnType<typeof scrape>>,
	name: string,
	labels: Record<string, string> = {},
) =>
	families
		.get(name)
		?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));

describe('Prometheus metrics', () => {
	it('the scrape counts calls by operation, surface and outcome, times them, counts replays, and reads the outbox backlog and subscribers', async () => {
		const unsubscribe = bus.subscribe('counter.incremented', () => {});
		const rest = { ...asAlice, transport: 'rest' };
		const increment = (key?: string, metadata: InvocationMetadata = rest) =>
			executor.execute({
				operation: 'counter.increment',
				input: { id: 'c1' },
				metadata,
				...(key ? { idempotencyKey: key } : {}),
			});
		expect((await increment('k')).ok).toBe(true);
		expect((await increment('k')).ok).toBe(true); // replayed
		expect((await increment(undefined, { transport: 'mcp' })).ok).toBe(false); // anonymous
		// The relay polls once a minute here: the first event is still in the outbox.
		const { body } = await prometheus.scrape();
		const families = new Map(parsePrometheusTextFormat(body).map((f) => [f.name, f]));
		expect(families.get('charter_requests_total')?.type).toBe('COUNTER');
		expect(
			sample(families, 'charter_requests_total', {
				operation: 'counter.increment',
				surface: 'rest',
				outcome: 'ok',
			})?.value,
		).toBe('2');
		expect(
			sample(families, 'charter_requests_total', { surface: 'mcp', outcome: 'UNAUTHENTICATED' })
				?.value,
		).toBe('1');
		// The parser folds a labelled histogram's series into one: read its lines as text.
		expect(families.get('charter_request_duration_seconds')?.type).toBe('HISTOGRAM');
		expect(body).toContain(
			'charter_request_duration_seconds_count{operation="counter.increment",surface="rest",outcome="ok"} 2\n',
		);
		expect(body).toMatch(
			/charter_request_duration_seconds_bucket\{le="30",operation="counter\.increment",surface="rest",outcome="ok"\} 2\n/,
		);
		expect(sample(families, 'charter_idempotency_replays_total')?.value).toBe('1');
		expect(sample(families, 'charter_outbox_backlog')?.value).toBe('1');
		expect(Number(sample(families, 'charter_outbox_lag_seconds')?.value)).toBeGreaterThanOrEqual(0);
		expect(sample(families, 'charter_relay_failures')?.value).toBe('0');
		expect(
			sample(families, 'charter_event_subscribers', {
				event: 'counter.incremented',
				kind: 'subscription',
			})?.value,
		).toBe('1');

		await runtime.relay.drain();
		unsubscribe();
		const after = await scrape();
		expect(sample(after, 'charter_outbox_backlog')?.value).toBe('0');
		expect(sample(after, 'charter_relay_delivered_total')?.value).toBe('1');
		expect(after.get('charter_event_subscribers')?.metrics).toEqual([]);
	});

	it('the endpoint answers only a bearer of its token, and only GET', async () => {
		const server = createServer(metricsEndpoint(prometheus, { token: 's3cret' }));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
		try {
			expect((await fetch(url)).status).toBe(401);
			const wrong = await fetch(url, { headers: { authorization: 'Bearer s3cre' } });
			expect(wrong.status).toBe(401);
			expect((await fetch(url, { headers: { authorization: 'Basic czNjcmV0' } })).status).toBe(401);
			const ok = await fetch(url, { headers: { authorization: 'Bearer s3cret' } });
			expect(ok.status).toBe(200);
			expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
			expect(await ok.text()).toContain('# TYPE charter_requests_total counter');
			const post = await fetch(url, {
				method: 'POST',
				headers: { authorization: 'Bearer s3cret' },
			});
			expect(post.status).toBe(405);
		} finally {
			server.close();
		}
	});
});
