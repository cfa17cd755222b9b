import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationSet, SqlStores } from '@charter/sql';
import { createStores } from '@charter/sql';
import { sql } from 'kysely';

/** The PostgreSQL URL of the test server, when set. */
export const PG_URL = process.env.CHARTER_TEST_PG_URL;
/** The NATS URL of the test server, when set. */
export const NATS_URL = process.env.CHARTER_TEST_NATS_URL;
/** The Redis URL of the test server, when set. */
export const REDIS_URL = process.env.CHARTER_TEST_REDIS_URL;

/** Says once, on the console, which suites are skipped and why. */
export function announceSkip(
	variable: 'CHARTER_TEST_PG_URL' | 'CHARTER_TEST_NATS_URL' | 'CHARTER_TEST_REDIS_URL',
	what: string,
) {
	if (!process.env[variable]) {
		console.warn(`[skipped] ${what}: set ${variable} to run it against a real server`);
	}
}

/** A unique table prefix (or stream suffix) per test run, so parallel files never collide. */
export function uniquePrefix(tag = 't'): string {
	return `${tag}_${randomBytes(4).toString('hex')}_`;
}

/** An SQL engine under test, opened fresh (unique tables) per call. */
export interface SqlTarget {
	readonly name: 'sqlite' | 'postgres';
	open(options?: { migrations?: MigrationSet[]; prefix?: string }): Promise<SqlStores>;
	/** Removes what the target created (tables or files). */
	cleanup(): Promise<void>;
}

/** SQLite in a temporary folder, and PostgreSQL when `CHARTER_TEST_PG_URL` is set. */
export function sqlTargets(): SqlTarget[] {
	const targets: SqlTarget[] = [sqliteTarget()];
	if (PG_URL) targets.push(postgresTarget(PG_URL));
	return targets;
}

/** An SQLite target: one temporary folder, one file per open. */
export function sqliteTarget(): SqlTarget {
	const dir = mkdtempSync(join(tmpdir(), 'charter-sqlite-'));
	let n = 0;
	return {
		name: 'sqlite',
		open: (options = {}) =>
			createStores({
				url: `sqlite:${join(dir, `db-${n++}.db`)}`,
				synchronous: 'NORMAL',
				...(options.prefix ? { tablePrefix: options.prefix } : {}),
				...(options.migrations ? { migrations: options.migrations } : {}),
			}),
		async cleanup() {
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** A PostgreSQL target: unique table prefixes, dropped at cleanup. */
export function postgresTarget(url: string): SqlTarget {
	const opened: SqlStores[] = [];
	return {
		name: 'postgres',
		async open(options = {}) {
			const stores = await createStores({
				url,
				tablePrefix: options.prefix ?? uniquePrefix(),
				...(options.migrations ? { migrations: options.migrations } : {}),
			});
			opened.push(stores);
			return stores;
		},
		async cleanup() {
			for (const stores of opened) {
				const prefix = stores.tables.outbox.slice(0, -'outbox'.length);
				await dropPrefixed(stores, prefix).catch(() => {});
				await stores.close().catch(() => {});
			}
		},
	};
}

/** Drops every table whose name starts with the prefix (PostgreSQL test cleanup). */
export async function dropPrefixed(stores: SqlStores, prefix: string): Promise<void> {
	const rows = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and starts_with(table_name, ${prefix})`.execute(
		stores.db,
	);
	for (const { name } of rows.rows)
		await sql`drop table if exists ${sql.id(name)} cascade`.execute(stores.db);
}
