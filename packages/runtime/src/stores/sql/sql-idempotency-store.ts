import { CompiledQuery, type Kysely, sql } from 'kysely';
import type {
	ClaimResult,
	IdempotencyRecord,
	IdempotencyStore,
	StoredOutcome,
} from '../idempotency-store.ts';
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

/**
 * Creates the idempotency store over a Kysely database or transaction. A claim is one atomic
 * statement (insert if absent), then a conditional takeover of an expired lease: two nodes
 * racing for one key never both win.
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

	async function claimOn(
		conn: Kysely<any>,
		scope: string,
		fingerprint: string,
		at: Date,
		leaseMs: number,
	): Promise<ClaimResult> {
		const now = at.toISOString();
		const leaseUntil = new Date(at.getTime() + leaseMs).toISOString();
		const inserted = await conn.executeQuery(
			CompiledQuery.raw(insertSql, [scope, fingerprint, now, leaseUntil]),
		);
		if (inserted.rows.length > 0) return { claimed: true };
		const taken = await conn
			.updateTable(table)
			.set({ fingerprint, created_at: now, lease_until: leaseUntil })
			.where('scope', '=', scope)
			.where('state', '=', 'in-flight')
			.where('lease_until', '<=', now)
			.returning('scope')
			.executeTakeFirst();
		if (taken) return { claimed: true };
		const row = (await conn
			.selectFrom(table)
			.selectAll()
			.where('scope', '=', scope)
			.executeTakeFirst()) as IdempotencyRow | undefined;
		// Released between our statements: try once more from the start.
		if (!row) return claimOn(conn, scope, fingerprint, at, leaseMs);
		return { claimed: false, record: fromRow(row) };
	}

	return {
		claim: (scope, fingerprint, at, leaseMs) =>
			guarded(() => {
				if (commit !== 'sqlite-full') return claimOn(db, scope, fingerprint, at, leaseMs);
				// One connection for the pragma, the claim and the pragma back: no other statement
				// runs in between (the SQLite dialect has a single connection behind a mutex).
				return db.connection().execute(async (conn) => {
					await sql.raw('pragma synchronous = NORMAL').execute(conn);
					try {
						return await claimOn(conn, scope, fingerprint, at, leaseMs);
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
