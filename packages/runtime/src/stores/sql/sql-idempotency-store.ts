import type { Kysely } from 'kysely';
import type {
	ClaimResult,
	IdempotencyRecord,
	IdempotencyStore,
	StoredOutcome,
} from '../idempotency-store.ts';
import { compileSqlStatements, runStatement, type SqlStatements } from './sql-statements.ts';
import type { IdempotencyRow, TableNames } from './sql-tables.ts';
import { guarded } from './store-unavailable.ts';

/**
 * Creates the idempotency store over a Kysely database or transaction. A claim is one atomic
 * statement (insert if absent), then a conditional takeover of an expired lease: two nodes
 * racing for one key never both win.
 */
export function createSqlIdempotencyStore(
	db: Kysely<any>,
	tables: TableNames,
	statements: SqlStatements = compileSqlStatements(db, tables),
): IdempotencyStore {
	const table = tables.idempotency;
	return {
		claim: (scope, fingerprint, at, leaseMs) =>
			guarded(async (): Promise<ClaimResult> => {
				const now = at.toISOString();
				const leaseUntil = new Date(at.getTime() + leaseMs).toISOString();
				const inserted = await db
					.insertInto(table)
					.values({
						scope,
						fingerprint,
						state: 'in-flight',
						outcome: null,
						created_at: now,
						lease_until: leaseUntil,
					})
					.onConflict((oc) => oc.column('scope').doNothing())
					.returning('scope')
					.executeTakeFirst();
				if (inserted) return { claimed: true };
				const taken = await db
					.updateTable(table)
					.set({ fingerprint, created_at: now, lease_until: leaseUntil })
					.where('scope', '=', scope)
					.where('state', '=', 'in-flight')
					.where('lease_until', '<=', now)
					.returning('scope')
					.executeTakeFirst();
				if (taken) return { claimed: true };
				const row = (await db
					.selectFrom(table)
					.selectAll()
					.where('scope', '=', scope)
					.executeTakeFirst()) as IdempotencyRow | undefined;
				// Released between our statements: try once more from the start.
				if (!row) return claimAgain(scope, fingerprint, at, leaseMs);
				return { claimed: false, record: fromRow(row) };
			}),
		complete: (scope, outcome: StoredOutcome) =>
			guarded(async () => {
				await runStatement(db, statements.completeIdempotency, [JSON.stringify(outcome), scope]);
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

	async function claimAgain(scope: string, fingerprint: string, at: Date, leaseMs: number) {
		const store = createSqlIdempotencyStore(db, tables, statements);
		return store.claim(scope, fingerprint, at, leaseMs);
	}
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
