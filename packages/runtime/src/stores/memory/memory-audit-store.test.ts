import fc from 'fast-check';
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

	it('finds the records whose caller named a trace by callerTraceId, never as their own trace', async () => {
		const store = createMemoryAuditStore();
		await store.append(record(1));
		await store.append({ ...record(2), callerTraceId: 'theirs' });
		expect((await store.list({ callerTraceId: 'theirs' })).map((r) => r.id)).toEqual(['id-2']);
		expect(await store.list({ traceId: 'theirs' })).toEqual([]);
		expect(await store.list({ traceId: 't-2', callerTraceId: 'other' })).toEqual([]);
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

describe('createMemoryAuditStore, columns', () => {
	const hex = (length: number) =>
		fc.string({
			unit: fc.constantFrom(...'0123456789abcdef'),
			minLength: length,
			maxLength: length,
		});
	const uuid = fc.uuid().map((id) => id.toLowerCase());
	const iso = fc
		.integer({ min: 0, max: 4_102_444_800_000 })
		.map((ms) => new Date(ms).toISOString());
	const text = fc.string({ maxLength: 40 });
	const optional = fc.option(text, { nil: undefined });
	const auditRecord = fc
		.record({
			id: fc.oneof(
				uuid,
				text,
				uuid.map((id) => id.toUpperCase()),
			),
			operation: text,
			version: text,
			principalId: optional,
			tenant: optional,
			inputDigest: fc.oneof(hex(64), text),
			resultCode: text,
			status: fc.integer({ min: 100, max: 599 }),
			replayed: fc.boolean(),
			idempotencyKey: optional,
			traceId: fc.oneof(hex(32), text),
			records: fc.array(text, { maxLength: 3 }),
			startedAt: fc.oneof(
				iso,
				text,
				// Near misses of toISOString's form, kept as their text.
				fc.constantFrom(
					'2026-01-01T00:00:00Z',
					'2026-02-30T00:00:00.000Z',
					'2026-13-01T00:00:00.000Z',
					'2026-01-01T24:00:00.000Z',
					'2026-01-01T00:00:60.000Z',
					'1969-12-31T23:59:59.999Z',
					'2026-01-01t00:00:00.000Z',
				),
			),
			finishedAt: fc.oneof(iso, text),
		})
		.map((r) => {
			// Optional fields are absent, not undefined, as the pipeline writes them.
			const out: Record<string, unknown> = {};
			for (const [key, value] of Object.entries(r)) if (value !== undefined) out[key] = value;
			return out as unknown as AuditRecord;
		});

	it('gives back every record exactly as appended, whatever the shape of its strings', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(auditRecord, { minLength: 1, maxLength: 30 }), async (records) => {
				const store = createMemoryAuditStore({ capacity: 7 });
				for (const r of records) await store.append(r);
				const kept = records.slice(-7);
				const listed = await store.list();
				expect(listed.map(({ seq: _, ...r }: AuditRecord & { seq?: number }) => r)).toEqual(kept);
				// toEqual does not tell a missing field from an undefined one: check presence too.
				expect(
					listed.map((r) =>
						Object.keys(r)
							.filter((k) => k !== 'seq')
							.sort(),
					),
				).toEqual(kept.map((r) => Object.keys(r).sort()));
			}),
			{ numRuns: 300 },
		);
	});

	it('spans blocks: 3,000 records in a 2,500-record log keep their order and fields', async () => {
		const store = createMemoryAuditStore({ capacity: 2_500 });
		for (let n = 1; n <= 3_000; n++) await store.append(record(n % 60, n % 2 ? 'odd' : 'even'));
		const all = await store.list();
		expect(all).toHaveLength(2_500);
		expect(all[0]).toMatchObject({ seq: 501, operation: 'odd', traceId: 't-21' });
		expect(all.at(-1)).toMatchObject({ seq: 3_000, operation: 'even', traceId: 't-0' });
		expect(await store.list({ operation: 'odd', limit: 1 })).toMatchObject([{ seq: 2_999 }]);
	});
});
