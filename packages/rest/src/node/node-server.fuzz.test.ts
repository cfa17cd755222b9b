import { isProblem } from '@charter/runtime';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTodoExecutor } from '../../test/fixtures/todo-api.ts';
import { createRestServer, type RestServer } from './node-server.ts';

const BODY_LIMIT = 64 * 1024;
let rest: RestServer;
let url: string;

beforeAll(async () => {
	rest = createRestServer(createTodoExecutor(), { bodyLimit: BODY_LIMIT, cors: { origins: '*' } });
	({ url } = await rest.listen(0));
});
afterAll(() => rest.close());

const printable = fc.string({
	unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
	maxLength: 40,
});
const unsafeKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

const path = fc.oneof(
	fc.constantFrom(
		'/v1/todo/create',
		'/v1/todo/list',
		'/v1/todo/count',
		'/v1/todos/todo-1',
		'/v1/todos/x/complete',
		'/openapi.json',
		'/healthz',
	),
	fc.constantFrom(
		'/',
		'/v1',
		'/v1/todo',
		'/v2/todo/create',
		'/v1/todos/%ZZ',
		'/v1/todos/%E0%A4%A',
		'/v1/todos//complete',
		'/v1/todo/create/',
		'/..%2f..%2fetc/passwd',
	),
	printable.map((s) => `/v1/todos/${encodeURIComponent(s)}`),
	printable.map((s) => `/${encodeURIComponent(s)}`),
	fc.integer({ min: 1000, max: 8000 }).map((n) => `/v1/todos/${'a'.repeat(n)}`),
);

const query = fc.oneof(
	fc.constant(''),
	fc
		.dictionary(
			fc.oneof(
				printable,
				unsafeKey,
				fc.constantFrom(
					'limit',
					'done',
					'tags',
					'constructor[prototype][polluted]',
					'__proto__[polluted]',
				),
			),
			printable,
			{ maxKeys: 4 },
		)
		.map((d) => `?${new URLSearchParams(Object.entries(d)).toString()}`),
	fc.constantFrom(
		'?limit=1e400',
		'?limit=-1',
		'?done=maybe',
		'?tags=a&tags=b&tags=',
		'?%ZZ=1',
		'?limit=1&limit=2',
	),
);

const nested = (depth: number, open: string, close: string) =>
	open.repeat(depth) + close.repeat(depth);
const body = fc.oneof(
	fc.jsonValue().map((v) => JSON.stringify(v)),
	fc
		.record(
			{
				title: fc.oneof(printable, fc.integer(), fc.constant(null), fc.array(printable)),
				priority: fc.oneof(printable, fc.constantFrom('LOW', 'HIGH')),
				tags: fc.anything(),
			},
			{ requiredKeys: [] },
		)
		.map((v) => JSON.stringify(v) ?? '{}'),
	printable,
	fc.constantFrom('{', '{"title":', '[1,2', 'nul', '{"a":1,}', '\u0000', '{"title":"\\ud800"}', ''),
	fc.integer({ min: 10, max: 5000 }).map((d) => nested(d, '[', ']')),
	fc.integer({ min: 10, max: 3000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
	fc.integer({ min: 1, max: 3 }).map((k) => `{"title":"${'x'.repeat(k * BODY_LIMIT)}"}`),
	fc.integer({ min: 100, max: 20_000 }).map((n) => `{"title":"${'y'.repeat(n)}"}`),
	fc
		.tuple(unsafeKey, fc.jsonValue())
		.map(([k, v]) => `{"title":"t","${k}":{"polluted":${JSON.stringify(v)}}}`),
	unsafeKey.map((k) => `{"title":"t","tags":[{"${k}":{"polluted":true}}]}`),
);

const headers = fc.record(
	{
		'content-type': fc.constantFrom(
			'application/json',
			'application/json; charset=utf-8',
			'text/plain',
			'application/x-www-form-urlencoded',
			'application/problem+json',
			'garbage',
			'application/json, text/html',
			'',
		),
		authorization: fc.oneof(
			fc.constantFrom(
				'Bearer alice',
				'Bearer ed',
				'Bearer nope',
				'Basic YTpi',
				'Bearer',
				'bearer alice extra',
			),
			printable,
		),
		'idempotency-key': fc.oneof(printable, fc.constant('k'), fc.constant('x'.repeat(300))),
		traceparent: fc.oneof(
			printable,
			fc.constant('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
		),
		origin: fc.constantFrom('https://a.example', 'null'),
	},
	{ requiredKeys: [] },
);

const request = fc.record({
	method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PURGE'),
	path,
	query,
	body,
	headers,
	duplicate: fc.option(fc.constantFrom('content-type', 'authorization', 'idempotency-key'), {
		nil: undefined,
	}),
});

describe('REST server under malformed requests', () => {
	it('answers 5,000 malformed requests without a 5xx, a crash or prototype pollution, every error a problem', async () => {
		// Sampled with a fixed seed and sent 16 at a time: concurrency is part of the test, and it keeps it fast.
		const requests = fc.sample(request, { numRuns: 5000, seed: 20260101 });
		const failures: string[] = [];
		let sent = 0;
		const send = async (r: (typeof requests)[number]) => {
			const h = new Headers();
			for (const [name, value] of Object.entries(r.headers)) h.set(name, String(value));
			if (r.duplicate) h.append(r.duplicate, 'Bearer alice');
			const hasBody = !['GET', 'HEAD'].includes(r.method);
			const what = `${r.method} ${r.path.slice(0, 80)}${r.query.slice(0, 80)} body=${r.body.slice(0, 80)}`;
			try {
				const response = await fetch(url + r.path + r.query, {
					method: r.method,
					headers: h,
					...(hasBody ? { body: r.body } : {}),
				});
				const text = await response.text();
				sent++;
				if (response.status >= 500) failures.push(`${response.status} for ${what}: ${text}`);
				else if (response.status >= 400 && r.method !== 'HEAD') {
					const type = response.headers.get('content-type');
					const problem = type === 'application/problem+json' ? JSON.parse(text) : undefined;
					if (!isProblem(problem) || problem.status !== response.status)
						failures.push(`not a problem for ${what}: ${type} ${text.slice(0, 200)}`);
				}
			} catch (error) {
				failures.push(`transport failure for ${what}: ${String(error)}`);
			}
		};
		let next = 0;
		await Promise.all(
			Array.from({ length: 16 }, async () => {
				while (next < requests.length) await send(requests[next++]!);
			}),
		);
		expect(failures.slice(0, 5)).toEqual([]);
		expect(sent).toBe(5000);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect((await fetch(`${url}/healthz`)).status).toBe(200);
	}, 60_000);
});
