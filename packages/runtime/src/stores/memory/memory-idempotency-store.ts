import type {
	ClaimResult,
	IdempotencyRecord,
	IdempotencyStore,
	StoredOutcome,
} from '../idempotency-store.ts';

/** Creates an idempotency store in a Map: for tests, dev and a single process. */
export function createMemoryIdempotencyStore(): IdempotencyStore & {
	get(scope: string): IdempotencyRecord | undefined;
} {
	const records = new Map<string, IdempotencyRecord>();
	return {
		async claim(scope, fingerprint, at, leaseMs): Promise<ClaimResult> {
			const existing = records.get(scope);
			const expired =
				existing?.state === 'in-flight' && Date.parse(existing.leaseUntil) <= at.getTime();
			if (existing && !expired) return { claimed: false, record: existing };
			records.set(scope, {
				scope,
				fingerprint,
				state: 'in-flight',
				createdAt: at.toISOString(),
				leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
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
