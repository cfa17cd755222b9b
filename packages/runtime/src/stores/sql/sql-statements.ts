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
}

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
] as const;

/** Outbox inserts of up to this many rows keep their compiled SQL. */
const MAX_CACHED_ROWS = 16;

/** Compiles the hot statements for a database's dialect and table names. */
export function compileSqlStatements(db: Kysely<any>, tables: TableNames): SqlStatements {
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
	};
}

/** Runs a compiled statement through a database or transaction. */
export async function runStatement(
	db: Kysely<any>,
	text: string,
	parameters: readonly unknown[],
): Promise<void> {
	await db.executeQuery(CompiledQuery.raw(text, parameters as unknown[]));
}
