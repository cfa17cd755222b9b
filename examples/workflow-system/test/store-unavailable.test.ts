import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlStores } from '@charter/sql';
import { createSqliteStores } from '@charter/sql/sqlite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expenseApprovalDefinition } from '../src/demo/expense-approval.ts';
import type { WorkflowDatabase } from '../src/store/sql/workflow-database.ts';
import { workflowMigrations } from '../src/store/sql/workflow-migrations.ts';
import { type SurfaceServer, startSurfaceServer } from './surface-server.ts';

/**
 * A database that cannot take writes (an SQLite file turned read-only) is 503 STORE_UNAVAILABLE
 * with a retry delay on every surface: REST's `Retry-After` header, `retryAfter` in GraphQL's
 * error extensions and in MCP's problem. Reads keep answering.
 */
const dir = mkdtempSync(join(tmpdir(), 'charter-readonly-'));
let stores: SqlStores<WorkflowDatabase>;
let server: SurfaceServer;

beforeAll(async () => {
	stores = await createSqliteStores<WorkflowDatabase>({
		file: join(dir, 'charter.db'),
		migrations: [workflowMigrations],
	});
	server = await startSurfaceServer({
		stores,
	});
	// query_only stands for a file or disk turned read-only: every write is SQLITE_READONLY.
	await sql`pragma query_only = 1`.execute(stores.db);
});
afterAll(async () => {
	await server.close();
	await stores.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('a read-only database', () => {
	it('commands are 503 with Retry-After on REST, GraphQL and MCP; queries still answer', async () => {
		const rest = await server.rest('admin-token', '/v1/workflow/definition/create', {
			...expenseApprovalDefinition,
		});
		expect([rest.status, rest.body.code, rest.headers.get('retry-after')]).toEqual([
			503,
			'STORE_UNAVAILABLE',
			'5',
		]);
		const graphql = await server.graphql(
			'admin-token',
			'mutation ($input: CreateDefinitionInput!) { workflowDefinitionCreate(input: $input) { id } }',
			{ input: expenseApprovalDefinition },
		);
		expect(graphql.body.errors?.[0]?.extensions).toMatchObject({
			code: 'STORE_UNAVAILABLE',
			status: 503,
			retryAfter: 5,
		});
		const mcp = await server.mcp('admin-token', 'workflow_definition_create', {
			...expenseApprovalDefinition,
		});
		expect(mcp.body.result?.structuredContent).toMatchObject({
			code: 'STORE_UNAVAILABLE',
			status: 503,
			retryAfter: 5,
		});
		const list = await server.rest('admin-token', '/v1/workflow/definition/list');
		expect(list.status).toBe(200);
	});
});
