import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expenseApprovalDefinition } from '../src/demo/expense-approval.ts';
import { type Answer, type SurfaceServer, startSurfaceServer } from './surface-server.ts';

/**
 * `Idempotency-Key` means the same on REST, GraphQL and MCP: one key, one command run; the same
 * key and payload replay the first result (marked as a replay), another payload with the key is
 * 422 IDEMPOTENCY_KEY_REUSED. Each surface starts expenses and counts the instances made.
 */
let server: SurfaceServer;
beforeAll(async () => {
	server = await startSurfaceServer();
	const draft = await server.rest('admin-token', '/v1/workflow/definition/create', {
		...expenseApprovalDefinition,
	});
	await server.rest('admin-token', '/v1/workflow/definition/publish', {
		definitionId: draft.body.id,
	});
});
afterAll(() => server.close());

const START =
	'mutation ($input: StartWorkflowInput!) { workflowInstanceStart(input: $input) { id } }';

async function instanceCount(): Promise<number> {
	const page = await server.rest('admin-token', '/v1/workflow/instance/list?limit=100');
	return page.body.items.length;
}

/** One surface's way to start an expense with a key, and what a replay and a problem look like. */
interface Surface {
	start(key: string, reason: string, via?: 'header' | 'body'): Promise<Answer>;
	id(answer: Answer): string | undefined;
	replayed(answer: Answer): boolean;
	code(answer: Answer): string | undefined;
}

const input = (reason: string) => ({
	definitionKey: 'expense-approval',
	context: { amount: 10, reason },
});

const surfaces: Record<string, Surface> = {
	REST: {
		start: (key, reason) =>
			server.rest('employee-token', '/v1/workflow/instance/start', input(reason), {
				'idempotency-key': key,
			}),
		id: (a) => a.body.id,
		replayed: (a) => a.headers.get('idempotent-replayed') === 'true',
		code: (a) => a.body.code,
	},
	GraphQL: {
		start: (key, reason, via = 'body') =>
			server.graphql(
				'employee-token',
				START,
				{ input: input(reason) },
				via === 'body'
					? { extensions: { idempotencyKey: key } }
					: { headers: { 'idempotency-key': key } },
			),
		id: (a) => a.body.data?.workflowInstanceStart?.id,
		replayed: (a) => a.body.extensions?.idempotentReplayed === true,
		code: (a) => a.body.errors?.[0]?.extensions?.code,
	},
	MCP: {
		start: (key, reason, via = 'body') =>
			server.mcp(
				'employee-token',
				'workflow_instance_start',
				input(reason),
				via === 'body'
					? { meta: { idempotencyKey: key } }
					: { headers: { 'idempotency-key': key } },
			),
		id: (a) => (a.body.result?.isError ? undefined : a.body.result?.structuredContent?.id),
		replayed: (a) => a.body.result?._meta?.idempotentReplayed === true,
		code: (a) => a.body.result?.structuredContent?.code,
	},
};

describe.each(Object.entries(surfaces))('Idempotency-Key on %s', (name, surface) => {
	it('the same key and payload twice run once; the second answer is the first, marked a replay', async () => {
		const before = await instanceCount();
		const first = await surface.start(`${name}-once`, 'Taxi');
		const second = await surface.start(`${name}-once`, 'Taxi');
		expect(surface.id(first)).toBeDefined();
		expect(surface.id(second)).toBe(surface.id(first));
		expect([surface.replayed(first), surface.replayed(second)]).toEqual([false, true]);
		expect(await instanceCount()).toBe(before + 1);
	});

	it('the key with another payload is IDEMPOTENCY_KEY_REUSED and runs nothing', async () => {
		await surface.start(`${name}-reused`, 'Taxi');
		const before = await instanceCount();
		const other = await surface.start(`${name}-reused`, 'Hotel');
		expect(surface.code(other)).toBe('IDEMPOTENCY_KEY_REUSED');
		expect(await instanceCount()).toBe(before);
	});

	it('without a key, two calls run twice', async () => {
		const before = await instanceCount();
		const call = () =>
			name === 'REST'
				? server.rest('employee-token', '/v1/workflow/instance/start', input('Bus'))
				: name === 'GraphQL'
					? server.graphql('employee-token', START, { input: input('Bus') })
					: server.mcp('employee-token', 'workflow_instance_start', input('Bus'));
		await call();
		await call();
		expect(await instanceCount()).toBe(before + 2);
	});
});

describe('the key on GraphQL and MCP may also come as the Idempotency-Key header', () => {
	it.each(['GraphQL', 'MCP'])(
		'%s: header, then the same key in the body, is one run',
		async (name) => {
			const surface = surfaces[name]!;
			const before = await instanceCount();
			const first = await surface.start(`${name}-header`, 'Taxi', 'header');
			const second = await surface.start(`${name}-header`, 'Taxi', 'body');
			expect(surface.id(second)).toBe(surface.id(first));
			expect(surface.replayed(second)).toBe(true);
			expect(await instanceCount()).toBe(before + 1);
		},
	);

	it('two different keys in the header and the body are a 400', async () => {
		const graphql = await server.graphql(
			'employee-token',
			START,
			{ input: input('Taxi') },
			{ extensions: { idempotencyKey: 'a' }, headers: { 'idempotency-key': 'b' } },
		);
		expect([graphql.status, graphql.body.errors?.[0]?.extensions?.code]).toEqual([
			400,
			'BAD_REQUEST',
		]);
		const mcp = await server.mcp('employee-token', 'workflow_instance_start', input('Taxi'), {
			meta: { idempotencyKey: 'a' },
			headers: { 'idempotency-key': 'b' },
		});
		expect(mcp.body.result?.structuredContent).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
	});
});
