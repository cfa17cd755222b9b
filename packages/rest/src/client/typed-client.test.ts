import { readFileSync } from 'node:fs';
import { createClient } from '@charter/client';
import { ProblemError } from '@charter/runtime';
import createFetchClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { CreateTodo, createTodoExecutor, TODO_CONTRACTS } from '../../test/fixtures/todo-api.ts';
import { generateTodoTypes } from '../../test/generate-todo-types.ts';
import type { paths } from '../../test/generated/todo-api.d.ts';
import { createRestServer, type RestServer } from '../node/node-server.ts';

let rest: RestServer;
let baseUrl: string;

beforeAll(async () => {
	rest = createRestServer(createTodoExecutor());
	baseUrl = (await rest.listen(0)).url;
});
afterAll(() => rest.close());

describe('typed client', () => {
	it('calls commands and queries typed from the contracts, nested by key', async () => {
		const client = createClient(TODO_CONTRACTS, { baseUrl, token: 'alice' });
		const created = await client.todo.create(
			{ title: 'milk', tags: ['home'] },
			{ idempotencyKey: 'k1' },
		);
		expectTypeOf(created).toEqualTypeOf<{
			id: string;
			title: string;
			done: boolean;
			priority: 'LOW' | 'HIGH';
			tags: string[];
		}>();
		expect(created).toEqual({
			id: 'todo-1',
			title: 'milk',
			done: false,
			priority: 'LOW',
			tags: ['home'],
		});
		expect(await client.todo.get({ id: 'todo-1' })).toEqual(created);
		const list = await client.todo.list({ done: false, limit: 10, tags: ['home'] });
		expect(list.items.map((t) => t.id)).toEqual(['todo-1']);
		expect(
			await client.call(CreateTodo, { title: 'milk' }, { idempotencyKey: 'k1' }).catch((e) => e),
		).toBeInstanceOf(ProblemError);
		// @ts-expect-error the input is typed from the contract
		await expect(client.todo.create({ title: 1 })).rejects.toThrow(ProblemError);
	});

	it('throws a ProblemError carrying the problem document', async () => {
		const client = createClient(TODO_CONTRACTS, { baseUrl, token: 'alice' });
		const error = await client.todo.complete({ id: 'todo-1' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ProblemError);
		expect((error as ProblemError).problem).toMatchObject({ status: 403, code: 'FORBIDDEN' });
		const anonymous = createClient(TODO_CONTRACTS, { baseUrl });
		await expect(anonymous.todo.get({ id: 'todo-1' })).rejects.toMatchObject({
			status: 401,
			code: 'UNAUTHENTICATED',
		});
	});
});

describe('typed results', () => {
	it('tryCall resolves to the output or to the problem, its code typed from the contract', async () => {
		const client = createClient(TODO_CONTRACTS, { baseUrl, token: 'alice' });
		const created = await client.tryCall(CreateTodo, { title: 'eggs' }, { idempotencyKey: 'k2' });
		expect(created).toMatchObject({ ok: true, value: { title: 'eggs', done: false } });
		const refused = await client.tryCall(CreateTodo, { title: '' });
		if (refused.ok) throw new Error('an empty title was accepted');
		expectTypeOf(refused.problem.code).toExtend<string>();
		expectTypeOf<'DUPLICATE_TITLE'>().toExtend<typeof refused.problem.code>();
		// @ts-expect-error a code neither the contract nor the runtime declares
		refused.problem.code === 'NO_SUCH_CODE';
		expect(refused.problem).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
	});
});

describe('third-party clients from our OpenAPI', () => {
	it('openapi-typescript generates the committed types (no drift)', async () => {
		const committed = readFileSync(
			new URL('../../test/generated/todo-api.d.ts', import.meta.url),
			'utf8',
		);
		expect(await generateTodoTypes()).toBe(committed);
	});

	it('openapi-fetch calls the running server with the generated types', async () => {
		const api = createFetchClient<paths>({ baseUrl, headers: { authorization: 'Bearer alice' } });
		const created = await api.POST('/v1/todo/create', {
			body: { title: 'bread', priority: 'HIGH' },
		});
		expect(created.response.status).toBe(200);
		expect(created.data?.priority).toBe('HIGH');
		const listed = await api.GET('/v1/todo/list', {
			params: { query: { done: false, limit: 50 } },
		});
		expect(listed.data?.items.map((t) => t.title)).toContain('bread');
		const got = await api.GET('/v1/todos/{id}', { params: { path: { id: created.data!.id } } });
		expect(got.data?.title).toBe('bread');
		const bad = await api.POST('/v1/todo/create', { body: { title: '' } });
		expect(bad.response.status).toBe(422);
		expect(bad.error?.code).toBe('VALIDATION_FAILED');
	});
});
