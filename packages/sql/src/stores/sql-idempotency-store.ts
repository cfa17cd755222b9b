import type {
	ClaimResult,
	IdempotencyRecord,
	IdempotencyStore,
	StoredOutcome,
} from '@charter/runtime';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { runStatement, type SqlStatements } from './sql-statements.ts';
import type { IdempotencyRow, TableNames } from './sql-tables.ts';
import { guarded } from './store-unavailable.ts';

/**
 * How the claim of a root (autocommit) store commits. A claim only matters while the node that
 * made it is alive: a node that dies loses nothing by losing its in-flight claims, and the
 * command's own transaction, committed with full durability after the claim, makes the claim
 * durable with it. So a claim needs to be visible to other callers at once, not on disk:
 * - `strict`: an ordinary commit (inside a transaction, always this);
 * - `postgres`: `synchronous_commit` off for the claim statement's own transaction;
 * - `sqlite-full`: the claim runs with `synchronous = NORMAL` (written to the WAL, not synced),
 *   and the connection goes back to `FULL` for every other statement.
 */
export type ClaimCommit = 'strict' | 'postgres' | 'sqlite-full';

/** How often, at most, a store deletes the keys past their retention (from a claim). */
const FORGET_EVERY_MS = 60_000;

/** Keys deleted per statement: a first run over a large backlog must not hold the database. */
const FORGET_BATCH = 1000;

/**
 * Creates the idempotency store over a Kysely database or transaction. A claim is one atomic
 * statement (insert if absent), then a conditional takeover of an expired lease or of a key
 * past its retention: two nodes racing for one key never both win. Keys past their retention
 * are deleted about once a minute, in the background of the claim that finds them due.
 */
export function createSqlIdempotencyStore(
	db: Kysely<any>,
	tables: TableNames,
	statements: SqlStatements,
	claimCommit: ClaimCommit = 'strict',
): IdempotencyStore {
	const table = tables.idempotency;
	const commit: ClaimCommit = db.isTransaction ? 'strict' : claimCommit;
	const insertSql = commit === 'postgres' ? statements.claimKey.lazy : statements.claimKey.strict;

	let forgetDueAt = 0;

	async function claimOn(
		conn: Kysely<any>,
		scope: string,
		fingerprint: string,
		at: Date,
		leaseMs: number,
		retentionMs: number,
	): Promise<ClaimResult> {
		const now = at.toISOString();
		const leaseUntil = new Date(at.getTime() + leaseMs).toISOString();
		const inserted = await conn.executeQuery(
			CompiledQuery.raw(insertSql, [scope, fingerprint, now, leaseUntil]),
		);
		if (inserted.rows.length > 0) return { claimed: true };
		const claimedBefore = retentionCutoff(at, retentionMs);
		const taken = await conn
			.updateTable(table)
			.set({
				fingerprint,
				state: 'in-flight',
				outcome: null,
				created_at: now,
				lease_until: leaseUntil,
			})
			.where('scope', '=', scope)
			.where((eb) =>
				eb.or([
					eb.and([eb('state', '=', 'in-flight'), eb('lease_until', '<=', now)]),
					// Past its retention a key is new, in flight or not: its lease ended long before.
					...(claimedBefore === undefined ? [] : [eb('created_at', '<=', claimedBefore)]),
				]),
			)
			.returning('scope')
			.executeTakeFirst();
		if (taken) return { claimed: true };
		const row = (await conn
			.selectFrom(table)
			.selectAll()
			.where('scope', '=', scope)
			.executeTakeFirst()) as IdempotencyRow | undefined;
		// Released between our statements: try once more from the start.
		if (!row) return claimOn(conn, scope, fingerprint, at, leaseMs, retentionMs);
		return { claimed: false, record: fromRow(row) };
	}

	/**
	 * Deletes the keys past their retention, once per FORGET_EVERY_MS at most, in batches. It
	 * runs beside the claim, not before it: housekeeping that fails (it is retried next time)
	 * must not fail or slow down the caller's command.
	 */
	function forgetExpired(at: Date, retentionMs: number): void {
		const claimedBefore = retentionCutoff(at, retentionMs);
		if (claimedBefore === undefined || db.isTransaction || at.getTime() < forgetDueAt) return;
		forgetDueAt = at.getTime() + FORGET_EVERY_MS;
		const batch = async () => {
			const expired = db
				.selectFrom(table)
				.select('scope')
				.where('created_at', '<=', claimedBefore)
				.limit(FORGET_BATCH);
			const { numDeletedRows } = await db
				.deleteFrom(table)
				.where('scope', 'in', expired)
				.where('created_at', '<=', claimedBefore)
				.executeTakeFirst();
			if (numDeletedRows === BigInt(FORGET_BATCH)) await batch();
		};
		batch().catch(() => {
			forgetDueAt = 0;
		});
	}

	return {
		claim: (scope, fingerprint, at, leaseMs, retentionMs = Number.POSITIVE_INFINITY) =>
			guarded(() => {
				forgetExpired(at, retentionMs);
				if (commit !== 'sqlite-full') {
					return claimOn(db, scope, fingerprint, at, leaseMs, retentionMs);
				}
				// One connection for the pragma, the claim and the pragma back: no other statement
				// runs in between (the SQLite dialect has a single connection behind a mutex).
				return db.connection().execute(async (conn) => {
					await sql.raw('pragma synchronous = NORMAL').execute(conn);
					try {
						return await claimOn(conn, scope, fingerprint, at, leaseMs, retentionMs);
					} finally {
						await sql.raw('pragma synchronous = FULL').execute(conn);
					}
				});
			}),
		complete: (scope, outcome: StoredOutcome) =>
			guarded(async () => {
				await runStatement(db, statements, statements.completeIdempotency, [
					JSON.stringify(outcome),
					scope,
				]);
			}),
		release: (scope) =>
			guarded(async () => {
				await db
					.deleteFrom(table)
					.where('scope', '=', scope)
					.where('state', '=', 'in-flight')
					.execute();
			}),
	};
}

/** Keys claimed at or before this instant are past their retention; undefined: kept forever. */
function retentionCutoff(at: Date, retentionMs: number): string | undefined {
	const cutoff = at.getTime() - retentionMs;
	// Before 1970 (or never): no key was claimed that long ago.
	return Number.isFinite(cutoff) && cutoff >= 0 ? new Date(cutoff).toISOString() : undefined;
}

function fromRow(row: IdempotencyRow): IdempotencyRecord {
	return {
		scope: row.scope,
		fingerprint: row.fingerprint,
		state: row.state === 'completed' ? 'completed' : 'in-flight',
		...(row.outcome !== null ? { outcome: JSON.parse(row.outcome) as StoredOutcome } : {}),
		createdAt: row.created_at,
		leaseUntil: row.lease_until,
	};
}
