import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { TableNames } from './sql-tables.ts';

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
	 * `created_at`, `lease_until`.
	 */
	readonly claimKey: string;
	/**
	 * Runs a statement straight on the connection a transaction holds, without Kysely's
	 * per-query machinery (SQLite: a cached statement, synchronously; PostgreSQL: a named
	 * prepared statement on the transaction's client). Used inside a transaction only.
	 */
	readonly direct?: DirectRunner;
}

/**
 * Runs one statement with its parameters on the connection the transaction `trx` holds and
 * gives the rows it returned (none for a statement without `returning`); a promise only when
 * the driver is asynchronous.
 */
export type DirectRunner = (
	trx: Kysely<any>,
	text: string,
	parameters: readonly unknown[],
) => readonly unknown[] | Promise<readonly unknown[]>;

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

/** Compiles the hot statements for a database (its dialect) and table names. */
export function compileSqlStatements(
	db: Kysely<any>,
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
		claimKey: claimSql(db, tables),
		...(direct ? { direct } : {}),
	};
}

function claimSql(db: Kysely<any>, tables: TableNames): string {
	return db
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
): Promise<readonly unknown[]> {
	if (statements.direct && db.isTransaction) return statements.direct(db, text, parameters);
	return (await db.executeQuery(CompiledQuery.raw(text, parameters as unknown[]))).rows;
}
