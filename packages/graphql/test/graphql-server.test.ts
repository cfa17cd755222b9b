import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientError, GraphQLClient } from 'graphql-request';
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../src/index.ts';
import { fixtureRegistry, TOKENS } from './fixtures/fixture-contracts.ts';
import { createFixtureExecutor, fixtureContext } from './fixtures/fixture-executor.ts';

const executor = createFixtureExecutor();
const handler = createGraphqlHandler(fixtureRegistry(), {
	executor,
	events: executor.bus,
	context: fixtureContext,
	limits: { maxDepth: 4, maxCost: 40, listSize: 5 },
});
let server: Server;
let url: string;

beforeAll(async () => {
	server = createServer((req, res) => void handler.node(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const client = (token?: string) =>
	new GraphQLClient(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ClientError) return error.response;
		throw error;
	}
	throw new Error('expected the request to fail');
}

describe('GraphQL over HTTP with graphql-request', () => {
	it('a query resolves through the executor with nested types, enums and custom scalars', async () => {
		const data = await client(TOKENS.user).request<{ notesNoteGet: Record<string, unknown> }>(
			'query($id: ID!) { notesNoteGet(input: { id: $id }) { id title status createdAt author { id email } } }',
			{ id: 'n1' },
		);
		expect(data.notesNoteGet).toEqual({
			id: 'n1',
			title: 'First',
			status: 'DRAFT',
			createdAt: '2026-01-31T12:00:00Z',
			author: { id: 'u1', email: 'ada@example.com' },
		});
	});

	it('a mutation creates a note; an explicit null on an optional field means absent', async () => {
		const data = await client(TOKENS.user).request<{
			notesNoteCreate: { title: string; body: null; tags: string[] };
		}>(
			'mutation { notesNoteCreate(input: { title: "Hello", body: null, tags: ["a"] }) { title body tags } }',
		);
		expect(data.notesNoteCreate).toEqual({ title: 'Hello', body: null, tags: ['a'] });
	});

	it('a union output resolves each member by its discriminator', async () => {
		const data = await client().request<{ shapesShapeDescribeV2: unknown[] }>(
			'{ shapesShapeDescribeV2(input: "circle") { __typename ... on Circle { radius } ... on Square { side } } }',
		);
		expect(data.shapesShapeDescribeV2).toEqual([{ __typename: 'Circle', radius: 1 }]);
	});

	it('a contract validation failure is VALIDATION_FAILED (422) with issues in extensions', async () => {
		const response = await failure(
			client(TOKENS.user).request('mutation { notesNoteCreate(input: { title: "" }) { id } }'),
		);
		expect(response.errors?.[0]?.extensions).toMatchObject({
			code: 'VALIDATION_FAILED',
			status: 422,
			issues: [{ path: '/title', code: 'minLength' }],
		});
	});

	it('an anonymous caller is UNAUTHENTICATED (401) and a user on an admin query is FORBIDDEN (403)', async () => {
		const anonymous = await failure(
			client().request('{ notesNoteGet(input: { id: "n1" }) { id } }'),
		);
		expect(anonymous.errors?.[0]?.extensions).toMatchObject({
			code: 'UNAUTHENTICATED',
			status: 401,
		});
		const user = await failure(client(TOKENS.user).request('{ adminStatsGet { notes } }'));
		expect(user.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', status: 403 });
	});

	it('an invalid DateTime variable is refused by the scalar with VALIDATION_FAILED', async () => {
		const response = await failure(
			client().request('mutation($at: DateTime!) { systemPing(input: { at: $at }) }', {
				at: 'yesterday',
			}),
		);
		expect(response.status).toBe(400);
		expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
		expect(response.errors?.[0]?.message).toContain('DateTime cannot parse "yesterday"');
	});

	it('unknown fields and too deep or too costly queries are 400 with a clear message', async () => {
		const unknown = await failure(client().request('{ nope }'));
		expect(unknown.status).toBe(400);
		expect(unknown.errors?.[0]?.message).toBe('Cannot query field "nope" on type "Query".');
		const shallow = createGraphqlHandler(fixtureRegistry(), { executor, limits: { maxDepth: 2 } });
		const deep = await shallow.fetch(
			new Request('http://localhost/graphql', {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.user}` },
				body: JSON.stringify({ query: '{ notesNoteGet(input: { id: "n1" }) { author { id } } }' }),
			}),
		);
		expect(deep.status).toBe(400);
		expect(await deep.json()).toMatchObject({
			errors: [
				{
					message: 'the query is 3 levels deep; the limit is 2',
					extensions: { code: 'QUERY_TOO_COMPLEX' },
				},
			],
		});
		const costly = await failure(
			client(TOKENS.user).request(
				`{ ${Array.from({ length: 41 }, (_, i) => `a${i}: __typename x${i}: adminStatsGet { notes }`).join(' ')} }`,
			),
		);
		expect(costly.errors).toMatchObject([
			{
				message: 'the query uses 41 aliases; the limit is 10',
				extensions: { code: 'QUERY_TOO_COMPLEX', status: 400 },
			},
			{
				message:
					'the query costs 82 (fields times the sizes of their lists); the limit is 40: ask for fewer fields or a smaller limit',
				extensions: { code: 'QUERY_TOO_COMPLEX', status: 400 },
			},
		]);
	});

	it('an introspection flood is refused while one introspection query is served', async () => {
		const one = await client().request<{ __schema: { queryType: { name: string } } }>(
			'{ __schema { queryType { name } } }',
		);
		expect(one.__schema.queryType.name).toBe('Query');
		const flood = await failure(
			client().request(
				`{ ${Array.from({ length: 5 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`,
			),
		);
		expect(flood.errors?.[0]?.message).toBe(
			'the query holds 5 introspection fields; the limit is 2',
		);
	});

	it('serves the explorer page to browsers without loading anything from elsewhere', async () => {
		const response = await fetch(url, { headers: { accept: 'text/html' } });
		const html = await response.text();
		expect(response.headers.get('content-type')).toContain('text/html');
		expect(html).toContain('Charter GraphQL');
		const urls = [...html.matchAll(/(?:src|href)="(?!data:)([^"]+)"/g)].map((m) => m[1]);
		expect(urls.length).toBeGreaterThan(0);
		for (const u of urls) expect(u).toMatch(/^\/graphql\/assets\/[\w.-]+\?v=/);
	});
});

describe('GraphQL subscriptions over SSE', () => {
	it('a subscriber receives the event of its own tenant and not of another', async () => {
		const sse = createClient({
			url,
			singleConnection: false,
			headers: { authorization: `Bearer ${TOKENS.user}` },
			retryAttempts: 0,
		});
		const received: unknown[] = [];
		const done = new Promise<void>((resolve, reject) => {
			const unsubscribe = sse.subscribe<{ notesNoteCreated: { title: string } }>(
				{ query: 'subscription { notesNoteCreated { title tenant } }' },
				{
					next: (value) => {
						received.push(value.data?.notesNoteCreated);
						unsubscribe();
						resolve();
					},
					error: reject,
					complete: () => resolve(),
				},
			);
		});
		// Give the stream a moment to open, then publish one event per tenant.
		await new Promise((r) => setTimeout(r, 200));
		await client(TOKENS.otherTenant).request(
			'mutation { notesNoteCreate(input: { title: "B" }) { id } }',
		);
		await client(TOKENS.user).request('mutation { notesNoteCreate(input: { title: "A" }) { id } }');
		await done;
		sse.dispose();
		expect(received).toEqual([{ title: 'A', tenant: 'a' }]);
	});

	it('two subscribers to one event each receive every event published after they connect', async () => {
		const clients = [0, 1].map(() =>
			createClient({
				url,
				singleConnection: false,
				headers: { authorization: `Bearer ${TOKENS.user}` },
				retryAttempts: 0,
			}),
		);
		const received: string[][] = [[], []];
		let failed: unknown;
		// The stream opens once its listener on the bus is live: connected means subscribed.
		await Promise.all(
			clients.map(
				(sse, i) =>
					new Promise<void>((connected, reject) => {
						sse.subscribe<{ notesNoteCreated: { title: string } }>(
							{ query: 'subscription { notesNoteCreated { title } }' },
							{
								next: (value) => void received[i]!.push(value.data!.notesNoteCreated.title),
								error: (error) => {
									failed = error;
									reject(error);
								},
								complete: () => {},
							},
							{ connected: () => connected() },
						);
					}),
			),
		);
		const titles = ['n1', 'n2', 'n3', 'n4'];
		for (const title of titles) {
			await client(TOKENS.user).request(
				`mutation { notesNoteCreate(input: { title: "${title}" }) { id } }`,
			);
		}
		const end = Date.now() + 5000;
		while (received.some((r) => r.length < titles.length) && Date.now() < end) {
			await new Promise((r) => setTimeout(r, 20));
		}
		for (const sse of clients) sse.dispose();
		expect(failed).toBeUndefined();
		expect(received).toEqual([titles, titles]);
	});

	it('an anonymous subscriber is refused with UNAUTHENTICATED', async () => {
		const sse = createClient({ url, singleConnection: false, retryAttempts: 0 });
		const result = await new Promise<unknown>((resolve, reject) => {
			sse.subscribe(
				{ query: 'subscription { notesNoteCreated { title } }' },
				{ next: resolve, error: reject, complete: () => resolve('complete') },
			);
		});
		sse.dispose();
		expect(result).toMatchObject({
			errors: [{ extensions: { code: 'UNAUTHENTICATED', status: 401 } }],
		});
	});
});

describe('Origin validation', () => {
	it('refuses a foreign Origin with 403 FORBIDDEN, and answers its own', async () => {
		const send = (origin: string) =>
			fetch(url, {
				method: 'POST',
				headers: { origin, 'content-type': 'application/json' },
				body: JSON.stringify({ query: '{ __typename }' }),
			});
		const foreign = await send('https://evil.example');
		expect(foreign.status).toBe(403);
		expect(await foreign.json()).toMatchObject({
			errors: [{ extensions: { code: 'FORBIDDEN', status: 403 } }],
		});
		expect((await send(new URL(url).origin)).status).toBe(200);
	});
});
