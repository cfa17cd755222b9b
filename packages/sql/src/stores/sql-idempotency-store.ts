import type {
	ClaimResult,
	IdempotencyRecord,
	IdempotencyStore,
	StoredOutcome,
} from '@charter/runtime';
import type { Kysely } from 'kysely';
import { runStatement, type SqlStatements } from './sql-statements.ts';
import type { IdempotencyRow, TableNames } from './sql-tables.ts';
import { guarded } from './store-unavailable.ts';

/** How often, at most, a store deletes the keys past their retention (from a claim). */
const FORGET_EVERY_MS = 60_000;

/** Keys deleted per statement: a first run over a large backlog must not hold the database. */
const FORGET_BATCH = 1000;

/** Deletes the keys past their retention, now and then; one per database, shared by its transactions. */
export type ForgetExpiredKeys = (at: Date, retentionMs: number) => void;

/**
 * Creates the idempotency store over a Kysely database or transaction. A claim is one atomic
 * statement (insert if absent), then a conditional takeover of an expired lease or of a key
 * past its retention: two nodes racing for one key never both win.
 *
 * The executor claims inside the command's transaction: the key row is written by that
 * transaction and commits with the command's state, outbox and outcome, or rolls back with
 * them. No claim outlives a failed or killed command, and a concurrent claim of the same key
 * waits on the unique key (PostgreSQL) or the one connection (SQLite) until the first commits
 * (then it replays) or rolls back (then it runs). Keys past their retention are deleted about
 * once a minute, in the background of the claim that finds them due (`forget`, shared with the
 * root store).
 */
export function createSqlIdempotencyStore(
	db: Kysely<any>,
	tables: TableNames,
	statements: SqlStatements,
	forget: ForgetExpiredKeys = forgetExpiredKeys(db, tables),
): IdempotencyStore & { readonly forgetExpired: ForgetExpiredKeys } {
	const table = tables.idempotency;

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
		const inserted = await runStatement(conn, statements, statements.claimKey, [
			scope,
			fingerprint,
			now,
			leaseUntil,
		]);
		if (inserted.length > 0) return { claimed: true };
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

	return {
		forgetExpired: forget,
		claim: (scope, fingerprint, at, leaseMs, retentionMs = Number.POSITIVE_INFINITY) =>
			guarded(() => {
				forget(at, retentionMs);
				return claimOn(db, scope, fingerprint, at, leaseMs, retentionMs);
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

/**
 * Deletes the keys past their retention, once per FORGET_EVERY_MS at most, in batches, on the
 * database itself (never inside a command's transaction). It runs beside the claim, not before
 * it: housekeeping that fails (it is retried next time) must not fail or slow down a command.
 */
function forgetExpiredKeys(db: Kysely<any>, tables: TableNames): ForgetExpiredKeys {
	const table = tables.idempotency;
	let forgetDueAt = 0;
	return (at, retentionMs) => {
		const claimedBefore = retentionCutoff(at, retentionMs);
		if (claimedBefore === undefined || at.getTime() < forgetDueAt) return;
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
