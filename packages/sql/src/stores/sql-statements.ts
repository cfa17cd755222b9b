import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { SqlDialectName, TableNames } from './sql-tables.ts';

/**
 * The SQL of the writes every command makes (outbox rows, audit row, idempotency outcome),
 * compiled once per database instead of built and compiled by Kysely on each command. The
 * parameters go in the order of the `*_COLUMNS` lists.
 */
export interface SqlStatements {
	/** Inserts `rows` outbox rows (`OUTBOX_COLUMNS` per row). */
	insertOutbox(rows: number): string;
	/** Inserts one audit row (`AUDIT_COLUMNS`). */
	readonly insertAudit: string;
	/** Marks a key completed: parameters `outcome`, `scope`. */
	readonly completeIdempotency: string;
	/**
	 * Claims a key if absent, returning its scope when won: parameters `scope`, `fingerprint`,
	 * `created_at`, `lease_until`. `lazy` is the same claim for an autocommit statement whose
	 * commit does not wait for the disk (PostgreSQL: `synchronous_commit` off for that one
	 * statement's transaction; SQLite has no per-statement form, see the idempotency store).
	 */
	readonly claimKey: { readonly strict: string; readonly lazy: string };
	/**
	 * Runs a statement straight on the connection a transaction holds, without Kysely's
	 * per-query machinery (SQLite: a cached statement, synchronously; PostgreSQL: a named
	 * prepared statement on the transaction's client). Used inside a transaction only.
	 */
	readonly direct?: DirectRunner;
}

/**
 * Runs one statement with its parameters on the connection the transaction `trx` holds;
 * returns a promise only when the driver is asynchronous.
 */
export type DirectRunner = (
	trx: Kysely<any>,
	text: string,
	parameters: readonly unknown[],
) => undefined | Promise<unknown>;

/** The outbox columns a command writes, in parameter order. */
export const OUTBOX_COLUMNS = ['id', 'stream', 'envelope', 'created_at'] as const;

/** The audit columns, in parameter order. */
export const AUDIT_COLUMNS = [
	'id',
	'operation',
	'version',
	'principal_id',
	'tenant',
	'input_digest',
	'result_code',
	'status',
	'replayed',
	'idempotency_key',
	'trace_id',
	'records',
	'started_at',
	'finished_at',
	'caller_trace_id',
	'input_shape',
] as const;

/** Outbox inserts of up to this many rows keep their compiled SQL. */
const MAX_CACHED_ROWS = 16;

/** Compiles the hot statements for a database's dialect and table names. */
export function compileSqlStatements(
	db: Kysely<any>,
	dialect: SqlDialectName,
	tables: TableNames,
	direct?: DirectRunner,
): SqlStatements {
	const row = (columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, null]));
	const outbox = new Map<number, string>();
	return {
		insertOutbox(rows) {
			const known = outbox.get(rows);
			if (known !== undefined) return known;
			const text = db
				.insertInto(tables.outbox)
				.values(Array.from({ length: rows }, () => row(OUTBOX_COLUMNS)))
				.compile().sql;
			if (rows <= MAX_CACHED_ROWS) outbox.set(rows, text);
			return text;
		},
		insertAudit: db.insertInto(tables.audit).values(row(AUDIT_COLUMNS)).compile().sql,
		completeIdempotency: db
			.updateTable(tables.idempotency)
			.set({ state: sql.lit('completed'), outcome: null })
			.where('scope', '=', '')
			.compile().sql,
		claimKey: claimSql(db, dialect, tables),
		...(direct ? { direct } : {}),
	};
}

function claimSql(db: Kysely<any>, dialect: SqlDialectName, tables: TableNames) {
	const strict = db
		.insertInto(tables.idempotency)
		.values({
			scope: '',
			fingerprint: '',
			state: sql.lit('in-flight'),
			outcome: sql.lit(null),
			created_at: '',
			lease_until: '',
		})
		.onConflict((oc) => oc.column('scope').doNothing())
		.returning('scope')
		.compile().sql;
	if (dialect !== 'postgres') return { strict, lazy: strict };
	// The same insert fed by a one-row select that turns synchronous_commit off for this
	// statement's own (implicit) transaction only: `set_config(..., true)` is transaction-local.
	const lazy = db
		.insertInto(tables.idempotency)
		.columns(['scope', 'fingerprint', 'state', 'outcome', 'created_at', 'lease_until'])
		.expression(
			db
				.selectFrom(
					sql<{ off: string }>`(select set_config('synchronous_commit', 'off', true) as off)`.as(
						'lazy_commit',
					),
				)
				.select([
					sql`${''}::text`.as('scope'),
					sql`${''}::text`.as('fingerprint'),
					sql.lit('in-flight').as('state'),
					sql`null::text`.as('outcome'),
					sql`${''}::text`.as('created_at'),
					sql`${''}::text`.as('lease_until'),
				]),
		)
		.onConflict((oc) => oc.column('scope').doNothing())
		.returning('scope')
		.compile().sql;
	return { strict, lazy };
}

/**
 * Runs a compiled statement through a database or transaction: inside a transaction straight on
 * the connection it holds when the store has a direct runner, otherwise through Kysely.
 */
export async function runStatement(
	db: Kysely<any>,
	statements: SqlStatements,
	text: string,
	parameters: readonly unknown[],
): Promise<void> {
	if (statements.direct && db.isTransaction) {
		const pending = statements.direct(db, text, parameters);
		if (pending !== undefined) await pending;
	} else await db.executeQuery(CompiledQuery.raw(text, parameters as unknown[]));
}
