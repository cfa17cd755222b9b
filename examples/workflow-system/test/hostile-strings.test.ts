import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresTables, PG_URL } from './postgres-tables.ts';
import { type SurfaceServer, startSurfaceServer } from './surface-server.ts';

/**
 * A string with U+0000 cannot be stored by PostgreSQL: every surface refuses it at validation
 * (422, with the field's pointer), on every store, before any handler or store sees it.
 */
let tables: Awaited<ReturnType<typeof openPostgresTables>> | undefined;
afterAll(() => tables?.drop());

const targets: [string, () => Promise<SurfaceServer>][] = [['memory', () => startSurfaceServer()]];
if (PG_URL) {
	targets.push([
		'postgres',
		async () => {
			tables = await openPostgresTables('wfnul');
			const { stores } = tables;
			return startSurfaceServer({ stores });
		},
	]);
} else console.warn('[skipped] NUL strings on PostgreSQL: set CHARTER_TEST_PG_URL');

const NUL_ISSUE = { code: 'nul_character' };

describe.each(targets)('strings with U+0000 on %s', (_name, start) => {
	it('are 422 VALIDATION_FAILED on REST (query string, body value, body key), GraphQL and MCP', async () => {
		const server = await start();
		try {
			const query = await server.rest(
				'employee-token',
				'/v1/workflow/instance/get?instanceId=a%00b',
			);
			expect(query.status).toBe(422);
			expect(query.body).toMatchObject({
				code: 'VALIDATION_FAILED',
				issues: [{ path: '/instanceId', ...NUL_ISSUE }],
			});
			const value = await server.rest('employee-token', '/v1/workflow/instance/start', {
				definitionKey: 'expense\u0000approval',
			});
			expect([value.status, value.body.issues]).toEqual([
				422,
				[expect.objectContaining({ path: '/definitionKey', ...NUL_ISSUE })],
			]);
			const key = await server.rest('employee-token', '/v1/workflow/instance/start', {
				definitionKey: 'expense-approval',
				context: { 'a\u0000': 1 },
			});
			expect([key.status, key.body.issues?.[0]?.code]).toEqual([422, 'nul_character']);
			const definition = await server.rest('admin-token', '/v1/workflow/definition/create', {
				key: 'k\u0000',
				name: 'n',
				steps: [],
			});
			expect(definition.status).toBe(422);

			const graphql = await server.graphql(
				'employee-token',
				'{ workflowInstanceGet(input: { instanceId: "a\\u0000b" }) { id } }',
			);
			expect(graphql.body.errors?.[0]?.extensions).toMatchObject({
				code: 'VALIDATION_FAILED',
				status: 422,
			});

			const mcp = await server.mcp('employee-token', 'workflow_instance_get', {
				instanceId: 'a\u0000b',
			});
			expect(mcp.body.result).toMatchObject({
				isError: true,
				structuredContent: { status: 422, code: 'VALIDATION_FAILED' },
			});
		} finally {
			await server.close();
		}
	});
});
