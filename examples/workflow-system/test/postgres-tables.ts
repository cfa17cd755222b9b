import { randomUUID } from 'node:crypto';
import type { SqlStores } from '@charter/sql';
import { createPostgresStores } from '@charter/sql/postgres';
import pg from 'pg';
import type { WorkflowDatabase } from '../src/store/sql/workflow-database.ts';
import { workflowMigrations } from '../src/store/sql/workflow-migrations.ts';

/** The PostgreSQL URL of the test server, when set (`CHARTER_TEST_PG_URL`). */
export const PG_URL = process.env.CHARTER_TEST_PG_URL;

/** Runs one statement on its own connection (creating or dropping a test's schema). */
async function administer(statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: PG_URL! });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/**
 * PostgreSQL stores in a schema of their own (`tag_xxxxxxxx`, the connection's `search_path`):
 * the workflow tables have fixed names (`WorkflowDatabase`), so parallel test files each get a
 * schema rather than a table prefix; `drop()` drops the schema and closes the pool.
 */
export async function openPostgresTables(tag: string) {
	const schema = `${tag}_${randomUUID().slice(0, 8)}`;
	await administer(`create schema ${schema}`);
	const url = new URL(PG_URL!);
	url.searchParams.set('options', `-c search_path=${schema}`);
	const stores: SqlStores<WorkflowDatabase> = await createPostgresStores<WorkflowDatabase>({
		url: url.toString(),
		migrations: [workflowMigrations],
	});
	return {
		stores,
		async drop() {
			await stores.close();
			await administer(`drop schema if exists ${schema} cascade`);
		},
	};
}
