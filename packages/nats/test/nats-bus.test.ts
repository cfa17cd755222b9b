import { createNatsBus, type NatsEventBus } from '@charter/nats';
import type { EventEnvelope } from '@charter/runtime';
import { createOutboxRelay } from '@charter/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import {
	asAlice,
	CounterIncremented,
	counterMigrations,
	counterTable,
	createCounterExecutor,
} from '../../../test-support/durable/counter-app.ts';
import {
	announceSkip,
	NATS_URL,
	sqliteTarget,
	uniquePrefix,
} from '../../../test-support/durable/store-targets.ts';
import { startTcpProxy } from '../../../test-support/durable/tcp-proxy.ts';

announceSkip('CHARTER_TEST_NATS_URL', 'NATS JetStream bus');

const buses: NatsEventBus[] = [];
const streams = new Set<string>();
const sqlite = sqliteTarget();
afterAll(async () => {
	const jsm = await buses[0]?.connection.jetstreamManager();
	for (const stream of streams) await jsm?.streams.delete(stream).catch(() => {});
	for (const bus of buses) {
		await bus.close().catch(() => {});
	}
	await sqlite.cleanup();
});

/** A bus on a fresh stream and subject prefix, so parallel runs never share messages. */
async function openBus(name: string, group = 'g', url = NATS_URL!) {
	const bus = await createNatsBus({
		url,
		stream: `T_${name}`,
		subjectPrefix: `test.${name}`,
		group,
		retryDelayMs: 50,
		connectTimeoutMs: 2000,
	});
	buses.push(bus);
	streams.add(`T_${name}`);
	return bus;
}

function event(
	n: number,
	id = `e-${n}-${Math.random().toString(36).slice(2)}`,
): EventEnvelope<{ id: string; value: number; revision: number }> {
	return {
		specversion: '1.0',
		id,
		source: 'charter:operation/counter.increment@1.0.0',
		type: 'counter.incremented',
		time: new Date().toISOString(),
		datacontenttype: 'application/json',
		data: { id: 'c', value: n, revision: n },
		eventversion: '1.0.0',
		traceid: 'tr',
	};
}

const until = async (check: () => boolean, ms = 10_000) => {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 20));
	}
};

describe.skipIf(!NATS_URL)('NATS JetStream bus', () => {
	it('delivers a typed payload; a failing handler gets the event again; a re-published id is dropped', async () => {
		const name = uniquePrefix('n').toUpperCase();
		const bus = await openBus(name);
		const values: number[] = [];
		let failOnce = true;
		bus.subscribe(CounterIncremented, async (e) => {
			if (failOnce) {
				failOnce = false;
				throw new Error('transient');
			}
			values.push(e.data.value);
		});
		await bus.ready();
		const first = event(1);
		await bus.publish(first);
		await bus.publish(first); // the relay may publish twice: JetStream keeps one (msgID)
		await bus.publish(event(2));
		await until(() => values.length >= 2);
		await new Promise((r) => setTimeout(r, 200));
		expect(values.sort()).toEqual([1, 2]);
	});

	it('an event with a traceparent carries it in a NATS header and in the envelope', async () => {
		const name = uniquePrefix('t').toUpperCase();
		const bus = await openBus(name);
		const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
		const seen: (string | undefined)[] = [];
		const raw = bus.connection.subscribe(`test.${name}.counter.incremented`, {
			callback: (_error, message) => seen.push(message.headers?.get('traceparent') || undefined),
		});
		await bus.connection.flush();
		await bus.publish({ ...event(1), traceparent });
		await bus.publish(event(2));
		await until(() => seen.length >= 2);
		raw.unsubscribe();
		expect(seen).toEqual([traceparent, undefined]);
	});

	it('two nodes in one group share a subscription: each event is handled once', async () => {
		const name = uniquePrefix('q').toUpperCase();
		const a = await openBus(name, 'shared');
		const b = await openBus(name, 'shared');
		const seen = { a: [] as string[], b: [] as string[] };
		a.subscribe(CounterIncremented, (e) => {
			seen.a.push(e.id);
		});
		b.subscribe(CounterIncremented, (e) => {
			seen.b.push(e.id);
		});
		await Promise.all([a.ready(), b.ready()]);
		const ids: string[] = [];
		for (let i = 0; i < 40; i++) {
			const e = event(i);
			ids.push(e.id);
			await a.publish(e);
		}
		await until(() => seen.a.length + seen.b.length >= 40);
		await new Promise((r) => setTimeout(r, 200));
		expect([...seen.a, ...seen.b].sort()).toEqual(ids.sort());
	});

	it('commands commit while NATS is unreachable; the relay catches up when it returns', async () => {
		const url = new URL(NATS_URL!);
		const proxy = await startTcpProxy(url.hostname, Number(url.port || 4222));
		const name = uniquePrefix('r').toUpperCase();
		const bus = await openBus(name, 'g', `nats://127.0.0.1:${proxy.port}`);
		const consumer = await openBus(name, 'consumers');
		const received: number[] = [];
		consumer.subscribe(CounterIncremented, (e) => {
			received.push(e.data.value);
		});
		await consumer.ready();
		const stores = await sqlite.open({ migrations: [counterMigrations] });
		const executor = createCounterExecutor({
			stores,
			bus,
			table: counterTable(stores.tables.outbox),
		});
		const relay = createOutboxRelay({
			outbox: stores.outbox,
			publisher: bus,
			onCommit: stores.onCommit,
			pollMs: 50,
			backoffMs: 50,
			maxBackoffMs: 200,
		});
		relay.start();
		await proxy.cut();
		for (let i = 0; i < 5; i++) {
			const r = await executor.execute({
				operation: 'counter.increment',
				input: { id: 'c' },
				metadata: asAlice,
			});
			expect(r.ok).toBe(true);
		}
		await new Promise((r) => setTimeout(r, 300));
		expect(await stores.outbox.countPending()).toBe(5);
		await proxy.restore();
		await until(() => received.length >= 5, 20_000);
		expect(received).toEqual([1, 2, 3, 4, 5]);
		await until(() => relay.stats.failures === 0);
		expect(await stores.outbox.countPending()).toBe(0);
		await relay.stop();
		await proxy.close();
	});
});
