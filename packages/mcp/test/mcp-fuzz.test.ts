import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRegistry, TOKENS } from '../../graphql/test/fixtures/fixture-contracts.ts';
import { createFixtureExecutor } from '../../graphql/test/fixtures/fixture-executor.ts';
import { createMcpHttpHandler } from '../src/index.ts';

const handler = createMcpHttpHandler(createFixtureExecutor(), fixtureRegistry());
let server: Server;
let url: string;

beforeAll(async () => {
	server = createServer((req, res) => void handler(req, res));
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const TOOLS = [
	'notes_note_get',
	'notes_note_create',
	'admin_stats_get',
	'shapes_shape_describe_v2',
	'system_ping',
	'nope',
	'',
];
const METHODS = [
	'tools/call',
	'tools/list',
	'resources/read',
	'resources/list',
	'initialize',
	'ping',
	'nope/nope',
	'',
];

const toolCall = fc.record({
	jsonrpc: fc.constantFrom('2.0', '2.0', '1.0', 2),
	id: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
	method: fc.constant('tools/call'),
	params: fc.oneof(
		fc.record({ name: fc.constantFrom(...TOOLS), arguments: fc.jsonValue({ maxDepth: 3 }) }),
		fc.record({
			name: fc.constantFrom(...TOOLS),
			arguments: fc.dictionary(
				fc.constantFrom('id', 'title', 'input', 'at', 'tags', '__proto__', 'constructor'),
				fc.jsonValue({ maxDepth: 2 }),
			),
		}),
		fc.jsonValue({ maxDepth: 2 }),
	),
});

const rpc = fc.record(
	{
		jsonrpc: fc.constantFrom('2.0', '2.0', '1.0'),
		id: fc.oneof(fc.integer(), fc.string()),
		method: fc.constantFrom(...METHODS),
		params: fc.jsonValue({ maxDepth: 3 }),
	},
	{ requiredKeys: ['method'] },
);

const bodies = fc.oneof(
	toolCall.map((v) => JSON.stringify(v)),
	rpc.map((v) => JSON.stringify(v)),
	fc.array(toolCall, { maxLength: 3 }).map((v) => JSON.stringify(v)),
	fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
	fc.string(),
);

const requests = fc.record({
	body: bodies,
	token: fc.constantFrom(undefined, TOKENS.user, 'forged'),
	accept: fc.constantFrom('application/json, text/event-stream', 'application/json', '*/*'),
});

async function send(request: { body: string; token: string | undefined; accept: string }) {
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: request.accept,
			...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
		},
		body: request.body,
	});
	expect(response.status).toBeLessThan(500);
	const text = await response.text();
	if (text === '') return;
	const messages = [JSON.parse(text)].flat() as { error?: { code: number; message: string } }[];
	for (const message of messages) {
		if (message.error) {
			expect(message.error.code).not.toBe(-32603);
			expect(typeof message.error.message).toBe('string');
		}
	}
}

describe('MCP HTTP endpoint under malformed input', () => {
	// 250 runs of 8 concurrent requests: 2,000 requests, kept fast on a busy machine.
	it('answers 2,000 malformed requests with a 2xx/4xx, never a 5xx nor an internal JSON-RPC error', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(requests, { minLength: 8, maxLength: 8 }), async (batch) => {
				await Promise.all(batch.map(send));
			}),
			{ numRuns: 250 },
		);
	}, 90_000);
});
