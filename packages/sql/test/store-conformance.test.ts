import type { AuditRecord, EventEnvelope, Stores } from '@charter/runtime';
import { createMemoryStores } from '@charter/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import {
	announceSkip,
	PG_URL,
	postgresTarget,
	sqliteTarget,
} from '../../../test-support/durable/store-targets.ts';

announceSkip('CHARTER_TEST_PG_URL', 'store conformance over PostgreSQL');

const sqlite = sqliteTarget();
const postgres = PG_URL ? postgresTarget(PG_URL) : undefined;
afterAll(async () => {
	await sqlite.cleanup();
	await postgres?.cleanup();
});

const targets: [string, () => Promise<Stores>][] = [
	['memory', async () => createMemoryStores()],
	['sqlite', () => sqlite.open()],
	...(postgres ? [['postgres', () => postgres.open()] as [string, () => Promise<Stores>]] : []),
];

function envelope(type: string, n: number): EventEnvelope {
	return {
		specversion: '1.0',
		id: `evt-${type}-${n}-${Math.random().toString(36).slice(2)}`,
		source: 'charter:operation/test@1.0.0',
		type,
		time: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
		datacontenttype: 'application/json',
		data: { n },
		eventversion: '1.0.0',
		traceid: 'trace-1',
	};
}

function auditRecord(n: number, extra: Partial<AuditRecord> = {}): AuditRecord {
	return {
		id: `audit-${n}-${Math.random().toString(36).slice(2)}`,
		operation: 'todo.create',
		version: '1.0.0',
		principalId: 'alice',
		tenant: 't1',
		inputDigest: 'a'.repeat(64),
		resultCode: 'OK',
		status: 200,
		replayed: false,
		traceId: `trace-${n}`,
		records: ['todo.created'],
		startedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
		finishedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n, 5)).toISOString(),
		...extra,
	};
}

describe.each(targets)('%s stores', (_name, open) => {
	it('an idempotency key is claimed once; the loser sees the in-flight record', async () => {
		const { idempotency } = await open();
		const at = new Date();
		expect(await idempotency.claim('s1', 'fp', at, 60_000)).toEqual({ claimed: true });
		const second = await idempotency.claim('s1', 'fp', at, 60_000);
		expect(second).toMatchObject({
			claimed: false,
			record: { scope: 's1', fingerprint: 'fp', state: 'in-flight' },
		});
	});

	it('a completed key returns its stored outcome; release frees only in-flight keys', async () => {
		const { idempotency } = await open();
		const at = new Date();
		await idempotency.claim('s2', 'fp', at, 60_000);
		await idempotency.complete('s2', { output: { id: 'x' }, events: [] });
		await idempotency.release('s2');
		const again = await idempotency.claim('s2', 'fp', at, 60_000);
		expect(again).toMatchObject({
			claimed: false,
			record: { state: 'completed', outcome: { output: { id: 'x' }, events: [] } },
		});
		await idempotency.claim('s3', 'fp', at, 60_000);
		await idempotency.release('s3');
		expect(await idempotency.claim('s3', 'fp2', at, 60_000)).toEqual({ claimed: true });
	});

	it('a completed key keeps the response its handler set (status, headers, cookies) for the replay', async () => {
		const { idempotency } = await open();
		const at = new Date();
		const response = {
			status: 201,
			headers: { Location: '/v1/invoices/inv-1' },
			cookies: [{ name: 'last_invoice', value: 'inv-1', maxAge: 60 }],
		};
		await idempotency.claim('s-resp', 'fp', at, 60_000);
		await idempotency.complete('s-resp', { output: { id: 'inv-1' }, events: [], response });
		const again = await idempotency.claim('s-resp', 'fp', at, 60_000);
		expect(again).toMatchObject({ claimed: false, record: { outcome: { response } } });
	});

	it('an expired in-flight lease is taken over', async () => {
		const { idempotency } = await open();
		const at = new Date('2025-01-01T00:00:00Z');
		await idempotency.claim('s4', 'fp', at, 1000);
		const later = new Date('2025-01-01T00:00:02Z');
		expect(await idempotency.claim('s4', 'fp', later, 1000)).toEqual({ claimed: true });
		expect(await idempotency.claim('s4', 'fp', later, 1000)).toMatchObject({ claimed: false });
	});

	it('a completed key past its retention is new again; without a retention it is kept', async () => {
		const { idempotency } = await open();
		const day = 24 * 60 * 60 * 1000;
		const at = Date.parse('2025-02-01T00:00:00.000Z');
		const scope = `r-${Math.random().toString(36).slice(2)}`;
		// An older claim still in flight (never completed) must not shield the key.
		await idempotency.claim(`${scope}-in-flight`, 'fp', new Date(at - 1), day * 10, day);
		await idempotency.claim(scope, 'fp', new Date(at), 1000, day);
		await idempotency.complete(scope, { output: 1, events: [] });
		expect(await idempotency.claim(scope, 'fp', new Date(at + day - 1), 1000, day)).toMatchObject({
			claimed: false,
			record: { state: 'completed', outcome: { output: 1 } },
		});
		expect(await idempotency.claim(scope, 'fp', new Date(at + 2 * day), 1000)).toMatchObject({
			claimed: false,
			record: { state: 'completed' },
		});
		expect(await idempotency.claim(scope, 'fp2', new Date(at + day), 1000, day)).toEqual({
			claimed: true,
		});
		expect(await idempotency.claim(scope, 'fp2', new Date(at + day), 1000, day)).toMatchObject({
			claimed: false,
			record: { state: 'in-flight', fingerprint: 'fp2' },
		});
	});

	it('a transaction scope claims with the retention too', async () => {
		const { idempotency, unitOfWork } = await open();
		const day = 24 * 60 * 60 * 1000;
		const at = Date.parse('2025-04-01T00:00:00.000Z');
		const scope = `t-${Math.random().toString(36).slice(2)}`;
		await idempotency.claim(scope, 'fp', new Date(at), 1000, day);
		await idempotency.complete(scope, { output: 1, events: [] });
		const claim = await unitOfWork.run((tx) =>
			tx.idempotency.claim(scope, 'fp2', new Date(at + day), 1000, day),
		);
		expect(claim).toEqual({ claimed: true });
	});

	it('forgets completed keys past their retention when a later claim finds them due', async () => {
		const { idempotency } = await open();
		const day = 24 * 60 * 60 * 1000;
		const at = Date.parse('2025-03-01T00:00:00.000Z');
		const old = `f-${Math.random().toString(36).slice(2)}`;
		await idempotency.claim(old, 'fp', new Date(at), 1000, day);
		await idempotency.complete(old, { output: 1, events: [] });
		await idempotency.claim(`${old}-later`, 'fp', new Date(at + day + 60_000), 1000, day);
		// Asked again without a retention: only a forgotten key can be claimed afresh. The SQL
		// stores forget in the background of the claim that found the keys due.
		let forgotten = false;
		for (let attempt = 0; attempt < 50 && !forgotten; attempt++) {
			const again = await idempotency.claim(old, 'fp', new Date(at + day + 60_000), 1000);
			forgotten = again.claimed;
			if (!forgotten) await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(forgotten).toBe(true);
	});

	it('the outbox gives pending events oldest first and forgets published ones', async () => {
		const { outbox } = await open();
		const events = [envelope('a.b', 1), envelope('a.c', 2), envelope('a.b', 3)];
		await outbox.append(events.slice(0, 2));
		await outbox.append(events.slice(2));
		expect((await outbox.pending()).map((e) => e.envelope)).toEqual(events);
		await outbox.markPublished([events[0]!.id], new Date());
		expect((await outbox.pending(1)).map((e) => e.envelope.id)).toEqual([events[1]!.id]);
	});

	it('the audit log filters by operation, principal, since and limit, oldest first', async () => {
		const { audit } = await open();
		await audit.append(auditRecord(1));
		await audit.append(
			auditRecord(2, {
				operation: 'todo.archive',
				principalId: 'bob',
				callerTraceId: 'theirs',
				inputShape: { fields: ['/id', '/reason'], enums: [['/reason', 'DONE']] },
			}),
		);
		await audit.append(auditRecord(3, { resultCode: 'DUPLICATE_TITLE', status: 409 }));
		const { principalId: _omit, ...anonymous } = auditRecord(4);
		await audit.append(anonymous);
		const all = await audit.list();
		expect(all.map((r) => r.traceId)).toEqual(['trace-1', 'trace-2', 'trace-3', 'trace-4']);
		expect(all[3]).not.toHaveProperty('principalId');
		expect(all[2]).toMatchObject({ resultCode: 'DUPLICATE_TITLE', status: 409, replayed: false });
		expect(all[1]!.callerTraceId).toBe('theirs');
		expect(all[0]).not.toHaveProperty('callerTraceId');
		expect(all[1]!.inputShape).toEqual({
			fields: ['/id', '/reason'],
			enums: [['/reason', 'DONE']],
		});
		expect(all[0]).not.toHaveProperty('inputShape');
		expect((await audit.list({ operation: 'todo.archive' })).map((r) => r.traceId)).toEqual([
			'trace-2',
		]);
		expect((await audit.list({ principal: 'alice' })).map((r) => r.traceId)).toEqual([
			'trace-1',
			'trace-3',
		]);
		expect((await audit.list({ since: '2025-01-01T00:00:03Z' })).map((r) => r.traceId)).toEqual([
			'trace-3',
			'trace-4',
		]);
		expect((await audit.list({ limit: 2 })).map((r) => r.traceId)).toEqual(['trace-3', 'trace-4']);
		// The trace a caller named finds its records by callerTraceId, never as their own trace.
		expect((await audit.list({ callerTraceId: 'theirs' })).map((r) => r.traceId)).toEqual([
			'trace-2',
		]);
		expect(await audit.list({ traceId: 'theirs' })).toEqual([]);
		// inTrace finds both: the records of a trace as their own and as the one their caller named.
		await audit.append(auditRecord(5, { traceId: 'theirs' }));
		expect((await audit.list({ inTrace: 'theirs' })).map((r) => r.traceId)).toEqual([
			'trace-2',
			'theirs',
		]);
		expect((await audit.list({ inTrace: 'theirs', limit: 1 })).map((r) => r.traceId)).toEqual([
			'theirs',
		]);
	});

	it('the audit log filters by tenant, outcome, result code, trace, time range and pages back by seq', async () => {
		const { audit } = await open();
		await audit.append(auditRecord(1));
		await audit.append(auditRecord(2, { tenant: 't2' }));
		await audit.append(auditRecord(3, { resultCode: 'FORBIDDEN', status: 403 }));
		const { tenant: _none, ...untenanted } = auditRecord(4);
		await audit.append(untenanted);
		const traces = async (filter: Parameters<typeof audit.list>[0]) =>
			(await audit.list(filter)).map((r) => r.traceId);
		expect(await traces({ tenant: 't1' })).toEqual(['trace-1', 'trace-3']);
		expect(await traces({ tenant: null })).toEqual(['trace-4']);
		expect(await traces({ outcome: 'problem' })).toEqual(['trace-3']);
		expect(await traces({ outcome: 'ok', tenant: 't1' })).toEqual(['trace-1']);
		expect(await traces({ resultCode: 'FORBIDDEN' })).toEqual(['trace-3']);
		expect(await traces({ traceId: 'trace-2' })).toEqual(['trace-2']);
		expect(await traces({ since: '2025-01-01T00:00:02Z', until: '2025-01-01T00:00:04Z' })).toEqual([
			'trace-2',
			'trace-3',
		]);
		const newest = await audit.list({ limit: 2 });
		const seq = (newest[0] as { seq?: number }).seq!;
		expect(await traces({ beforeSeq: seq, limit: 2 })).toEqual(['trace-1', 'trace-2']);
	});

	it('a unit of work that throws writes nothing; one that resolves writes everything', async () => {
		const stores = await open();
		await stores.idempotency.claim('k-fail', 'fp', new Date(), 60_000);
		await expect(
			stores.unitOfWork.run(async (tx) => {
				await tx.outbox.append([envelope('x.y', 1)]);
				await tx.audit.append(auditRecord(1));
				await tx.idempotency.complete('k-fail', { output: 1, events: [] });
				throw new Error('handler failed');
			}),
		).rejects.toThrow('handler failed');
		expect(await stores.outbox.pending()).toEqual([]);
		expect(await stores.audit.list()).toEqual([]);
		expect(await stores.idempotency.claim('k-fail', 'fp', new Date(), 60_000)).toMatchObject({
			record: { state: 'in-flight' },
		});
		const result = await stores.unitOfWork.run(async (tx) => {
			await tx.outbox.append([envelope('x.y', 2)]);
			await tx.audit.append(auditRecord(2));
			await tx.idempotency.complete('k-fail', { output: 2, events: [] });
			return 'done';
		});
		expect(result).toBe('done');
		expect(await stores.outbox.pending()).toHaveLength(1);
		expect(await stores.audit.list()).toHaveLength(1);
		expect(await stores.idempotency.claim('k-fail', 'fp', new Date(), 60_000)).toMatchObject({
			record: { state: 'completed', outcome: { output: 2 } },
		});
	});
});
