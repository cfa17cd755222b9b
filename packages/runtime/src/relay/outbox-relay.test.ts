import { describe, expect, it } from 'vitest';
import { testEnvelope as event } from '../../test/fixtures/test-envelope.ts';
import type { PendingEvent, RelayOutbox } from '../stores/outbox-store.ts';
import { createOutboxRelay, type EventPublisher } from './outbox-relay.ts';

/** An outbox in an array: a batch is the oldest pending events; the delivered prefix leaves. */
function arrayOutbox(ids: readonly string[]) {
	const pending: PendingEvent[] = ids.map((id, seq) => ({
		seq,
		stream: 'todo.added',
		envelope: event(id),
	}));
	const outbox: Pick<RelayOutbox, 'deliverBatch'> = {
		async deliverBatch(limit, publish) {
			const batch = pending.slice(0, limit);
			if (batch.length === 0) return 0;
			const { delivered } = await publish(batch);
			pending.splice(0, delivered);
			return delivered;
		},
	};
	return { outbox: outbox as RelayOutbox, pending: () => pending.map((e) => e.envelope.id) };
}

/** A pipelined publisher whose acknowledgements the test settles by hand, in any order. */
function manualPublisher() {
	const issued: { id: string; ack: () => void; fail: (e: Error) => void }[] = [];
	const publisher: EventPublisher = {
		pipelined: true,
		publish: (envelope) =>
			new Promise<void>((ack, fail) => {
				issued.push({ id: envelope.id, ack, fail });
			}),
	};
	return { publisher, issued };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the outbox relay over a pipelined publisher', () => {
	it('issues the whole batch before the first acknowledgement, in commit order, and marks it delivered', async () => {
		const { outbox, pending } = arrayOutbox(['a', 'b', 'c']);
		const { publisher, issued } = manualPublisher();
		const drained = createOutboxRelay({ outbox, publisher, batchSize: 10 }).drain();
		await settle();
		expect(issued.map((p) => p.id)).toEqual(['a', 'b', 'c']);
		// Acknowledged out of order: nothing counts until the prefix before it is acknowledged.
		issued[2]!.ack();
		issued[1]!.ack();
		issued[0]!.ack();
		expect(await drained).toBe(3);
		expect(pending()).toEqual([]);
	});

	it('a failed publish ends the delivered prefix; it and everything after it stay pending, in order', async () => {
		const { outbox, pending } = arrayOutbox(['a', 'b', 'c', 'd']);
		const { publisher, issued } = manualPublisher();
		const relay = createOutboxRelay({ outbox, publisher, batchSize: 10 });
		const drained = relay.drain();
		await settle();
		issued[0]!.ack();
		issued[1]!.fail(new Error('no ack from the bus'));
		issued[2]!.ack();
		issued[3]!.fail(new Error('connection lost'));
		await expect(drained).rejects.toThrow('no ack from the bus');
		expect(relay.stats.delivered).toBe(1);
		expect(pending()).toEqual(['b', 'c', 'd']);
		// The next pass publishes them again, from the failed one on.
		const again = relay.drain();
		await settle();
		expect(issued.slice(4).map((p) => p.id)).toEqual(['b', 'c', 'd']);
		for (const p of issued.slice(4)) p.ack();
		expect(await again).toBe(3);
		expect(pending()).toEqual([]);
	});

	it('a publisher that is not pipelined gets one publish at a time', async () => {
		const { outbox } = arrayOutbox(['a', 'b']);
		const { publisher, issued } = manualPublisher();
		const drained = createOutboxRelay({
			outbox,
			publisher: { publish: publisher.publish },
			batchSize: 10,
		}).drain();
		await settle();
		expect(issued.map((p) => p.id)).toEqual(['a']);
		issued[0]!.ack();
		await settle();
		expect(issued.map((p) => p.id)).toEqual(['a', 'b']);
		issued[1]!.ack();
		expect(await drained).toBe(2);
	});
});
