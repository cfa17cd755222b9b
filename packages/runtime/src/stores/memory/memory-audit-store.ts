import type { AuditRecord, AuditStore } from '../audit-store.ts';

/** How many records the memory audit store keeps by default. */
export const DEFAULT_MEMORY_AUDIT_CAPACITY = 10_000;

/** What `append` returns: a memory append cannot fail, so one settled promise serves all. */
const APPENDED: Promise<void> = Promise.resolve();

/** Options of the memory audit store. */
export interface MemoryAuditOptions {
	/**
	 * The most records kept (10,000 by default): past it the oldest record is dropped, so a
	 * long-running dev server does not grow without bound. `seq` keeps counting from the first
	 * record ever appended. Use a SQL store for an audit log that must keep everything.
	 */
	readonly capacity?: number;
}

/**
 * Creates an audit log in a bounded ring buffer: for tests, dev and a single process. Only the
 * newest `capacity` records are kept (see {@link MemoryAuditOptions}).
 */
export function createMemoryAuditStore(options: MemoryAuditOptions = {}): AuditStore {
	const capacity = options.capacity ?? DEFAULT_MEMORY_AUDIT_CAPACITY;
	if (!(Number.isInteger(capacity) && capacity > 0)) {
		throw new RangeError(`the audit capacity must be a positive integer, got ${capacity}`);
	}
	const ring: AuditRecord[] = [];
	/** How many records were ever appended: the `seq` of the newest one. */
	let appended = 0;
	return {
		append(record) {
			ring[appended % capacity] = record;
			appended++;
			return APPENDED;
		},
		async list(filter = {}) {
			const since = filter.since === undefined ? undefined : new Date(filter.since).getTime();
			const first = Math.max(0, appended - capacity);
			const matching: AuditRecord[] = [];
			for (let seq = first + 1; seq <= appended; seq++) {
				if (filter.afterSeq !== undefined && seq <= filter.afterSeq) continue;
				const r = ring[(seq - 1) % capacity]!;
				if (
					(filter.operation === undefined || r.operation === filter.operation) &&
					(filter.principal === undefined || r.principalId === filter.principal) &&
					(since === undefined || Date.parse(r.startedAt) >= since)
				) {
					matching.push({ ...r, seq } as AuditRecord);
				}
			}
			return filter.limit === undefined ? matching : matching.slice(-filter.limit);
		},
	};
}
