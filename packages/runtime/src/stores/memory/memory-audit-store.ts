import type { AuditRecord, AuditStore } from '../audit-store.ts';

/** Creates an audit log in an array: for tests, dev and a single process. */
export function createMemoryAuditStore(): AuditStore {
	const records: AuditRecord[] = [];
	return {
		async append(record) {
			records.push(record);
		},
		async list(filter = {}) {
			const since = filter.since === undefined ? undefined : new Date(filter.since).getTime();
			const matching = records
				.map((record, index) => ({ ...record, seq: index + 1 }))
				.filter(
					(r) =>
						(filter.operation === undefined || r.operation === filter.operation) &&
						(filter.principal === undefined || r.principalId === filter.principal) &&
						(since === undefined || Date.parse(r.startedAt) >= since) &&
						(filter.afterSeq === undefined || r.seq > filter.afterSeq),
				);
			return filter.limit === undefined ? matching : matching.slice(-filter.limit);
		},
	};
}
