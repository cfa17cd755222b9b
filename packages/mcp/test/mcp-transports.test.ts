import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildDocsModel, renderMarkdownPage } from '@charter/docs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRegistry, TOKENS } from '../../graphql/test/fixtures/fixture-contracts.ts';
import { createFixtureExecutor } from '../../graphql/test/fixtures/fixture-executor.ts';
import { createMcpHttpHandler } from '../src/index.ts';

const registry = fixtureRegistry();
const docsModel = buildDocsModel(registry);
const handler = createMcpHttpHandler(createFixtureExecutor(), registry, {
	docs: (spec) => {
		const page = [...docsModel.operations, ...docsModel.events].find(
			(p) => p.key === spec.meta.key && p.version === spec.meta.version,
		);
		return page ? renderMarkdownPage(page) : undefined;
	},
});
let server: Server;
let url: URL;

beforeAll(async () => {
	server = createServer((req, res) => void handler(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

async function httpClient(token?: string): Promise<Client> {
	const client = new Client({ name: 'test', version: '1.0.0' });
	await client.connect(
		new StreamableHTTPClientTransport(url, {
			requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
		}),
	);
	return client;
}

async function stdioClient(token?: string): Promise<Client> {
	const client = new Client({ name: 'test', version: '1.0.0' });
	const script = fileURLToPath(new URL('./fixtures/stdio-server.ts', import.meta.url));
	await client.connect(
		new StdioClientTransport({
			command: process.execPath,
			args: ['--import', 'tsx', script],
			env: {
				...(process.env as Record<string, string>),
				...(token ? { CHARTER_TOKEN: token } : {}),
			},
			stderr: 'pipe',
		}),
	);
	return client;
}

describe.each([
	['Streamable HTTP', httpClient],
	['stdio', stdioClient],
])('MCP over %s with the SDK Client', (_name, connect) => {
	let user: Client;
	let anonymous: Client;
	beforeAll(async () => {
		[user, anonymous] = await Promise.all([connect(TOKENS.user), connect()]);
	});
	afterAll(async () => {
		await Promise.all([user.close(), anonymous.close()]);
	});

	it('lists every served operation as a tool with schemas and annotations', async () => {
		const { tools } = await user.listTools();
		expect(tools.map((t) => t.name)).toEqual([
			'admin_stats_get',
			'notes_note_archive',
			'notes_note_create',
			'notes_note_get',
			'shapes_shape_describe_v2',
			'system_ping',
		]);
		const create = tools.find((t) => t.name === 'notes_note_create')!;
		expect(create.annotations).toEqual({
			title: 'Notes note create',
			readOnlyHint: false,
			idempotentHint: false,
			destructiveHint: false,
			openWorldHint: false,
		});
		expect(create.description).toContain(
			'Create a note.\n\nGoal: Keep a thought.\n\nContext: Any signed-in user of a tenant.',
		);
		expect(create.inputSchema).toMatchObject({
			$schema: 'https://json-schema.org/draft/2020-12/schema',
			type: 'object',
			required: ['title'],
		});
		const describeShape = tools.find((t) => t.name === 'shapes_shape_describe_v2')!;
		expect(describeShape.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
		expect(describeShape.inputSchema).toMatchObject({
			type: 'object',
			properties: { input: { type: 'string', minLength: 1 } },
			required: ['input'],
		});
		expect(tools.find((t) => t.name === 'notes_note_archive')!.annotations).toMatchObject({
			idempotentHint: true,
			destructiveHint: true,
		});
	});

	it('calls a query and gets structured content matching the output schema', async () => {
		const result = await user.callTool({ name: 'notes_note_get', arguments: { id: 'n1' } });
		expect(result.isError).toBeUndefined();
		expect(result.structuredContent).toMatchObject({ id: 'n1', title: 'First', status: 'DRAFT' });
		const wrapped = await anonymous.callTool({
			name: 'shapes_shape_describe_v2',
			arguments: { input: 'circle' },
		});
		expect(wrapped.structuredContent).toEqual({ result: [{ kind: 'circle', radius: 1 }] });
	});

	it('calls a command', async () => {
		const result = await user.callTool({
			name: 'notes_note_create',
			arguments: { title: 'From MCP' },
		});
		expect(result.structuredContent).toMatchObject({
			title: 'From MCP',
			tenant: 'a',
			status: 'DRAFT',
		});
	});

	it('returns a validation problem as an isError result with the issues', async () => {
		const result = await user.callTool({ name: 'notes_note_create', arguments: { title: '' } });
		expect(result.isError).toBe(true);
		expect(result.structuredContent).toMatchObject({
			code: 'VALIDATION_FAILED',
			status: 422,
			issues: [{ path: '/title', code: 'minLength' }],
		});
		const wrapped = await anonymous.callTool({
			name: 'shapes_shape_describe_v2',
			arguments: { input: '' },
		});
		expect(wrapped.structuredContent).toMatchObject({
			code: 'VALIDATION_FAILED',
			issues: [{ path: '/input' }],
		});
	});

	it('returns policy denials: anonymous is UNAUTHENTICATED, a user on an admin tool FORBIDDEN', async () => {
		const denied = await anonymous.callTool({ name: 'notes_note_get', arguments: { id: 'n1' } });
		expect(denied).toMatchObject({
			isError: true,
			structuredContent: { code: 'UNAUTHENTICATED', status: 401 },
		});
		const forbidden = await user.callTool({ name: 'admin_stats_get', arguments: {} });
		expect(forbidden).toMatchObject({
			isError: true,
			structuredContent: { code: 'FORBIDDEN', status: 403 },
		});
	});

	it('rejects an unknown tool with a JSON-RPC error naming it', async () => {
		await expect(user.callTool({ name: 'nope', arguments: {} })).rejects.toThrow(
			/Unknown tool: nope/,
		);
	});

	it('lists contracts as resources and reads one as IR JSON', async () => {
		const { resources } = await user.listResources();
		const uri = 'charter://contracts/operation/notes.note.get@1.0.0';
		expect(resources.map((r) => r.uri)).toContain(uri);
		const read = await user.readResource({ uri });
		const content = read.contents[0] as { text: string; mimeType: string };
		expect(content.mimeType).toBe('application/json');
		expect(JSON.parse(content.text)).toMatchObject({
			kind: 'query',
			meta: { key: 'notes.note.get' },
		});
	});
});

describe('MCP over HTTP: docs and bad requests', () => {
	it('serves a Markdown docs page per contract when a renderer is given', async () => {
		const client = await httpClient();
		const read = await client.readResource({
			uri: 'charter://docs/operation/notes.note.create@1.2.0',
		});
		await client.close();
		const content = read.contents[0] as { text: string; mimeType: string };
		expect(content.mimeType).toBe('text/markdown');
		expect(content.text).toContain('notes.note.create');
	});

	it('answers malformed JSON, non-JSON-RPC bodies and wrong methods with a 4xx JSON-RPC error', async () => {
		const post = (body: string) =>
			fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json, text/event-stream',
				},
				body,
			});
		const malformed = await post('{"jsonrpc":');
		expect(malformed.status).toBe(400);
		expect(await malformed.json()).toMatchObject({ error: { code: -32700 } });
		const notRpc = await post('{"hello":1}');
		expect(notRpc.status).toBeGreaterThanOrEqual(400);
		expect(notRpc.status).toBeLessThan(500);
		const get = await fetch(url);
		expect(get.status).toBe(405);
	});
});

describe('Origin validation of MCP over HTTP (DNS rebinding)', () => {
	const list = (origin: string) =>
		fetch(url, {
			method: 'POST',
			headers: {
				origin,
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
			},
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
		});

	it('refuses a foreign Origin with 403 and a JSON-RPC error, and answers its own', async () => {
		const foreign = await list('https://evil.example');
		expect(foreign.status).toBe(403);
		expect(await foreign.json()).toMatchObject({ error: { code: -32000 } });
		expect((await list(url.origin)).status).toBe(200);
	});

	it('answers an allowed origin, and refuses a Host outside allowedHosts', async () => {
		const guarded = createMcpHttpHandler(createFixtureExecutor(), registry, {
			originPolicy: { allowedHosts: ['localhost'], allowedOrigins: ['https://app.example.com'] },
		});
		const other = createServer((req, res) => void guarded(req, res));
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		const port = (other.address() as AddressInfo).port;
		try {
			const call = (host: string, origin: string) =>
				fetch(`http://${host}:${port}/mcp`, {
					method: 'POST',
					headers: {
						origin,
						'content-type': 'application/json',
						accept: 'application/json, text/event-stream',
					},
					body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
				});
			expect((await call('localhost', 'https://app.example.com')).status).toBe(200);
			expect((await call('127.0.0.1', 'https://app.example.com')).status).toBe(403);
		} finally {
			other.closeAllConnections();
			await new Promise((resolve) => other.close(resolve));
		}
	});
});
