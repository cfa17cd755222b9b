import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNode, type TestServer } from '../../../test-support/node-server.ts';
import { fixtureRegistry } from '../../graphql/test/fixtures/fixture-contracts.ts';
import { createFixtureExecutor } from '../../graphql/test/fixtures/fixture-executor.ts';
import { createMcpHttpHandler } from '../src/index.ts';

// `bodyLimit` is the one name of the body limit on every surface (REST, GraphQL, MCP).
const handler = createMcpHttpHandler(createFixtureExecutor(), fixtureRegistry(), {
	bodyLimit: 256,
});
let server: TestServer;
let url: string;

beforeAll(async () => {
	server = await serveNode((req, res) => void handler(req, res));
	url = `${server.origin}/mcp`;
});
afterAll(() => server.close());

const post = (body: string) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
		body,
	});

describe('the MCP endpoint body limit', () => {
	it('answers a body over bodyLimit with 413, and reads one within it', async () => {
		const ping = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
		const over = await post(`${ping}${' '.repeat(300)}`);
		expect(over.status).toBe(413);
		expect(((await over.json()) as { error: { message: string } }).error.message).toBe(
			'the body exceeds 256 bytes',
		);
		const within = await post(ping);
		expect(within.status).toBe(200);
		expect(await within.json()).toMatchObject({ jsonrpc: '2.0', id: 1, result: {} });
	});
});
