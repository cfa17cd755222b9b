import type { EventEnvelope, Stores } from '@charter/runtime';
import type { Kysely, Transaction } from 'kysely';
import { charterMigrations } from './charter-migrations.ts';
import { createSqlAuditStore } from './sql-audit-store.ts';
import { createSqlIdempotencyStore } from './sql-idempotency-store.ts';
import { type MigrationReport, type MigrationSet, runMigrations } from './sql-migrations.ts';
import { createSqlOutboxStore, type SqlOutboxStore } from './sql-outbox-store.ts';
import { compileSqlStatements, type DirectRunner } from './sql-statements.ts';
import { type SqlDialectName, type TableNames, tableNames } from './sql-tables.ts';
import { createSqlUnitOfWork } from './sql-unit-of-work.ts';
import { translateStoreError } from './store-unavailable.ts';

/**
 * The stores over one SQL database, with what the relay, the CLI and apps need beside them.
 * `DB` is the app's database (its tables, as Kysely declares them): a command's handler gets
 * `ctx.tx` as a `Transaction<DB>` and the app queries outside a command through `db`.
 */
export interface SqlStores<DB = any> extends Stores<Transaction<DB>> {
	readonly outbox: SqlOutboxStore;
	readonly dialect: SqlDialectName;
	readonly tables: TableNames;
	/** The Kysely database, for the app's own queries outside a command. */
	readonly db: Kysely<DB>;
	/** The migrations applied when the stores were opened. */
	readonly migrations: MigrationReport;
	/**
	 * Called by the executor after a command commits: events are published by the relay from
	 * the outbox, never by the executor, so they leave in commit order and survive a crash.
	 */
	afterCommit(events: readonly EventEnvelope[]): void;
	/** Registers a listener for commits that emitted events (the relay wakes up on it). */
	onCommit(listener: () => void): () => void;
	/** Closes the connection pool (or the SQLite file). */
	close(): Promise<void>;
}

/** Options shared by both engines. */
export interface SqlStoreOptions {
	/** Prefix of Charter's tables (`charter_` by default); tests use a unique one per run. */
	readonly tablePrefix?: string;
	/** The app's own migrations (its tables), run after Charter's, in the same locked transaction. */
	readonly migrations?: readonly MigrationSet[];
}

/** Opens the stores over a Kysely database: runs pending migrations, then builds the stores. */
export async function openSqlStores(
	db: Kysely<any>,
	dialect: SqlDialectName,
	options: SqlStoreOptions & {
		close: () => Promise<void>;
		/** SQLite: runs a statement on the driver, for the stores' writes inside a transaction. */
		direct?: DirectRunner;
	},
): Promise<SqlStores> {
	const tables = tableNames(options.tablePrefix);
	const migrations = await runMigrations(db, dialect, tables, [
		charterMigrations,
		...(options.migrations ?? []),
	]);
	const listeners = new Set<() => void>();
	const statements = compileSqlStatements(db, tables, options.direct);
	const idempotency = createSqlIdempotencyStore(db, tables, statements);
	return {
		dialect,
		tables,
		db,
		migrations,
		idempotency,
		outbox: createSqlOutboxStore(db, dialect, tables, statements),
		audit: createSqlAuditStore(db, tables, statements),
		unitOfWork: createSqlUnitOfWork(db, dialect, tables, statements, idempotency.forgetExpired),
		translateError: translateStoreError,
		afterCommit(events) {
			if (events.length === 0) return;
			for (const listener of listeners) listener();
		},
		onCommit(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close: options.close,
	};
}
