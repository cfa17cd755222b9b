import type { AuditFilter, AuditRecord, AuditStore } from '../audit-store.ts';
import { SETTLED } from '../settled.ts';
import { AuditColumns } from './audit-columns.ts';
import { ringCapacity } from './ring-capacity.ts';

/** How many records the memory audit store keeps by default. */
export const DEFAULT_MEMORY_AUDIT_CAPACITY = 10_000;

/** What `append` returns: a memory append cannot fail, so one settled promise serves all. */
const APPENDED: Promise<void> = SETTLED;

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
			const until = filter.until === undefined ? undefined : new Date(filter.until).getTime();
			const first = Math.max(0, appended - capacity);
			const matching: AuditRecord[] = [];
			for (let seq = first + 1; seq <= appended; seq++) {
				if (filter.afterSeq !== undefined && seq <= filter.afterSeq) continue;
				if (filter.beforeSeq !== undefined && seq >= filter.beforeSeq) continue;
				const columns = blockOf(seq);
				const at = ((seq - 1) % capacity) % blockSize;
				if (
					(filter.operation === undefined || columns.operation(at) === filter.operation) &&
					(filter.principal === undefined || columns.principalId(at) === filter.principal) &&
					(filter.callerTraceId === undefined ||
						columns.callerTraceId(at) === filter.callerTraceId) &&
					(filter.traceId === undefined || columns.traceId(at) === filter.traceId) &&
					(filter.inTrace === undefined ||
						columns.traceId(at) === filter.inTrace ||
						columns.callerTraceId(at) === filter.inTrace) &&
					(since === undefined || Date.parse(columns.startedAt(at)) >= since) &&
					(until === undefined || Date.parse(columns.startedAt(at)) < until)
				) {
					const record = columns.read(at);
					if (matchesRest(record, filter)) matching.push(Object.assign(record, { seq }));
				}
			}
			return filter.limit === undefined ? matching : matching.slice(-filter.limit);
		},
	};
}

/** The filters the columns are not indexed by, checked on the read record. */
function matchesRest(record: AuditRecord, filter: AuditFilter): boolean {
	if (filter.tenant !== undefined && (record.tenant ?? null) !== filter.tenant) return false;
	if (filter.outcome !== undefined && (record.resultCode === 'OK') !== (filter.outcome === 'ok'))
		return false;
	if (filter.resultCode !== undefined && record.resultCode !== filter.resultCode) return false;
	return true;
}
