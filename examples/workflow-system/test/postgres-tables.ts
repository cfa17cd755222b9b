import { randomUUID } from 'node:crypto';
import type { SqlStores } from '@charter/sql';
import { createPostgresStores } from '@charter/sql/postgres';
import { sql } from 'kysely';
import { workflowMigrations } from '../src/store/sql/workflow-migrations.ts';

/** The PostgreSQL URL of the test server, when set (`CHARTER_TEST_PG_URL`). */
export const PG_URL = process.env.CHARTER_TEST_PG_URL;

/**
 * PostgreSQL stores with the workflow tables under a prefix of their own (`tag_xxxxxxxx_`), so
 * parallel test files never collide; `drop()` removes those tables and closes the pool.
 */
export async function openPostgresTables(tag: string) {
	const prefix = `${tag}_${randomUUID().slice(0, 8)}_`;
	const stores: SqlStores = await createPostgresStores({
		url: PG_URL!,
		tablePrefix: prefix,
		migrations: [workflowMigrations],
	});
	return {
		stores,
		async drop() {
			const rows = await sql<{ name: string }>`select table_name as name
				from information_schema.tables where table_name like ${`${prefix}%`}`.execute(stores.db);
			for (const { name } of rows.rows) {
				await sql`drop table if exists ${sql.table(name)} cascade`.execute(stores.db);
			}
			await stores.close();
		},
	};
}
