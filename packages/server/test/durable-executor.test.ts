import type { EventEnvelope } from '@charter/runtime';
import { createEventBus, createOutboxRelay } from '@charter/runtime';
import type { SqlStores } from '@charter/sql';
import { afterAll, describe, expect, it } from 'vitest';
import {
	asAlice,
	CounterIncremented,
	counterMigrations,
	counterTable,
	createCounterExecutor,
} from '../../../test-support/durable/counter-app.ts';
import { announceSkip, sqlTargets } from '../../../test-support/durable/store-targets.ts';

announceSkip('CHARTER_TEST_PG_URL', 'durable executor over PostgreSQL');

const targets = sqlTargets();
afterAll(async () => {
	for (const target of targets) await target.cleanup();
});

async function setup(stores: SqlStores) {
	const bus = createEventBus();
	const received: EventEnvelope[] = [];
	bus.subscribe(CounterIncremented, (event) => {
		received.push(event);
	});
	const executor = createCounterExecutor({
		stores,
		bus,
		table: counterTable(stores.tables.outbox),
	});
	const relay = createOutboxRelay({ outbox: stores.outbox, publisher: bus, pollMs: 20 });
	const counter = async (id: string) =>
		(await stores.db
			.selectFrom(counterTable(stores.tables.outbox))
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst()) as { value: number; revision: number } | undefined;
	return { executor, relay, received, counter };
}

describe.each(targets.map((t) => [t.name, t] as const))('durable executor on %s', (_n, target) => {
	it('commits state, outbox, audit and idempotency together; the relay publishes after commit', async () => {
		const stores = await target.open({ migrations: [counterMigrations] });
		const { executor, relay, received, counter } = await setup(stores);
		const result = await executor.execute({
			operation: 'counter.increment',
			input: { id: 'c1' },
			metadata: asAlice,
			idempotencyKey: 'key-1',
		});
		expect(result).toMatchObject({ ok: true, output: { id: 'c1', value: 1, revision: 1 } });
		// Not published by the executor: the relay does it, from the outbox.
		expect(received).toEqual([]);
		expect(await stores.outbox.countPending()).toBe(1);
		expect(await relay.drain()).toBe(1);
		expect(received.map((e) => [e.type, e.data])).toEqual([
			['counter.incremented', { id: 'c1', value: 1, revision: 1 }],
		]);
		expect(await stores.outbox.countPending()).toBe(0);
		expect(await counter('c1')).toMatchObject({ value: 1, revision: 1 });
		const audit = await stores.audit.list({ operation: 'counter.increment' });
		expect(audit.map((r) => [r.principalId, r.resultCode, r.idempotencyKey])).toEqual([
			['alice', 'OK', 'key-1'],
		]);
		// The same key replays the stored outcome: no second state change, no second event.
		const replay = await executor.execute({
			operation: 'counter.increment',
			input: { id: 'c1' },
			metadata: asAlice,
			idempotencyKey: 'key-1',
		});
		expect(replay).toMatchObject({ ok: true, replayed: true, output: { value: 1 } });
		expect(await counter('c1')).toMatchObject({ value: 1 });
		expect(await stores.outbox.countPending()).toBe(0);
	});

	it('a handler failing after its writes leaves no state, no event, and an audited failure', async () => {
		const stores = await target.open({ migrations: [counterMigrations] });
		const { executor, relay, received, counter } = await setup(stores);
		const result = await executor.execute({
			operation: 'counter.increment',
			input: { id: 'c2', fail: true },
			metadata: asAlice,
			idempotencyKey: 'key-2',
		});
		expect(result).toMatchObject({ ok: false, problem: { status: 500, code: 'INTERNAL' } });
		expect(await counter('c2')).toBeUndefined();
		expect(await stores.outbox.countPending()).toBe(0);
		await relay.drain();
		expect(received).toEqual([]);
		const audit = await stores.audit.list();
		expect(audit.map((r) => [r.resultCode, r.status])).toEqual([['INTERNAL', 500]]);
		// The key was released: a retry runs.
		const retry = await executor.execute({
			operation: 'counter.increment',
			input: { id: 'c2' },
			metadata: asAlice,
			idempotencyKey: 'key-2b',
		});
		expect(retry).toMatchObject({ ok: true, output: { value: 1 } });
	});

	it('100 concurrent increments on one counter lose no update; losers get a 409 problem', async () => {
		const stores = await target.open({ migrations: [counterMigrations] });
		const { executor, counter } = await setup(stores);
		await executor.execute({
			operation: 'counter.increment',
			input: { id: 'hot' },
			metadata: asAlice,
		});
		const results = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				executor.execute({
					operation: 'counter.increment',
					input: { id: 'hot', expectedRevision: 1 + (i % 10) },
					metadata: asAlice,
				}),
			),
		);
		const ok = results.filter((r) => r.ok).length;
		const conflicts = results.filter((r) => !r.ok && r.problem.status === 409).length;
		expect(ok + conflicts).toBe(100);
		expect(ok).toBeGreaterThan(0);
		const row = await counter('hot');
		// Every success is exactly one increment, and nothing else changed the counter.
		expect(Number(row?.value)).toBe(1 + ok);
		expect(Number(row?.revision)).toBe(1 + ok);
		expect(await stores.outbox.countPending()).toBe(1 + ok);
		const audit = await stores.audit.list();
		expect(audit.filter((r) => r.resultCode === 'CONFLICT')).toHaveLength(conflicts);
	});
});
