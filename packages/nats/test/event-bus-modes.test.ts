import { createNatsBus, type NatsEventBus } from '@charter/nats';
import type { EventEnvelope } from '@charter/runtime';
import { createEventBus, type EventBus } from '@charter/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { CounterIncremented } from '../../../test-support/durable/counter-app.ts';
import {
	announceSkip,
	NATS_URL,
	uniquePrefix,
} from '../../../test-support/durable/store-targets.ts';

// The two kinds of consumer, on every bus: `subscribe` (durable, work-shared per group) and
// `listen` (live broadcast of new events). The NATS target runs with CHARTER_TEST_NATS_URL.
announceSkip('CHARTER_TEST_NATS_URL', 'live listeners and groups on the NATS JetStream bus');

/** A bus implementation under test: `open(n)` gives n nodes on one shared bus. */
interface BusTarget {
	readonly name: string;
	open(nodes: number): Promise<EventBus[]>;
	/** Waits until the durable subscriptions so far receive. */
	ready(buses: EventBus[]): Promise<void>;
}

const natsBuses: NatsEventBus[] = [];
const streams = new Set<string>();
afterAll(async () => {
	const jsm = await natsBuses[0]?.connection.jetstreamManager();
	for (const stream of streams) await jsm?.streams.delete(stream).catch(() => {});
	for (const bus of natsBuses) await bus.close().catch(() => {});
});

const targets: BusTarget[] = [
	{
		name: 'in-process',
		open: async (nodes) => {
			const bus = createEventBus();
			return Array.from({ length: nodes }, () => bus);
		},
		ready: async () => {},
	},
];
const natsUrl = NATS_URL;
if (natsUrl) {
	targets.push({
		name: 'NATS JetStream',
		open: async (nodes) => {
			const name = uniquePrefix('m').toUpperCase();
			streams.add(`T_${name}`);
			const buses: NatsEventBus[] = [];
			for (let i = 0; i < nodes; i++) {
				buses.push(
					await createNatsBus({
						url: natsUrl,
						stream: `T_${name}`,
						subjectPrefix: `test.${name}`,
						retryDelayMs: 50,
						connectTimeoutMs: 2000,
					}),
				);
			}
			natsBuses.push(...buses);
			return buses;
		},
		ready: async (buses) => {
			await Promise.all(buses.map((bus) => (bus as NatsEventBus).ready()));
		},
	});
}

let serial = 0;
function event(n: number, type = 'counter.incremented'): EventEnvelope<{ value: number }> {
	return {
		specversion: '1.0',
		id: `e-${n}-${serial++}-${Math.random().toString(36).slice(2)}`,
		source: 'charter:operation/counter.increment@1.0.0',
		type,
		time: new Date().toISOString(),
		datacontenttype: 'application/json',
		data: { value: n },
		eventversion: '1.0.0',
		traceid: 'tr',
	};
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

async function until(check: () => boolean, what: string, ms = 10_000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}
/** Gives late or duplicate deliveries time to show up. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe.each(targets)('$name bus', (target) => {
	it('two live listeners on one event each receive every new event, across nodes', async () => {
		const [a, b] = (await target.open(2)) as [EventBus, EventBus];
		const seen = { a: [] as number[], b: [] as number[] };
		const stopA = a.listen(CounterIncremented, (e) => {
			seen.a.push(e.data.value);
		});
		const stopB = b.listen('counter.incremented', (e) => {
			seen.b.push((e.data as { value: number }).value);
		});
		await Promise.all([stopA.ready, stopB.ready]);
		for (const n of range(0, 20)) await a.publish(event(n));
		await until(() => seen.a.length >= 20 && seen.b.length >= 20, 'both listeners');
		await settle();
		expect(seen.a).toEqual(range(0, 20));
		expect(seen.b).toEqual(range(0, 20));
		stopA();
		stopB();
	});

	it('a listener started after some events receives only the events published after it', async () => {
		const [bus] = (await target.open(1)) as [EventBus];
		for (const n of range(0, 5)) await bus.publish(event(n));
		const seen: number[] = [];
		const all: string[] = [];
		const stop = bus.listen('counter.incremented', (e) => {
			seen.push((e.data as { value: number }).value);
		});
		const stopAll = bus.listen('*', (e) => {
			all.push(e.type);
		});
		await Promise.all([stop.ready, stopAll.ready]);
		await settle();
		expect(seen).toEqual([]);
		for (const n of range(5, 8)) await bus.publish(event(n));
		await bus.publish(event(99, 'counter.reset'));
		await until(() => seen.length >= 3 && all.length >= 4, 'the new events');
		await settle();
		expect(seen).toEqual([5, 6, 7]);
		expect(all).toEqual([
			'counter.incremented',
			'counter.incremented',
			'counter.incremented',
			'counter.reset',
		]);
		stop();
		await bus.publish(event(8));
		await until(() => all.length >= 5, 'the wildcard listener');
		await settle();
		expect(seen).toEqual([5, 6, 7]);
		stopAll();
	});

	it('durable subscriptions of one group share the work: each event is handled once', async () => {
		const [a, b] = (await target.open(2)) as [EventBus, EventBus];
		const seen = { a: [] as number[], b: [] as number[], other: [] as number[] };
		a.subscribe(CounterIncremented, (e) => void seen.a.push(e.data.value), { group: 'workers' });
		b.subscribe(CounterIncremented, (e) => void seen.b.push(e.data.value), { group: 'workers' });
		// Another group gets its own copy of every event.
		b.subscribe(CounterIncremented, (e) => void seen.other.push(e.data.value), {
			group: 'audit',
		});
		await target.ready([a, b]);
		for (const n of range(0, 40)) await a.publish(event(n));
		await until(
			() => seen.a.length + seen.b.length >= 40 && seen.other.length >= 40,
			'both groups',
		);
		await settle();
		expect([...seen.a, ...seen.b].sort((x, y) => x - y)).toEqual(range(0, 40));
		expect(seen.other.sort((x, y) => x - y)).toEqual(range(0, 40));
	});
});

describe.skipIf(!NATS_URL)('NATS JetStream bus: durable versus live', () => {
	it('a durable subscription starts from the stream history; a listener does not', async () => {
		const [bus] = (await targets[1]!.open(1)) as [NatsEventBus];
		for (const n of range(0, 3)) await bus.publish(event(n));
		const durable: number[] = [];
		const live: number[] = [];
		bus.subscribe(CounterIncremented, (e) => void durable.push(e.data.value), { group: 'late' });
		const stop = bus.listen(CounterIncremented, (e) => void live.push(e.data.value));
		await Promise.all([bus.ready(), stop.ready]);
		await bus.publish(event(3));
		await until(() => durable.length >= 4 && live.length >= 1, 'both consumers');
		await settle();
		expect(durable).toEqual([0, 1, 2, 3]);
		expect(live).toEqual([3]);
		stop();
	});

	it('a stopped listener removes its ephemeral consumer from the stream', async () => {
		const [bus] = (await targets[1]!.open(1)) as [NatsEventBus];
		const jsm = await bus.connection.jetstreamManager();
		const stream = [...streams].at(-1)!;
		const stop = bus.listen('*', () => {});
		await stop.ready;
		const count = async () => (await jsm.consumers.list(stream).next()).length;
		expect(await count()).toBe(1);
		stop();
		const end = Date.now() + 5000;
		while ((await count()) > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
		expect(await count()).toBe(0);
	});
});
