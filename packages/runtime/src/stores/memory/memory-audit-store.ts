import type { AuditRecord, AuditStore } from '../audit-store.ts';
import { AuditColumns } from './audit-columns.ts';
import { ringCapacity } from './ring-capacity.ts';

/** How many records the memory audit store keeps by default. */
export const DEFAULT_MEMORY_AUDIT_CAPACITY = 10_000;

/** What `append` returns: a memory append cannot fail, so one settled promise serves all. */
const APPENDED: Promise<void> = Promise.resolve();

/** Slots per block of the ring. */
const BLOCK_SIZE = 1024;

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
 * newest `capacity` records are kept (see {@link MemoryAuditOptions}). The ring is kept in
 * columns, mostly outside the JS heap (see audit-columns.ts), so a full log costs the garbage
 * collector next to nothing.
 */
export function createMemoryAuditStore(options: MemoryAuditOptions = {}): AuditStore {
	const capacity = ringCapacity('audit', options.capacity, DEFAULT_MEMORY_AUDIT_CAPACITY);
	// Blocks of slots, each made on first use: an executor that audits little allocates little.
	const blocks: AuditColumns[] = [];
	const blockSize = Math.min(BLOCK_SIZE, capacity);
	/** The block holding record `seq` (made on first use); `(seq - 1) % blockSize` within it. */
	const blockOf = (seq: number): AuditColumns => {
		const block = Math.floor(((seq - 1) % capacity) / blockSize);
		let columns = blocks[block];
		if (!columns) {
			columns = new AuditColumns(blockSize);
			blocks[block] = columns;
		}
		return columns;
	};
	/** How many records were ever appended: the `seq` of the newest one. */
	let appended = 0;
	return {
		append(record) {
			appended++;
			blockOf(appended).write(((appended - 1) % capacity) % blockSize, record);
			return APPENDED;
		},
		async list(filter = {}) {
			const since = filter.since === undefined ? undefined : new Date(filter.since).getTime();
			const first = Math.max(0, appended - capacity);
			const matching: AuditRecord[] = [];
			for (let seq = first + 1; seq <= appended; seq++) {
				if (filter.afterSeq !== undefined && seq <= filter.afterSeq) continue;
				const columns = blockOf(seq);
				const at = ((seq - 1) % capacity) % blockSize;
				if (
					(filter.operation === undefined || columns.operation(at) === filter.operation) &&
					(filter.principal === undefined || columns.principalId(at) === filter.principal) &&
					(since === undefined || Date.parse(columns.startedAt(at)) >= since)
				) {
					matching.push(Object.assign(columns.read(at), { seq }));
				}
			}
			return filter.limit === undefined ? matching : matching.slice(-filter.limit);
		},
	};
}
