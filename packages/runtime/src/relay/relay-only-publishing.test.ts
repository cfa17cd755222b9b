import { describe, expect, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { createEventBus, type EventBus } from '../bus/event-bus.ts';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import { createExecutor } from '../executor/create-executor.ts';
import { silentLogger } from '../logging/logger.ts';
import { createMemoryStores } from '../stores/memory/memory-stores.ts';
import type { BatchPublisher, RelayOutbox } from '../stores/outbox-store.ts';

/**
 * Memory stores whose outbox records every batch the relay claims, and a bus that records
 * whether each publish happened inside such a batch (that is: the relay delivered it).
 */
function watchedRuntime() {
	const stores = createMemoryStores();
	const outbox = stores.outbox as RelayOutbox;
	const batches: string[][] = [];
	let insideBatch = false;
	const deliverBatch = outbox.deliverBatch.bind(outbox);
	const watchedOutbox: RelayOutbox = Object.assign(Object.create(outbox) as RelayOutbox, {
		deliverBatch(limit: number, publish: BatchPublisher, at: () => Date) {
			return deliverBatch(
				limit,
				async (events) => {
					batches.push(events.map((e) => e.envelope.id));
					insideBatch = true;
					try {
						return await publish(events);
					} finally {
						insideBatch = false;
					}
				},
				at,
			);
		},
	});
	const bus = createEventBus();
	const published: { id: string; byRelay: boolean }[] = [];
	const watchedBus: EventBus = Object.assign(Object.create(bus) as EventBus, {
		publish(event: EventEnvelope) {
			published.push({ id: event.id, byRelay: insideBatch });
			return bus.publish(event);
		},
	});
	return { stores: { ...stores, outbox: watchedOutbox }, bus: watchedBus, batches, published };
}

describe('the outbox relay is the only way events are published (memory stores)', () => {
	it('an event reaches its subscribers only from a batch the relay claimed from the outbox', async () => {
		const { stores, bus, batches, published } = watchedRuntime();
		const received: string[] = [];
		bus.subscribe('todo.created', (event) => {
			received.push((event.data as { title: string }).title);
		});
		const { executor } = createTodoApp({ stores, bus, logger: silentLogger });
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'milk' },
			metadata: as('alice'),
		});
		expect(result.ok).toBe(true);
		// Delivered by the time the command resolves, and only through the relay.
		expect(received).toEqual(['milk']);
		expect(published).toEqual([{ id: result.ok ? result.events[0]!.id : '', byRelay: true }]);
		expect(batches.flat()).toEqual(published.map((p) => p.id));
		expect(await stores.outbox.pending()).toEqual([]);
	});

	it('events of concurrent commands reach a subscriber in commit (outbox) order, each once', async () => {
		const { stores, bus, published } = watchedRuntime();
		const received: string[] = [];
		bus.subscribe('todo.created', (event) => {
			received.push(event.id);
		});
		const { executor } = createTodoApp({ stores, bus, logger: silentLogger });
		const results = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				executor.execute({
					operation: 'todo.create',
					input: { title: `t${i}` },
					metadata: as('alice'),
				}),
			),
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const appended = (stores.outbox as unknown as { all(): { envelope: EventEnvelope }[] })
			.all()
			.map((entry) => entry.envelope.id);
		expect(appended).toHaveLength(25);
		expect(received).toEqual(appended);
		expect(published.every((p) => p.byRelay)).toBe(true);
	});

	it('a subscriber that runs a command during a delivery does not wait on that delivery', async () => {
		const stores = createMemoryStores();
		const bus = createEventBus();
		const { executor } = createTodoApp({ stores, bus, logger: silentLogger });
		const received: string[] = [];
		const nested: Promise<unknown>[] = [];
		bus.subscribe('todo.created', async (event) => {
			const title = (event.data as { title: string }).title;
			received.push(title);
			if (title !== 'first') return;
			const follow = executor.execute({
				operation: 'todo.create',
				input: { title: 'follow-up' },
				metadata: as('alice'),
			});
			nested.push(follow);
			expect((await follow).ok).toBe(true);
		});
		const first = await executor.execute({
			operation: 'todo.create',
			input: { title: 'first' },
			metadata: as('alice'),
		});
		expect(first.ok).toBe(true);
		expect(nested).toHaveLength(1);
		// The running drain delivered the follow-up's event before the first command resolved.
		expect(received).toEqual(['first', 'follow-up']);
		expect(await stores.outbox.pending()).toEqual([]);
	});

	it('events a failed delivery left pending go out first, in order, with the next command', async () => {
		const stores = createMemoryStores();
		const bus = createEventBus();
		let down = true;
		const flaky: EventBus = Object.assign(Object.create(bus) as EventBus, {
			publish: (event: EventEnvelope) =>
				down ? Promise.reject(new Error('bus down')) : bus.publish(event),
		});
		const received: string[] = [];
		bus.subscribe('todo.created', (event) => {
			received.push((event.data as { title: string }).title);
		});
		const { executor } = createTodoApp({ stores, bus: flaky, logger: silentLogger });
		const create = (title: string) =>
			executor.execute({ operation: 'todo.create', input: { title }, metadata: as('alice') });
		expect((await create('first')).ok).toBe(true);
		expect(received).toEqual([]);
		expect(await stores.outbox.pending()).toHaveLength(1);
		down = false;
		expect((await create('second')).ok).toBe(true);
		expect(received).toEqual(['first', 'second']);
		expect(await stores.outbox.pending()).toEqual([]);
	});

	it('stores whose outbox no relay can drain, and with no afterCommit, are refused at start', () => {
		const stores = createMemoryStores();
		const { pending, append, markPublished } = stores.outbox;
		const plain = { ...stores, outbox: { pending, append, markPublished } };
		expect(() => createExecutor({ bindings: [], stores: plain })).toThrow(/deliverBatch/);
	});
});
