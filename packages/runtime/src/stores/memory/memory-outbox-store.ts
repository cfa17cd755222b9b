import type { EventEnvelope } from '../../bus/event-envelope.ts';
import type { OutboxEntry, OutboxStore } from '../outbox-store.ts';

/** Creates an outbox in an array: for tests, dev and a single process. */
export function createMemoryOutboxStore(): OutboxStore & { all(): readonly OutboxEntry[] } {
	const entries: OutboxEntry[] = [];
	return {
		async append(events: readonly EventEnvelope[]) {
			for (const envelope of events) entries.push({ envelope });
		},
		async pending(limit = Number.POSITIVE_INFINITY) {
			return entries.filter((e) => e.publishedAt === undefined).slice(0, limit);
		},
		async markPublished(ids, at) {
			const wanted = new Set(ids);
			entries.forEach((entry, index) => {
				if (wanted.has(entry.envelope.id) && entry.publishedAt === undefined) {
					entries[index] = Object.assign({}, entry, { publishedAt: at.toISOString() });
				}
			});
		},
		all: () => [...entries],
	};
}
