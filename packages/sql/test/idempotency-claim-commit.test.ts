import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlStores } from '@charter/sql';
import { createStores } from '@charter/sql';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
	announceSkip,
	dropPrefixed,
	PG_URL,
	uniquePrefix,
} from '../../../test-support/durable/store-targets.ts';

announceSkip('CHARTER_TEST_PG_URL', 'idempotency claim commit on PostgreSQL');

const dir = mkdtempSync(join(tmpdir(), 'charter-claim-'));
const opened: SqlStores[] = [];
afterAll(async () => {
	for (const stores of opened) {
		if (stores.dialect === 'postgres') {
			await dropPrefixed(stores, stores.tables.outbox.slice(0, -'outbox'.length));
		}
		await stores.close();
	}
	rmSync(dir, { recursive: true, force: true });
});

/** The engines, each opened with full durability (one pooled connection on PostgreSQL). */
const engines: [string, () => Promise<SqlStores>][] = [
	['sqlite', () => createStores({ url: `sqlite:${join(dir, 'claims.db')}`, synchronous: 'FULL' })],
];
if (PG_URL) {
	engines.push([
		'postgres',
		() => createStores({ url: PG_URL, tablePrefix: uniquePrefix('claim'), poolSize: 1 }),
	]);
}

/** The connection's durability setting, as the engine reports it. */
async function durability(stores: SqlStores, db: Kysely<any> = stores.db): Promise<string> {
	if (stores.dialect === 'sqlite') {
		const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
		return rows[0]?.synchronous === 2 ? 'FULL' : `level ${rows[0]?.synchronous}`;
	}
	const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db);
	return rows[0]?.synchronous_commit === 'on' ? 'FULL' : `${rows[0]?.synchronous_commit}`;
}

describe.each(engines)('idempotency claims on %s', (_name, open) => {
	it('a claim is visible at once and leaves the connection fully durable for the next commit', async () => {
		const stores = await open();
		opened.push(stores);
		const at = new Date('2026-01-01T00:00:00Z');
		expect(await stores.idempotency.claim('k1', 'fp', at, 60_000)).toEqual({ claimed: true });
		expect(await durability(stores)).toBe('FULL');
		expect(await stores.idempotency.claim('k1', 'fp', at, 60_000)).toMatchObject({
			claimed: false,
			record: { scope: 'k1', state: 'in-flight' },
		});
		// A command's transaction after a claim commits with full durability too.
		await stores.unitOfWork.run(async (tx) => {
			expect(await durability(stores, tx.handle as Kysely<any>)).toBe('FULL');
			await tx.idempotency.complete('k1', { output: { ok: true }, events: [] });
		});
		expect(await durability(stores)).toBe('FULL');
		expect(await stores.idempotency.claim('k1', 'fp', at, 60_000)).toMatchObject({
			claimed: false,
			record: { state: 'completed', outcome: { output: { ok: true } } },
		});
	});

	it('a claim made inside a transaction rolls back with it', async () => {
		const stores = await open();
		opened.push(stores);
		const at = new Date('2026-01-01T00:00:00Z');
		await expect(
			stores.unitOfWork.run(async (tx) => {
				expect(await tx.idempotency.claim('k2', 'fp', at, 60_000)).toEqual({ claimed: true });
				throw new Error('handler failed');
			}),
		).rejects.toThrow('handler failed');
		expect(await stores.idempotency.claim('k2', 'fp', at, 60_000)).toEqual({ claimed: true });
	});
});
