import type { EventEnvelope } from '../../bus/event-envelope.ts';
import { isoTimestamp } from '../../clock/iso-timestamp.ts';
import type { OutboxEntry, PendingEvent, RelayOutbox } from '../outbox-store.ts';
import { ringCapacity } from './ring-capacity.ts';

/** How many published entries the memory outbox keeps by default. */
export const DEFAULT_MEMORY_OUTBOX_CAPACITY = 10_000;

/** Options of the memory outbox. */
export interface MemoryOutboxOptions {
	/**
	 * The most published entries kept (10,000 by default): past it the oldest published entry
	 * is dropped, so a long-running dev server does not grow without bound. Pending entries are
	 * always kept. Use a SQL store for an outbox that must keep everything.
	 */
	readonly capacity?: number;
}

/** An entry and its position in append order. */
interface Slot {
	readonly seq: number;
	readonly entry: OutboxEntry;
}

/**
 * Creates an outbox in memory: for tests, dev and a single process. Pending entries are kept
 * by position and indexed by event id, so marking a command's events published costs the same
 * however many events came before; published ones go to a bounded ring. Like the SQL outbox it
 * is drained by an outbox relay (`deliverBatch`, append order); one relay per memory outbox.
 */
export function createMemoryOutboxStore(
	options: MemoryOutboxOptions = {},
): RelayOutbox & { all(): readonly OutboxEntry[] } {
	const capacity = ringCapacity('outbox', options.capacity, DEFAULT_MEMORY_OUTBOX_CAPACITY);
	let appended = 0;
	/** Pending entries by position (a Map iterates in insertion order: oldest first). */
	const pending = new Map<number, Slot>();
	/** Positions of the pending entries of each event id. */
	const pendingById = new Map<string, number[]>();
	/** The newest published entries, `published[i % capacity]`, `publishedCount` in all. */
	const published: Slot[] = [];
	let publishedCount = 0;

	const publish = (slot: Slot) => {
		published[publishedCount % capacity] = slot;
		publishedCount++;
	};

	const markPublished = (ids: readonly string[], at: Date) => {
		const publishedAt = isoTimestamp(at);
		for (const id of ids) {
			for (const seq of pendingById.get(id) ?? []) {
				const slot = pending.get(seq);
				if (slot === undefined) continue;
				pending.delete(seq);
				publish({ seq, entry: Object.assign({}, slot.entry, { publishedAt }) });
			}
			pendingById.delete(id);
		}
	};

	return {
		async append(events: readonly EventEnvelope[]) {
			for (const envelope of events) {
				const seq = appended++;
				pending.set(seq, { seq, entry: { envelope } });
				const positions = pendingById.get(envelope.id);
				if (positions) positions.push(seq);
				else pendingById.set(envelope.id, [seq]);
			}
		},
		async pending(limit = Number.POSITIVE_INFINITY) {
			const entries: OutboxEntry[] = [];
			for (const slot of pending.values()) {
				if (entries.length >= limit) break;
				entries.push(slot.entry);
			}
			return entries;
		},
		async markPublished(ids, at) {
			markPublished(ids, at);
		},
		async deliverBatch(limit, deliver, at) {
			const batch: PendingEvent[] = [];
			for (const slot of pending.values()) {
				if (batch.length >= limit) break;
				const { envelope } = slot.entry;
				batch.push({ seq: slot.seq, stream: envelope.type, envelope });
			}
			if (batch.length === 0) return 0;
			const { delivered } = await deliver(batch);
			markPublished(
				batch.slice(0, delivered).map((event) => event.envelope.id),
				at(),
			);
			return delivered;
		},
		/** Every entry kept, pending and published, in append order. */
		all: () =>
			[...published, ...pending.values()].sort((a, b) => a.seq - b.seq).map((slot) => slot.entry),
	};
}
