import { CharterConfigError } from '@charter/runtime';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openSqlStores, type SqlStoreOptions, type SqlStores } from '../stores/sql-stores.ts';
import { maskUrl } from '../stores/store-url.ts';
import { createPostgresDirectRunner } from './postgres-direct-runner.ts';

/** Options of the PostgreSQL stores. */
export interface PostgresStoreOptions extends SqlStoreOptions {
	/** `postgres://user:password@host:5432/database`. */
	readonly url: string;
	/** Most connections in the pool (10 by default). */
	readonly poolSize?: number;
	/** How long to wait for a connection before a command fails with 503 (5 s by default). */
	readonly connectTimeoutMs?: number;
}

/**
 * Opens the stores on PostgreSQL: checks the server answers, runs pending migrations under an
 * advisory lock (safe from several nodes at once), and keeps a connection pool. Throws
 * `CHARTER_STORE_UNREACHABLE` naming the URL (password masked) when the server cannot be reached.
 *
 * @example
 * const stores = await createPostgresStores({ url: 'postgres://postgres@127.0.0.1:5432/app' });
 */
export async function createPostgresStores<DB = any>(
	options: PostgresStoreOptions,
): Promise<SqlStores<DB>> {
	const pool = new pg.Pool({
		connectionString: options.url,
		max: options.poolSize ?? 10,
		connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
	});
	// A client losing its server (idle in the pool or checked out) must not crash the process:
	// its query fails (503) and the pool connects afresh for the next one.
	pool.on('error', () => {});
	pool.on('connect', (client) => client.on('error', () => {}));
	try {
		const client = await pool.connect();
		client.release();
	} catch (error) {
		await pool.end().catch(() => {});
		throw new CharterConfigError(
			'CHARTER_STORE_UNREACHABLE',
			maskUrl(options.url),
			`cannot connect to PostgreSQL (${error instanceof Error ? error.message : String(error)})`,
		);
	}
	const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
	try {
		return await openSqlStores(db, 'postgres', {
			...options,
			direct: createPostgresDirectRunner(),
			close: () => db.destroy(),
		});
	} catch (error) {
		await db.destroy();
		throw error;
	}
}
