import { get } from 'node:http';
import { createGraphqlHandler } from '@charter/graphql';
import { createMcpHandler } from '@charter/mcp';
import { createRestHandler, createRestServer } from '@charter/rest';
import { attachRequestTarget } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTodoExecutor } from '../../rest/test/fixtures/todo-api.ts';
import { type CharterServer, createCharterServer } from '../src/index.ts';

/*
 * createCharterServer: every surface of an executor on one port, behind one request layer.
 * The specification: each surface answers on the one port; the Host/Origin policy is checked
 * once, by the host, so a refusal looks the same on every surface and an allowed origin is
 * allowed on every surface; one bodyLimit holds everywhere; node:http and fetch give the same
 * answers.
 */

const BODY_LIMIT = 512;
const ALLOWED = 'https://app.example';
const JSON_HEADERS = { 'content-type': 'application/json', authorization: 'Bearer alice' };
const MCP_HEADERS = { ...JSON_HEADERS, accept: 'application/json, text/event-stream' };

let server: CharterServer;
let base: string;

beforeAll(async () => {
	server = createCharterServer({
		executor: createTodoExecutor(),
		bodyLimit: BODY_LIMIT,
		originPolicy: { allowedHosts: ['127.0.0.1', 'localhost'], allowedOrigins: [ALLOWED] },
		mcp: { name: 'todo' },
		mounts: {
			'/docs': (request, response) => {
				response.writeHead(200, { 'content-type': 'text/plain' }).end(`docs ${request.url}`);
				return true;
			},
			'/lazy': {
				load: async () => (request, response) => {
					if (request.url !== '/lazy/here') return false;
					response.writeHead(200).end('loaded on first use');
					return true;
				},
			},
		},
	});
	({ url: base } = await server.listen(0, '127.0.0.1'));
});
afterAll(() => server.close());

/** A request to the running server, as a fetch `Request` so the fetch path can get it too. */
const request = (path: string, init: RequestInit = {}) => new Request(`${base}${path}`, init);
const graphqlQuery = (query: string, headers: Record<string, string> = {}) =>
	request('/graphql', {
		method: 'POST',
		headers: { ...JSON_HEADERS, ...headers },
		body: JSON.stringify({ query }),
	});
const mcpCall = (method: string, headers: Record<string, string> = {}, padding = '') =>
	request('/mcp', {
		method: 'POST',
		headers: { ...MCP_HEADERS, ...headers },
		body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: {} }) + padding,
	});
const restCreate = (title: string, headers: Record<string, string> = {}) =>
	request('/v1/todo/create', {
		method: 'POST',
		headers: { ...JSON_HEADERS, ...headers },
		body: JSON.stringify({ title }),
	});

describe('createCharterServer: every surface on one port', () => {
	it('serves health, OpenAPI, REST, GraphQL, MCP and the mounts', async () => {
		expect(await (await fetch(request('/healthz'))).json()).toEqual({ status: 'ok' });
		expect((await fetch(request('/readyz'))).status).toBe(200);
		const openapi = (await (await fetch(request('/openapi.json'))).json()) as {
			paths: Record<string, unknown>;
		};
		expect(Object.keys(openapi.paths)).toContain('/v1/todo/create');
		const created = await fetch(restCreate('milk'));
		expect(created.status).toBe(200);
		expect(await created.json()).toMatchObject({ title: 'milk', done: false });
		const graphql = await fetch(graphqlQuery('{ __typename }'));
		expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
		const tools = await fetch(mcpCall('tools/list'));
		expect(tools.status).toBe(200);
		const listed = (await tools.json()) as { result: { tools: { name: string }[] } };
		expect(listed.result.tools.length).toBeGreaterThan(0);
		expect(await (await fetch(request('/docs/guide'))).text()).toBe('docs /docs/guide');
		expect(await (await fetch(request('/lazy/here'))).text()).toBe('loaded on first use');
		// A mount that declines leaves the request to the REST routes: their 404 problem.
		expect((await fetch(request('/lazy/elsewhere'))).status).toBe(404);
		expect((await fetch(request('/nowhere'))).status).toBe(404);
	});

	it('refuses a foreign Origin once, at the host: the same 403 problem on every surface', async () => {
		const foreign = { origin: 'https://evil.example' };
		for (const refused of [
			restCreate('x', foreign),
			graphqlQuery('{ __typename }', foreign),
			mcpCall('tools/list', foreign),
			request('/docs/guide', { headers: foreign }),
			request('/healthz', { headers: foreign }),
		]) {
			const response = await fetch(refused);
			expect(response.status).toBe(403);
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			expect(await response.json()).toMatchObject({
				code: 'FORBIDDEN',
				detail: 'the Origin is neither this server nor an allowed origin',
			});
		}
	});

	it('accepts an allowed origin on every surface (no surface checks it again with its own default)', async () => {
		const allowed = { origin: ALLOWED };
		expect((await fetch(restCreate('from the app', allowed))).status).toBe(200);
		expect((await fetch(graphqlQuery('{ __typename }', allowed))).status).toBe(200);
		expect((await fetch(mcpCall('tools/list', allowed))).status).toBe(200);
	});

	it('refuses a Host it does not answer to (DNS rebinding), on every surface', async () => {
		const { request: raw } = await import('node:http');
		const statusFor = (path: string) =>
			new Promise<number>((resolve, reject) => {
				const call = raw(`${base}${path}`, { headers: { host: 'rebound.evil.example' } }, (res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				});
				call.on('error', reject);
				call.end();
			});
		for (const path of ['/healthz', '/v1/todo/list', '/graphql', '/mcp', '/docs/guide'])
			expect(await statusFor(path)).toBe(403);
	});

	it('holds one bodyLimit on REST, GraphQL and MCP', async () => {
		const padding = ' '.repeat(BODY_LIMIT);
		const over = [
			restCreate(`a${'b'.repeat(BODY_LIMIT)}`),
			graphqlQuery(`{ __typename }${padding}`),
			mcpCall('tools/list', {}, padding),
		];
		for (const call of over) expect((await fetch(call)).status).toBe(413);
		const within = [restCreate('bread'), graphqlQuery('{ __typename }'), mcpCall('tools/list')];
		for (const call of within) expect((await fetch(call)).status).toBe(200);
	});

	it('gives the same answers through fetch as through node:http', async () => {
		const cases = [
			() => request('/healthz'),
			() => request('/openapi.json'),
			() => request('/v1/todo/list?limit=1', { headers: JSON_HEADERS }),
			() => request('/v1/todo/list?limit=many', { headers: JSON_HEADERS }),
			() => restCreate('x', { origin: 'https://evil.example' }),
			() => graphqlQuery('{ __typename }'),
			() => graphqlQuery('{ nope }'),
			() => mcpCall('tools/list'),
			() => mcpCall('tools/list', {}, ' '.repeat(BODY_LIMIT)),
			() => request('/graphql', { method: 'PATCH', headers: JSON_HEADERS }),
		];
		for (const make of cases) {
			const overNode = await answer(await fetch(make()));
			const overFetch = await answer(await server.fetch(make()));
			expect(overFetch).toEqual(overNode);
		}
	});
});

describe('the request target, read once', () => {
	// The host reads the target and hands it to the surface behind it: REST routes by what the
	// host read, and never parses the URL again (here the two differ on purpose, to tell).
	it('is what the REST routes use, on the fetch path and on a request a host read', async () => {
		const handler = createRestHandler({ executor: createTodoExecutor() });
		const read = new Request('http://127.0.0.1/no/such/route', { headers: JSON_HEADERS });
		attachRequestTarget(read, { pathname: '/v1/todo/list', search: '?limit=1' });
		expect((await handler.fetch(read)).status).toBe(200);
		const unread = new Request('http://127.0.0.1/no/such/route', { headers: JSON_HEADERS });
		expect((await handler.fetch(unread)).status).toBe(404);
	});

	it('is normalized once at the host as the URL parser would (dot segments)', async () => {
		// Sent as is by node:http (fetch would normalize it first): routed by the host as the
		// REST router reads it, to REST, not to GraphQL by its raw prefix.
		const status = await new Promise<number | undefined>((resolve, reject) => {
			const { hostname, port } = new URL(base);
			get(
				{ hostname, port, path: '/graphql/../v1/todo/list?limit=1', headers: JSON_HEADERS },
				(res) => {
					res.resume();
					resolve(res.statusCode);
				},
			).on('error', reject);
		});
		expect(status).toBe(200);
	});
});

describe('origins, the old name of originPolicy', () => {
	// A JavaScript caller (no type check) still passing `origins` would otherwise get a server
	// that checks no Host or Origin at all.
	it('is refused by every constructor with an error naming the new option', () => {
		const executor = createTodoExecutor();
		const surface = { executor, registry: executor.registry };
		const origins = { allowedHosts: ['127.0.0.1'] };
		const constructors: [string, () => unknown][] = [
			['createCharterServer', () => createCharterServer({ executor, origins } as never)],
			['createRestServer', () => createRestServer(executor, { origins } as never)],
			['createRestHandler', () => createRestHandler({ ...surface, origins } as never)],
			['createGraphqlHandler', () => createGraphqlHandler({ ...surface, origins } as never)],
			['createMcpHandler', () => createMcpHandler({ ...surface, origins } as never)],
		];
		for (const [name, make] of constructors) {
			expect(make, name).toThrow(/CHARTER_INVALID_OPTION\] origins: is now called originPolicy/);
		}
	});
});

/** Status, media type and body of a response, less what differs per call (trace ids). */
async function answer(response: Response) {
	const type = response.headers.get('content-type') ?? '';
	const text = await response.text();
	const body = type.includes('json') ? withoutTraceIds(JSON.parse(text)) : text;
	return { status: response.status, type, body };
}

function withoutTraceIds(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutTraceIds);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([key]) => key !== 'traceId' && key !== 'instance')
			.map(([key, item]) => [key, withoutTraceIds(item)]),
	);
}
