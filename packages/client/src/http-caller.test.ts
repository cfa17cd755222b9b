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
		expect(await caller.send(GET_TODO, { id: '1' })).toMatchObject({ ok: false, problem });
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
		expect(await caller.send(GET_TODO, { id: '1' })).toMatchObject({
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
		expect(await caller.send(ADD_TODO, {})).toMatchObject({
			ok: true,
			value: undefined,
			status: 204,
		});
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

describe('retries of idempotent calls', () => {
	const quick = { retries: 2, minDelayMs: 1, maxDelayMs: 50 };
	/** A fetch that answers each request with the next of `responses` (a thrown error for `'down'`). */
	function sequence(...responses: (number | 'down')[]) {
		let i = 0;
		return answering(() => {
			const next = responses[Math.min(i++, responses.length - 1)]!;
			if (next === 'down') throw new TypeError('fetch failed');
			return next === 200 ? json(200, { id: '1' }) : new Response('busy', { status: next });
		});
	}

	it('retries a query after no answer, a 502, 503 or 504, then gives the answer', async () => {
		const { fetch, requests } = sequence('down', 503, 200);
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch, retry: quick });
		expect(await caller.call(GET_TODO, { id: '1' })).toEqual({ id: '1' });
		expect(requests).toHaveLength(3);
	});

	it('gives the last answer when the retries run out', async () => {
		const { fetch, requests } = sequence(502, 502, 502, 200);
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch, retry: quick });
		const outcome = await caller.send(GET_TODO, { id: '1' });
		expect(outcome).toMatchObject({ ok: false, problem: { code: 'HTTP_502', status: 502 } });
		expect(requests).toHaveLength(3);
	});

	it('retries a command only when it carries an Idempotency-Key, with the same key', async () => {
		const plain = sequence(503, 200);
		const caller = createHttpCaller({
			baseUrl: 'http://api.test',
			fetch: plain.fetch,
			retry: quick,
		});
		expect((await caller.send(ADD_TODO, { title: 'milk' })).ok).toBe(false);
		expect(plain.requests).toHaveLength(1);

		const keyed = sequence(503, 200);
		const again = createHttpCaller({
			baseUrl: 'http://api.test',
			fetch: keyed.fetch,
			retry: quick,
		});
		await again.call(ADD_TODO, { title: 'milk' }, { idempotencyKey: 'k1' });
		expect(keyed.requests.map((r) => r.headers.get('idempotency-key'))).toEqual(['k1', 'k1']);
		expect(await keyed.requests[1]!.json()).toEqual({ title: 'milk' });
	});

	it('does not retry an answer another attempt will not change (4xx, 500)', async () => {
		for (const status of [400, 404, 422, 500]) {
			const { fetch, requests } = sequence(status, 200);
			const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch, retry: quick });
			expect((await caller.send(GET_TODO, { id: '1' })).ok).toBe(false);
			expect(requests).toHaveLength(1);
		}
	});

	it('waits as Retry-After asks, and stops when it asks longer than maxDelayMs', async () => {
		let i = 0;
		const at: number[] = [];
		const { fetch } = answering(() => {
			at.push(Date.now());
			return i++ === 0
				? new Response('', { status: 429, headers: { 'retry-after': '0' } })
				: new Response('', { status: 503, headers: { 'retry-after': '60' } });
		});
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch, retry: quick });
		const outcome = await caller.send(GET_TODO, { id: '1' });
		expect(outcome).toMatchObject({ ok: false, problem: { status: 503 } });
		expect(at).toHaveLength(2);
	});

	it('retries twice by default; retry: false (per client or per call) never retries', async () => {
		const byDefault = sequence('down', 'down', 'down');
		await createHttpCaller({ baseUrl: 'http://api.test', fetch: byDefault.fetch }).send(GET_TODO, {
			id: '1',
		});
		expect(byDefault.requests).toHaveLength(3);

		const off = sequence('down', 200);
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch: off.fetch, retry: false });
		expect((await caller.send(GET_TODO, { id: '1' })).ok).toBe(false);
		const perCall = sequence('down', 200);
		const another = createHttpCaller({ baseUrl: 'http://api.test', fetch: perCall.fetch });
		expect((await another.send(GET_TODO, { id: '1' }, { retry: false })).ok).toBe(false);
		expect([off.requests.length, perCall.requests.length]).toEqual([1, 1]);
	});

	it('keeps the timeout over every attempt and wait, and the abort signal during a wait', async () => {
		const { fetch } = sequence(503);
		const slow = { retries: 5, minDelayMs: 1000, maxDelayMs: 1000 };
		const caller = createHttpCaller({ baseUrl: 'http://api.test', fetch, retry: slow });
		const started = Date.now();
		const outcome = await caller.send(GET_TODO, { id: '1' }, { timeoutMs: 50 });
		expect(outcome).toMatchObject({ ok: false, problem: { code: 'DEADLINE_EXCEEDED' } });
		expect(Date.now() - started).toBeLessThan(900);

		const controller = new AbortController();
		const reason = new Error('navigated away');
		const pending = caller.send(GET_TODO, { id: '1' }, { signal: controller.signal });
		setTimeout(() => controller.abort(reason), 20);
		await expect(pending).rejects.toBe(reason);
	});
});
