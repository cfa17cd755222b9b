import { CharterConfigError } from '@charter/runtime';
import type { PostgresStoreOptions } from './postgres/postgres-store.ts';
import type { SqliteStoreOptions } from './sqlite/sqlite-store.ts';
import type { SqlStoreOptions, SqlStores } from './stores/sql-stores.ts';
import { maskUrl } from './stores/store-url.ts';

/** The default store URL: an SQLite file in the project's `.charter/` folder. */
export const DEFAULT_STORE_URL = 'sqlite:.charter/charter.db';

/** Where the stores live, and the app's migrations. */
export interface StoreOptions
	extends SqlStoreOptions,
		Pick<SqliteStoreOptions, 'synchronous'>,
		Pick<PostgresStoreOptions, 'poolSize' | 'connectTimeoutMs'> {
	/** `sqlite:<file>` (default `sqlite:.charter/charter.db`), `sqlite::memory:` or `postgres://...`. */
	readonly url?: string;
	/** Resolves a relative SQLite file against this folder (the project root); the cwd by default. */
	readonly baseDir?: string;
}

/**
 * Opens durable stores selected by URL and runs pending migrations; `DB` types the app's own
 * tables (`stores.db`, and `ctx.tx` in handlers bound with `implementFor`). Throws a
 * `CharterConfigError` (`CHARTER_STORE_URL_INVALID`, `CHARTER_STORE_UNREACHABLE`) that names
 * the URL with its password masked.
 *
 * @example
 * const stores = await createStores({ url: process.env.DATABASE_URL, migrations: [appMigrations] });
 * const executor = createExecutor({ bindings, stores });
 */
export async function createStores<DB = any>(options: StoreOptions = {}): Promise<SqlStores<DB>> {
	const url = options.url ?? DEFAULT_STORE_URL;
	if (/^postgres(ql)?:\/\//i.test(url)) {
		// Loaded on demand: a PostgreSQL project need not install better-sqlite3, nor the reverse.
		const { createPostgresStores } = await import('./postgres/postgres-store.ts');
		return createPostgresStores({ ...options, url });
	}
	const sqlite = /^sqlite:(.+)$/i.exec(url);
	if (sqlite?.[1]) {
		const name = sqlite[1].replace(/^\/\/(?=\/)/, '');
		const file =
			name === ':memory:' || options.baseDir === undefined || name.startsWith('/')
				? name
				: `${options.baseDir}/${name}`;
		const { createSqliteStores } = await import('./sqlite/sqlite-store.ts');
		return createSqliteStores({ ...options, file });
	}
	throw new CharterConfigError(
		'CHARTER_STORE_URL_INVALID',
		maskUrl(url),
		'expected a sqlite: or postgres:// URL',
	);
}
