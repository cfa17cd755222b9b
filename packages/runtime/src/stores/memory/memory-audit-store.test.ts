import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit-store.ts';
import { createMemoryAuditStore } from './memory-audit-store.ts';

function record(n: number, operation = 'todo.add'): AuditRecord {
	return {
		id: `id-${n}`,
		operation,
		version: '1.0.0',
		inputDigest: 'd',
		resultCode: 'OK',
		status: 200,
		replayed: false,
		traceId: `t-${n}`,
		records: [],
		startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
		finishedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
	};
}

describe('createMemoryAuditStore', () => {
	it('keeps only the newest records past its capacity, oldest first, seq still counting', async () => {
		const store = createMemoryAuditStore({ capacity: 3 });
		for (let n = 1; n <= 5; n++) await store.append(record(n));
		const all = await store.list();
		expect(all.map((r) => r.id)).toEqual(['id-3', 'id-4', 'id-5']);
		expect(all.map((r) => (r as AuditRecord & { seq: number }).seq)).toEqual([3, 4, 5]);
	});

	it('applies afterSeq, operation, since and limit over the kept records', async () => {
		const store = createMemoryAuditStore({ capacity: 4 });
		for (let n = 1; n <= 6; n++) await store.append(record(n, n % 2 ? 'a' : 'b'));
		expect((await store.list({ afterSeq: 4 })).map((r) => r.id)).toEqual(['id-5', 'id-6']);
		expect((await store.list({ operation: 'a' })).map((r) => r.id)).toEqual(['id-3', 'id-5']);
		expect((await store.list({ since: record(5).startedAt })).map((r) => r.id)).toEqual([
			'id-5',
			'id-6',
		]);
		expect((await store.list({ limit: 2 })).map((r) => r.id)).toEqual(['id-5', 'id-6']);
	});

	it('keeps 10,000 records by default and refuses a capacity that is not a positive integer', async () => {
		const store = createMemoryAuditStore();
		for (let n = 1; n <= 10_001; n++) await store.append(record(n % 60));
		const all = await store.list();
		expect(all).toHaveLength(10_000);
		expect((all[0] as AuditRecord & { seq: number }).seq).toBe(2);
		expect(() => createMemoryAuditStore({ capacity: 0 })).toThrow(RangeError);
		expect(() => createMemoryAuditStore({ capacity: 1.5 })).toThrow(RangeError);
	});
});
