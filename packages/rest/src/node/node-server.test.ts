import { request } from 'node:http';
import { isProblem } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTodoExecutor } from '../../test/fixtures/todo-api.ts';
import { createRestServer, type RestServer } from './node-server.ts';

let rest: RestServer;
let url: string;
const alice = { authorization: 'Bearer alice' };
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
	rest = createRestServer(createTodoExecutor(), {
		bodyLimit: 1024,
		cors: { origins: ['https://app.example'] },
		openapi: { title: 'Todo API', version: '1.0.0' },
	});
	({ url } = await rest.listen(0));
});
afterAll(() => rest.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(url + path, {
		method: 'POST',
		headers: { ...json, ...alice, ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});

async function problemOf(response: Response) {
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	const body = await response.json();
	expect(isProblem(body)).toBe(true);
	return body;
}

describe('REST over node:http', () => {
	it('POST runs a command and answers 200 with the output', async () => {
		const response = await post('/v1/todo/create', { title: 'milk', tags: ['home'] });
		expect(response.status).toBe(200);
		expect(response.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
		expect(await response.json()).toEqual({
			id: 'todo-1',
			title: 'milk',
			done: false,
			priority: 'LOW',
			tags: ['home'],
		});
	});

	it('GET coerces query values by the input schema: numbers, booleans, repeated keys as lists', async () => {
		await post('/v1/todo/create', { title: 'bread', tags: ['home', 'shop'] });
		const response = await fetch(`${url}/v1/todo/list?done=false&limit=5&tags=home&tags=shop`);
		expect(response.status).toBe(200);
		expect((await response.json()).items.map((t: { title: string }) => t.title)).toEqual(['bread']);
		const one = await fetch(`${url}/v1/todo/list?tags=home&limit=1`);
		expect((await one.json()).items).toHaveLength(1);
	});

	it('GET with a value that does not coerce is 422 with the issue path', async () => {
		const response = await fetch(`${url}/v1/todo/list?limit=many`);
		expect(response.status).toBe(422);
		expect((await problemOf(response)).issues).toEqual([
			{ path: '/limit', code: 'type', message: 'must be an integer' },
		]);
	});

	it('routes path parameters into the input', async () => {
		const got = await fetch(`${url}/v1/todos/todo-1`, { headers: alice });
		expect(got.status).toBe(200);
		expect((await got.json()).title).toBe('milk');
		const missing = await fetch(`${url}/v1/todos/nope`, { headers: alice });
		expect(missing.status).toBe(404);
		expect((await problemOf(missing)).detail).toBe('no to-do nope');
	});

	it('normalizes dot segments and decodes percent-encoded path parameters like the URL parser', async () => {
		const raw = (path: string) =>
			new Promise<{ status: number; body: string }>((resolve, reject) => {
				// Options, not a URL string: a URL would remove the dot segments before sending.
				const { hostname, port } = new URL(url);
				const req = request({ hostname, port, path, headers: alice }, (res) => {
					let body = '';
					res.on('data', (chunk) => {
						body += chunk;
					});
					res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
				});
				req.on('error', reject);
				req.end();
			});
		const dotted = await raw('/v1/todos/../todos/./todo-1');
		expect(dotted.status).toBe(200);
		expect(JSON.parse(dotted.body).title).toBe('milk');
		const encoded = await raw('/v1/todos/todo%2D1');
		expect(encoded.status).toBe(200);
		expect(JSON.parse(encoded.body).title).toBe('milk');
		expect((await raw('/v1/todos/%E0%A4%A')).status).toBe(400);
	});

	it('HEAD answers a GET route without a body; OPTIONS lists the methods', async () => {
		const head = await fetch(`${url}/v1/todo/list`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(await head.text()).toBe('');
		const options = await fetch(`${url}/v1/todo/list`, { method: 'OPTIONS' });
		expect(options.status).toBe(204);
		expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
	});

	it('an unknown path is 404 and a wrong method is 405 with Allow', async () => {
		expect((await problemOf(await fetch(`${url}/v1/nope`))).code).toBe('NOT_FOUND');
		const wrong = await fetch(`${url}/v1/todo/create`);
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('OPTIONS, POST');
		expect((await problemOf(wrong)).code).toBe('METHOD_NOT_ALLOWED');
	});

	it('a body over the limit is 413', async () => {
		const response = await post('/v1/todo/create', { title: 'x'.repeat(2000) });
		expect(response.status).toBe(413);
		expect((await problemOf(response)).code).toBe('PAYLOAD_TOO_LARGE');
	});

	it('a body that is not JSON is 415, and malformed JSON is 400', async () => {
		const wrongType = await post('/v1/todo/create', 'title=x', {
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(wrongType.status).toBe(415);
		await problemOf(wrongType);
		const malformed = await post('/v1/todo/create', '{"title":');
		expect(malformed.status).toBe(400);
		expect((await problemOf(malformed)).code).toBe('MALFORMED_JSON');
	});

	it('a schema violation is 422 with every issue', async () => {
		const response = await post('/v1/todo/create', { title: '', priority: 'URGENT' });
		expect(response.status).toBe(422);
		const problem = await problemOf(response);
		expect(problem.issues.map((i: { path: string }) => i.path).sort()).toEqual([
			'/priority',
			'/title',
		]);
	});

	it('no token is 401 with WWW-Authenticate; a missing role is 403', async () => {
		const anonymous = await fetch(`${url}/v1/todo/create`, {
			method: 'POST',
			headers: json,
			body: '{"title":"a"}',
		});
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
		const forbidden = await post('/v1/todos/todo-1/complete', {});
		expect(forbidden.status).toBe(403);
		const allowed = await post('/v1/todos/todo-1/complete', {}, { authorization: 'Bearer ed' });
		expect(allowed.status).toBe(200);
	});

	it('a __proto__ key is refused and pollutes nothing', async () => {
		const response = await post('/v1/todo/create', '{"title":"p","__proto__":{"polluted":true}}');
		expect(response.status).toBe(400);
		expect((await problemOf(response)).code).toBe('UNSAFE_KEY');
		const query = await fetch(`${url}/v1/todo/list?__proto__=x&constructor=y`);
		expect(query.status).toBe(400);
		// On a route with a path parameter the query is merged with it: the key must survive
		// the merge as a key (a repeated one is a list, which could become a prototype).
		const merged = await fetch(`${url}/v1/todos/todo-1?__proto__=a&__proto__=b`, {
			headers: alice,
		});
		expect(merged.status).toBe(400);
		expect((await problemOf(merged)).code).toBe('UNSAFE_KEY');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('replays a command for a repeated Idempotency-Key and says so', async () => {
		const first = await post('/v1/todo/create', { title: 'once' }, { 'idempotency-key': 'abc' });
		const again = await post('/v1/todo/create', { title: 'once' }, { 'idempotency-key': 'abc' });
		expect(again.status).toBe(200);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(await again.json()).toEqual(await first.json());
		const reused = await post('/v1/todo/create', { title: 'other' }, { 'idempotency-key': 'abc' });
		expect(reused.status).toBe(422);
		expect((await problemOf(reused)).code).toBe('IDEMPOTENCY_KEY_REUSED');
	});

	it('sends Deprecation and Sunset headers for a deprecated operation', async () => {
		const response = await fetch(`${url}/v1/todo/count`);
		expect(response.status).toBe(200);
		expect(response.headers.get('deprecation')).toBe(`@${Date.parse('2026-01-01') / 1000}`);
		expect(response.headers.get('sunset')).toBe('Thu, 31 Dec 2026 00:00:00 GMT');
	});

	it('answers CORS preflights and tags responses for an allowed origin only', async () => {
		const preflight = await fetch(`${url}/v1/todo/create`, {
			method: 'OPTIONS',
			headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
		expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
		const foreign = await fetch(`${url}/v1/todo/list`, {
			headers: { origin: 'https://evil.example' },
		});
		expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
		// The answer depends on the Origin, so a shared cache must key on it: with no Origin or
		// a foreign one too, or it could hand this answer (no CORS headers) to the allowed page.
		expect(foreign.headers.get('vary')).toBe('Origin');
		const noOrigin = await fetch(`${url}/v1/todo/list`);
		expect(noOrigin.headers.get('vary')).toBe('Origin');
	});

	it('serves /healthz and /openapi.json', async () => {
		expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
		const doc = await (await fetch(`${url}/openapi.json`)).json();
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.info).toEqual({ title: 'Todo API', version: '1.0.0' });
		// The health routes are in the document, readiness with its 503.
		expect(doc.paths['/healthz'].get.operationId).toBe('healthz');
		expect(Object.keys(doc.paths['/readyz'].get.responses)).toEqual(['200', '503']);
	});
});
