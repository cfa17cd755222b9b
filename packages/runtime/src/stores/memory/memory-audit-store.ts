import type { AuditRecord, AuditStore } from '../audit-store.ts';

/** Creates an audit log in an array: for tests, dev and a single process. */
export function createMemoryAuditStore(): AuditStore {
	const records: AuditRecord[] = [];
	return {
		async append(record) {
			records.push(record);
		},
		async list(filter = {}) {
			return records.filter(
				(r) => filter.operation === undefined || r.operation === filter.operation,
			);
		},
	};
}
