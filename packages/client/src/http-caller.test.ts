import { ProblemError } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { NETWORK_ERROR } from './client-types.ts';
import { createHttpCaller, type WireRoute } from './http-caller.ts';

const GET_TODO: WireRoute = { method: 'GET', path: '/v1/todos/{id}' };
const ADD_TODO: WireRoute = { method: 'POST', path: '/v1/todo/add' };

/** A fetch that records the request and answers with the given response. */
function answering(respond: (request: Request) => Response | Promise<Response>) {
	const requests: Request[] = [];
	const fetch = async (url: string | URL | Request, init?: RequestInit) => {
		const request = new Request(url, init);
		requests.push(request);
		return respond(request);
	};
	return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (status: number, body: unknown, type = 'application/json') =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('the HTTP caller', () => {
	it('puts path parameters in the path, the rest in the query of a GET, with the token', async () => {
		const { fetch, requests } = answering(() => json(200, { id: 'a b' }));
		const caller = createHttpCaller({ baseUrl: 'http://api.test/base/', fetch, token: () => 't1' });
		expect(await caller.call(GET_TODO, { id: 'a b', tags: ['x', 'y'] })).toEqual({ id: 'a b' });
		expect(requests[0]!.url).toBe('http://api.test/base/v1/todos/a%20b?tags=x&tags=y');
		expect(requests[0]!.headers.get('authorization')).toBe('Bearer t1');
	});

	it('sends a command as a JSON body with its idempotency key, a whole input as the body itself', async () => {
		const { fetch, requests } = answering(() => json(200, { ok: 1 }));
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch });
		await caller.call(ADD_TODO, { title: 'milk' }, { idempotencyKey: 'k1' });
		await caller.call({ ...ADD_TODO, whole: true }, ['a', 'b']);
		expect(requests[0]!.headers.get('idempotency-key')).toBe('k1');
		expect(await requests[0]!.json()).toEqual({ title: 'milk' });
		expect(await requests[1]!.json()).toEqual(['a', 'b']);
	});

	it('returns the problem document of a failed call, typed as a result or thrown', async () => {
		const problem = { type: 'urn:x', title: 'Not found', status: 404, code: 'NOT_FOUND' };
		const { fetch } = answering(() => json(404, problem, 'application/problem+json'));
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch });
		expect(await caller.send(GET_TODO, { id: '1' })).toEqual({ ok: false, problem });
		const thrown = await caller.call(GET_TODO, { id: '1' }).catch((e: unknown) => e);
		expect(thrown).toBeInstanceOf(ProblemError);
		expect((thrown as ProblemError).problem).toEqual(problem);
	});

	it('checks the status before the body: an HTML error page keeps its status as HTTP_<status>', async () => {
		const page = '<html><body>Bad gateway</body></html>';
		const { fetch } = answering(
			() => new Response(page, { status: 502, statusText: 'Bad Gateway' }),
		);
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch });
		expect(await caller.send(GET_TODO, { id: '1' })).toEqual({
			ok: false,
			problem: {
				type: 'about:blank',
				title: 'Bad Gateway',
				status: 502,
				code: 'HTTP_502',
				detail: page,
			},
		});
	});

	it('does not pass a success body that is not JSON off as the output', async () => {
		const { fetch } = answering(() => new Response('<html>login</html>', { status: 200 }));
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch });
		const outcome = await caller.send(GET_TODO, { id: '1' });
		expect(outcome).toMatchObject({ ok: false, problem: { code: 'HTTP_200', status: 502 } });
	});

	it('gives no output for 204 and an empty body', async () => {
		const { fetch } = answering(() => new Response(null, { status: 204 }));
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch });
		expect(await caller.send(ADD_TODO, {})).toEqual({ ok: true, value: undefined });
	});

	it('ends a call that outlives its timeout with DEADLINE_EXCEEDED, body included', async () => {
		const { fetch } = answering(
			(request) =>
				new Promise<Response>((_resolve, reject) =>
					request.signal.addEventListener('abort', () => reject(request.signal.reason)),
				),
		);
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch, timeoutMs: 5000 });
		const outcome = await caller.send(GET_TODO, { id: '1' }, { timeoutMs: 20 });
		expect(outcome).toMatchObject({
			ok: false,
			problem: { code: 'DEADLINE_EXCEEDED', status: 504 },
		});
	});

	it("throws the caller's own abort as is, not as a problem", async () => {
		const { fetch } = answering(
			(request) =>
				new Promise<Response>((_resolve, reject) =>
					request.signal.addEventListener('abort', () => reject(request.signal.reason)),
				),
		);
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch, timeoutMs: 5000 });
		const controller = new AbortController();
		const reason = new Error('navigated away');
		const pending = caller.send(GET_TODO, { id: '1' }, { signal: controller.signal });
		controller.abort(reason);
		await expect(pending).rejects.toBe(reason);
	});

	it('turns a request that got no response into a NETWORK_ERROR problem, the error kept as its cause', async () => {
		const fetch = (async () => {
			throw new TypeError('fetch failed');
		}) as typeof globalThis.fetch;
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch });
		const outcome = await caller.send(GET_TODO, { id: '1' });
		expect(outcome).toMatchObject({
			ok: false,
			problem: { code: NETWORK_ERROR, status: 0, detail: 'fetch failed' },
		});
		const thrown = await caller.call(GET_TODO, { id: '1' }).catch((e: unknown) => e);
		expect((thrown as ProblemError).cause).toBeInstanceOf(TypeError);
	});
});
