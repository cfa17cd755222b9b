import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNode, type TestServer } from '../../../test-support/node-server.ts';
import { createGraphqlHandler } from '../src/index.ts';
import { fixtureRegistry } from './fixtures/fixture-contracts.ts';
import { createFixtureExecutor } from './fixtures/fixture-executor.ts';

// `bodyLimit` is the one name of the body limit on every surface (REST, GraphQL, MCP).
const handler = createGraphqlHandler(fixtureRegistry(), {
	executor: createFixtureExecutor(),
	bodyLimit: 256,
});
let server: TestServer;
let url: string;

beforeAll(async () => {
	server = await serveNode((req, res) => void handler.node(req, res));
	url = `${server.origin}/graphql`;
});
afterAll(() => server.close());

const post = (body: string) =>
	fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('the GraphQL endpoint body limit', () => {
	it('answers a body over bodyLimit with 413 on node:http and on fetch, and reads one within it', async () => {
		const query = JSON.stringify({ query: '{ __typename }' });
		const padded = `${query}${' '.repeat(300)}`;
		expect((await post(padded)).status).toBe(413);
		const viaFetch = await handler.fetch(
			new Request('http://localhost/graphql', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: padded,
			}),
		);
		expect(viaFetch.status).toBe(413);
		const within = await post(query);
		expect(within.status).toBe(200);
		expect(await within.json()).toEqual({ data: { __typename: 'Query' } });
	});
});
