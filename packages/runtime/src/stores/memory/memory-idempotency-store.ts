import type {
	ClaimResult,
	IdempotencyRecord,
	IdempotencyStore,
	StoredOutcome,
} from '../idempotency-store.ts';

/**
 * Creates an idempotency store in a Map: for tests, dev and a single process. Records are kept
 * in the order they were claimed, so the keys past their retention are the oldest ones: each
 * claim drops those first (with a finite retention, the Map stays bounded by it).
 */
export function createMemoryIdempotencyStore(): IdempotencyStore & {
	get(scope: string): IdempotencyRecord | undefined;
} {
	const records = new Map<string, IdempotencyRecord>();

	/** Drops the oldest records while they are past their retention. */
	const forgetExpired = (now: number, retentionMs: number) => {
		for (const [scope, record] of records) {
			if (!isPastRetention(record, now, retentionMs)) return;
			records.delete(scope);
		}
	};

	return {
		async claim(scope, fingerprint, at, leaseMs, retentionMs = Number.POSITIVE_INFINITY) {
			const now = at.getTime();
			forgetExpired(now, retentionMs);
			const existing = records.get(scope);
			const abandoned = existing?.state === 'in-flight' && Date.parse(existing.leaseUntil) <= now;
			if (existing && !abandoned && !isPastRetention(existing, now, retentionMs)) {
				return { claimed: false, record: existing } satisfies ClaimResult;
			}
			// Deleted first, so the record moves to the end: the Map stays in claim order.
			records.delete(scope);
			records.set(scope, {
				scope,
				fingerprint,
				state: 'in-flight',
				createdAt: at.toISOString(),
				leaseUntil: new Date(now + leaseMs).toISOString(),
			});
			return { claimed: true };
		},
		async complete(scope, outcome: StoredOutcome) {
			const existing = records.get(scope);
			if (!existing) return;
			records.set(scope, Object.assign({}, existing, { state: 'completed' as const, outcome }));
		},
		async release(scope) {
			if (records.get(scope)?.state === 'in-flight') records.delete(scope);
		},
		get: (scope) => records.get(scope),
	};
}

/** Past its retention a key is new, in flight or not: its lease ended long before. */
function isPastRetention(record: IdempotencyRecord, now: number, retentionMs: number): boolean {
	return Date.parse(record.createdAt) + retentionMs <= now;
}
