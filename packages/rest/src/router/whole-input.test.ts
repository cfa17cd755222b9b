import SwaggerParser from '@apidevtools/swagger-parser';
import { createClient } from '@charter/client';
import { type CharterConfigError, createExecutor, implement } from '@charter/runtime';
import { listOf, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { createFetchHandler } from '../fetch/fetch-handler.ts';
import { toOpenApi } from '../openapi/openapi-export.ts';

// Operations whose input is not an object: it travels whole (see WHOLE_INPUT_PARAMETER in @charter/spec).
const Shout = defineQuery({
	meta: { key: 'words.shout', version: '1.0.0', description: 'Upper-case a word.' },
	io: { input: ScalarTypeEnum.NonEmptyString(), output: ScalarTypeEnum.String() },
	policy: { auth: 'anonymous' },
});
const Sum = defineQuery({
	meta: { key: 'numbers.sum', version: '1.0.0', description: 'Add numbers.' },
	io: { input: listOf(ScalarTypeEnum.Int()), output: ScalarTypeEnum.Int() },
	policy: { auth: 'anonymous' },
});
const Count = defineCommand({
	meta: { key: 'words.count', version: '1.0.0', description: 'Count words.' },
	io: { input: listOf(ScalarTypeEnum.String()), output: ScalarTypeEnum.Int() },
	policy: { auth: 'anonymous' },
});

const executor = () =>
	createExecutor({
		bindings: [
			implement(Shout, (word) => word.toUpperCase()),
			implement(Sum, (numbers) => numbers.reduce((a, b) => a + b, 0)),
			implement(Count, (words) => words.length),
		],
	});
const handler = createFetchHandler(executor());
const call = async (path: string, init?: RequestInit) => {
	const response = await handler(new Request(`http://api.test${path}`, init));
	return { status: response.status, body: await response.json() };
};
const post = (path: string, body: string) =>
	call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('an input that is not an object, over REST', () => {
	it('reaches a query as its `input` query parameter, coerced by its type and repeated for a list', async () => {
		expect(await call('/v1/words/shout?input=hey')).toEqual({ status: 200, body: 'HEY' });
		expect(await call('/v1/numbers/sum?input=2&input=40')).toEqual({ status: 200, body: 42 });
		expect(await call('/v1/numbers/sum?input=7')).toEqual({ status: 200, body: 7 });
		const missing = await call('/v1/words/shout');
		expect(missing.status).toBe(422);
		expect(await call('/v1/numbers/sum?input=two')).toMatchObject({ status: 422 });
		// A list with no `input` at all is the empty list: there is nothing to repeat.
		expect(await call('/v1/numbers/sum')).toEqual({ status: 200, body: 0 });
	});

	it('is the whole JSON body of a command, and a body of another type is a 422', async () => {
		expect(await post('/v1/words/count', '["a","b","c"]')).toEqual({ status: 200, body: 3 });
		expect(await post('/v1/words/count', '"a"')).toMatchObject({
			status: 422,
			body: { code: 'VALIDATION_FAILED' },
		});
		expect(await post('/v1/words/count', '{"__proto__":{}}')).toMatchObject({ status: 400 });
	});

	it('is called the same way by the typed client', async () => {
		const fetchHandler = ((input: RequestInfo | URL, init?: RequestInit) =>
			handler(new Request(input, init))) as typeof fetch;
		const client = createClient([Shout, Sum, Count], {
			baseUrl: 'http://api.test',
			fetch: fetchHandler,
		});
		expect(await client.words.shout('quiet')).toBe('QUIET');
		expect(await client.numbers.sum([1, 2, 3])).toBe(6);
		expect(await client.numbers.sum([])).toBe(0);
		expect(await client.words.count(['x', 'y'])).toBe(2);
	});

	it('is documented in OpenAPI: an `input` query parameter, or the request body', async () => {
		const document = toOpenApi(executor()) as {
			paths: Record<string, Record<string, { parameters?: unknown[]; requestBody?: unknown }>>;
		};
		expect(document.paths['/v1/numbers/sum']?.get?.parameters).toEqual([
			expect.objectContaining({ name: 'input', in: 'query', required: false, explode: true }),
		]);
		expect(document.paths['/v1/words/count']?.post?.requestBody).toMatchObject({
			content: { 'application/json': { schema: { type: 'array' } } },
		});
		await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
	});

	it('cannot have path parameters: the executor refuses them at startup', () => {
		const ByName = defineQuery({
			meta: { key: 'words.byname', version: '1.0.0', description: 'A word by name.' },
			io: { input: ScalarTypeEnum.String(), output: ScalarTypeEnum.String() },
			policy: { auth: 'anonymous' },
			transport: { rest: { path: '/v1/words/{name}' } },
		});
		expect(() => createExecutor({ bindings: [implement(ByName, (name) => name)] })).toThrow(
			expect.objectContaining({
				code: 'CHARTER_INVALID_REST_PATH',
			}) as unknown as CharterConfigError,
		);
	});
});
