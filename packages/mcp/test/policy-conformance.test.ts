import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchHandler } from '@charter/rest';
import { isObjectRoot } from '@charter/schema';
import { wireNames } from '@charter/spec';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../graphql/src/index.ts';
import {
	ArchiveNote,
	CreateNote,
	DescribeShape,
	GetNote,
	Ping,
	Stats,
	TOKENS,
} from '../../graphql/test/fixtures/fixture-contracts.ts';
import { createFixtureExecutor } from '../../graphql/test/fixtures/fixture-executor.ts';
import { createMcpHttpHandler } from '../src/index.ts';

/*
 * One policy everywhere: every fixture operation, valid and invalid, called by every kind of
 * caller, must get the same decision (ok, or the same problem code and status) from the
 * executor itself, REST, GraphQL and MCP.
 */

type Outcome = string;
const CALLERS = {
	anonymous: undefined,
	user: TOKENS.user,
	editor: TOKENS.editor,
	admin: TOKENS.admin,
	otherTenant: TOKENS.otherTenant,
} as const;

const CASES = [
	{ spec: GetNote, input: { id: 'n1' }, select: '{ id }' },
	{ spec: GetNote, input: { id: 'n2' }, select: '{ id }' },
	{ spec: CreateNote, input: { title: 'Hi' }, select: '{ id }' },
	{ spec: CreateNote, input: { title: '' }, select: '{ id }' },
	{ spec: ArchiveNote, input: { id: 'n1' }, select: '{ status }' },
	{ spec: Stats, input: {}, select: '{ notes }' },
	{ spec: DescribeShape, input: 'circle', select: '{ __typename }' },
	{ spec: Ping, input: { at: '2026-01-31T12:00:00Z' }, select: '' },
	{ spec: Ping, input: { at: 'soon' }, select: '' },
] as const;

const headers = (token: string | undefined): Record<string, string> =>
	token ? { authorization: `Bearer ${token}` } : {};
const decision = (problem: { code?: unknown; status?: unknown } | undefined): Outcome =>
	problem ? `${String(problem.status)} ${String(problem.code)}` : 'ok';

const direct = createFixtureExecutor();
const rest = createFetchHandler(createFixtureExecutor());
const graphql = createGraphqlHandler(createFixtureExecutor().registry, {
	executor: createFixtureExecutor(),
});
const mcpHandler = createMcpHttpHandler(createFixtureExecutor(), direct.registry);
let server: Server;
let mcpUrl: URL;
const mcpClients = new Map<string, Client>();

beforeAll(async () => {
	server = createServer((req, res) => void mcpHandler(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	mcpUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
	for (const [name, token] of Object.entries(CALLERS)) {
		const client = new Client({ name, version: '1.0.0' });
		await client.connect(
			new StreamableHTTPClientTransport(mcpUrl, { requestInit: { headers: headers(token) } }),
		);
		mcpClients.set(name, client);
	}
});
afterAll(async () => {
	await Promise.all([...mcpClients.values()].map((c) => c.close()));
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

type Case = (typeof CASES)[number];

const surfaces: Record<
	string,
	(c: Case, caller: string, token: string | undefined) => Promise<Outcome>
> = {
	executor: async (c, _caller, token) => {
		const result = await direct.execute({
			operation: c.spec.meta.key,
			input: structuredClone(c.input),
			metadata: { headers: headers(token) },
		});
		return result.ok ? 'ok' : decision(result.problem);
	},
	rest: async (c, _caller, token) => {
		const { method, path } = wireNames(c.spec).rest;
		const url = new URL(`http://localhost${path}`);
		const init: RequestInit = {
			method,
			headers: { ...headers(token), accept: 'application/json' },
		};
		if (method === 'GET') {
			// An object input goes member by member; any other input whole, as `input`.
			if (isObjectRoot(c.spec.io.input)) {
				for (const [k, v] of Object.entries(c.input as object)) url.searchParams.set(k, String(v));
			} else url.searchParams.set('input', String(c.input));
		} else {
			init.body = JSON.stringify(c.input);
			(init.headers as Record<string, string>)['content-type'] = 'application/json';
		}
		const response = await rest(new Request(url, init));
		return response.ok
			? 'ok'
			: decision((await response.json()) as { code: string; status: number });
	},
	graphql: async (c, _caller, token) => {
		const field = wireNames(c.spec).graphql;
		const argType = (
			field.type === 'Query' ? graphql.schema.getQueryType() : graphql.schema.getMutationType()
		)!.getFields()[field.field]!.args[0];
		const op = field.type === 'Query' ? 'query' : 'mutation';
		const query = argType
			? `${op}($input: ${argType.type.toString()}) { ${field.field}(input: $input) ${c.select} }`
			: `${op} { ${field.field} ${c.select} }`;
		const response = await graphql.fetch(
			new Request('http://localhost/graphql', {
				method: 'POST',
				headers: { ...headers(token), 'content-type': 'application/json' },
				body: JSON.stringify({ query, variables: argType ? { input: c.input } : {} }),
			}),
		);
		const body = (await response.json()) as {
			errors?: { extensions: { code: string; status: number } }[];
		};
		return decision(body.errors?.[0]?.extensions);
	},
	mcp: async (c, caller) => {
		const client = mcpClients.get(caller)!;
		const wrapped = !isObjectRoot(c.spec.io.input);
		const result = await client.callTool({
			name: wireNames(c.spec).mcp.tool,
			arguments: (wrapped ? { input: c.input } : c.input) as Record<string, unknown>,
		});
		return result.isError
			? decision(result.structuredContent as { code: string; status: number })
			: 'ok';
	},
};

async function decisionTable(cases: readonly Case[], names: readonly string[]) {
	const table: Record<string, Record<string, Outcome>> = {};
	for (const c of cases) {
		for (const [caller, token] of Object.entries(CALLERS)) {
			const row = `${c.spec.meta.key} ${JSON.stringify(c.input)} as ${caller}`;
			const outcomes: Record<string, Outcome> = {};
			for (const name of names) outcomes[name] = await surfaces[name]!(c, caller, token);
			table[row] = outcomes;
		}
	}
	return table;
}

const differences = (table: Record<string, Record<string, Outcome>>) =>
	Object.entries(table).filter(([, outcomes]) => new Set(Object.values(outcomes)).size !== 1);

const scalarInputs = CASES.filter((c) => !isObjectRoot(c.spec.io.input));

describe('one policy on every surface', () => {
	it('gives the same decision for every operation and caller on the executor, REST, GraphQL and MCP', async () => {
		const table = await decisionTable(CASES, ['executor', 'rest', 'graphql', 'mcp']);
		expect(Object.keys(table)).toHaveLength(CASES.length * 5);
		expect(differences(table)).toEqual([]);
		// The decisions themselves follow the declared policies (deny by default).
		const executor = Object.fromEntries(Object.entries(table).map(([row, o]) => [row, o.executor]));
		expect(executor).toMatchObject({
			'notes.note.get {"id":"n1"} as anonymous': '401 UNAUTHENTICATED',
			'notes.note.get {"id":"n1"} as user': 'ok',
			'notes.note.get {"id":"n1"} as otherTenant': '404 NOT_FOUND',
			'notes.note.archive {"id":"n1"} as user': '403 FORBIDDEN',
			'notes.note.archive {"id":"n1"} as editor': 'ok',
			'admin.stats.get {} as user': '403 FORBIDDEN',
			'admin.stats.get {} as admin': 'ok',
			'notes.note.create {"title":""} as user': '422 VALIDATION_FAILED',
			'system.ping {"at":"soon"} as anonymous': '422 VALIDATION_FAILED',
		});
		// Operations whose input is not an object are served on every surface, for everyone.
		const scalarRows = scalarInputs.map((c) => `${c.spec.meta.key} ${JSON.stringify(c.input)} as`);
		const scalar = Object.entries(table).filter(([row]) =>
			scalarRows.some((r) => row.startsWith(r)),
		);
		expect(scalar.length).toBeGreaterThan(0);
		expect(scalar.every(([, o]) => o.executor === 'ok')).toBe(true);
	});
});
