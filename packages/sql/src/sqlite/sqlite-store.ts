import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CharterConfigError } from '@charter/runtime';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openSqlStores, type SqlStoreOptions, type SqlStores } from '../stores/sql-stores.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';

/** Options of the embedded SQLite stores. */
export interface SqliteStoreOptions extends SqlStoreOptions {
	/** The database file, or `:memory:`. */
	readonly file: string;
	/**
	 * `FULL` (default) syncs every commit to disk; `NORMAL` is safe against a process crash in
	 * WAL mode, but may lose the last commits on power loss.
	 */
	readonly synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Opens the stores on an SQLite file (created with its folder if missing) in WAL mode, and
 * runs pending migrations. Throws `CHARTER_STORE_UNREACHABLE` when the file cannot be opened.
 *
 * @example
 * const stores = await createSqliteStores({ file: '.charter/charter.db' });
 */
export async function createSqliteStores<DB = any>(
	options: SqliteStoreOptions,
): Promise<SqlStores<DB>> {
	const memory = options.file === ':memory:';
	const path = memory ? options.file : resolve(options.file);
	const synchronous = options.synchronous ?? 'FULL';
	let database: Database.Database;
	try {
		if (!memory) makeFolder(dirname(path));
		database = new Database(path);
		database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
		await enableWal(database);
		database.pragma(`synchronous = ${synchronous}`);
		database.pragma('foreign_keys = ON');
	} catch (error) {
		throw new CharterConfigError(
			'CHARTER_STORE_UNREACHABLE',
			`sqlite:${options.file}`,
			`cannot open the database file (${error instanceof Error ? error.message : String(error)})`,
		);
	}
	const cached = withStatementCache(database);
	const db = new Kysely<any>({ dialect: new SqliteDialect({ database: cached }) });
	// The stores' own writes inside a command's transaction skip Kysely: same connection.
	const direct = (_trx: unknown, text: string, parameters: readonly unknown[]) => {
		const statement = cached.prepare(text) as Database.Statement;
		if (statement.reader) return statement.all(parameters);
		statement.run(parameters);
		return NO_ROWS;
	};
	try {
		return await openSqlStores(db, 'sqlite', {
			...options,
			direct,
			close: () => db.destroy(),
		});
	} catch (error) {
		await db.destroy();
		throw error;
	}
}

const NO_ROWS: readonly unknown[] = Object.freeze([]);

const BUSY_TIMEOUT_MS = 5000;

/**
 * Turns WAL mode on. Switching needs the file to itself for a moment, and when another process
 * opens the same new file at once SQLite answers SQLITE_BUSY at once instead of waiting (it
 * will not wait where two waiters could deadlock): retried for up to the busy timeout, so two
 * nodes started together on one file both open it.
 */
async function enableWal(database: Database.Database): Promise<void> {
	const deadline = Date.now() + BUSY_TIMEOUT_MS;
	for (;;) {
		try {
			database.pragma('journal_mode = WAL');
			return;
		} catch (error) {
			if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline)
				throw error;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}
}

/**
 * Creates a folder and its missing parents one at a time. Node 20's recursive `mkdirSync`
 * spins forever under `/proc` (a parent that exists answers ENOENT); this throws instead.
 */
function makeFolder(folder: string): void {
	if (existsSync(folder)) return;
	const parent = dirname(folder);
	if (parent !== folder) makeFolder(parent);
	try {
		mkdirSync(folder);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
}
