import { createExecutor, implement } from '@charter/runtime';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { describe, expect, test } from 'vitest';
import { fromExpressHandler } from './express-handler.ts';
import { fromFastifyHandler } from './fastify-handler.ts';
import { legacyRequest } from './legacy-call.ts';

const Item = defineSchemaModel({
	name: 'Item',
	fields: {
		id: { type: ScalarTypeEnum.Int(), isOptional: false },
		name: { type: ScalarTypeEnum.String(), isOptional: false },
	},
});
const GetItem = defineQuery({
	meta: { key: 'items.get', version: '1.0.0' },
	io: {
		input: defineSchemaModel({
			name: 'GetItemInput',
			fields: {
				id: { type: ScalarTypeEnum.Int(), isOptional: false },
				tags: { type: ScalarTypeEnum.String(), isOptional: true, isArray: true },
				'X-Tenant': { type: ScalarTypeEnum.String(), isOptional: true },
			},
		}),
		output: Item,
	},
	policy: { auth: 'anonymous' },
	errors: { MISSING: { status: 404, description: 'No such item' } },
	transport: { rest: { method: 'GET', path: '/items/{id}' } },
});
const RenameItem = defineCommand({
	meta: { key: 'items.rename', version: '1.0.0' },
	io: {
		input: defineSchemaModel({
			name: 'RenameItemInput',
			fields: {
				id: { type: ScalarTypeEnum.Int(), isOptional: false },
				name: { type: ScalarTypeEnum.String(), isOptional: false },
			},
		}),
		output: Item,
	},
	policy: { auth: 'anonymous' },
	transport: { rest: { method: 'PUT', path: '/items/{id}' } },
});

const metadata = { headers: { 'x-tenant': 'acme', 'user-agent': 'test' }, transport: 'test' };

describe('legacyRequest', () => {
	test('splits the typed input into path parameters, query strings and headers', () => {
		const parts = legacyRequest(
			GetItem,
			{ id: 7, tags: ['a', 'b'], 'X-Tenant': 'other' },
			{ metadata },
			{ headers: ['X-Tenant'] },
		);
		expect(parts).toMatchObject({
			method: 'GET',
			path: '/items/7',
			url: '/items/7?tags=a&tags=b',
			params: { id: '7' },
			query: { tags: ['a', 'b'] },
			body: undefined,
			headers: { 'x-tenant': 'other', 'user-agent': 'test' },
		});
	});
});

describe('fromExpressHandler', () => {
	test('runs a legacy handler with Express-shaped req and res, and validates what it sends', async () => {
		const seen: unknown[] = [];
		const executor = createExecutor({
			bindings: [
				implement(
					GetItem,
					fromExpressHandler(
						GetItem,
						(req, res) => {
							seen.push({ params: req.params, query: req.query, tenant: req.get('X-Tenant') });
							res.status(200).send(JSON.stringify({ id: Number(req.params.id), name: 'lamp' }));
						},
						{ headers: ['X-Tenant'] },
					),
				),
				implement(
					RenameItem,
					fromExpressHandler(RenameItem, (req, res) =>
						res.json({ id: Number(req.params.id), name: req.body.name }),
					),
				),
			],
		});
		const got = await executor.execute({
			operation: 'items.get',
			input: { id: '3', tags: 'x' },
			coerce: true,
			metadata,
		});
		expect(got).toMatchObject({ ok: true, output: { id: 3, name: 'lamp' } });
		expect(seen).toEqual([{ params: { id: '3' }, query: { tags: ['x'] }, tenant: 'acme' }]);
		const renamed = await executor.execute({
			operation: 'items.rename',
			input: { id: 3, name: 'desk' },
			metadata,
		});
		expect(renamed).toMatchObject({ ok: true, output: { id: 3, name: 'desk' } });
	});

	test("an error status is the contract's declared error; next(error) and undeclared statuses are opaque 500s", async () => {
		let mode = 'missing';
		const executor = createExecutor({
			logger: { debug() {}, info() {}, warn() {}, error() {} } as never,
			bindings: [
				implement(
					GetItem,
					fromExpressHandler(GetItem, (_req, res, next) => {
						if (mode === 'missing') res.status(404).json({ message: 'gone' });
						else if (mode === 'next') next(new Error('database down'));
						else res.sendStatus(418);
					}),
				),
			],
		});
		const missing = await executor.execute({ operation: 'items.get', input: { id: 1 } });
		expect(missing).toMatchObject({
			ok: false,
			problem: { status: 404, code: 'MISSING', detail: 'gone' },
		});
		mode = 'next';
		const failed = await executor.execute({ operation: 'items.get', input: { id: 1 } });
		expect(failed).toMatchObject({ ok: false, problem: { status: 500, code: 'INTERNAL' } });
		expect(JSON.stringify(failed)).not.toContain('database down');
		mode = 'teapot';
		const teapot = await executor.execute({ operation: 'items.get', input: { id: 1 } });
		expect(teapot).toMatchObject({ ok: false, problem: { status: 500 } });
	});
});

describe('fromFastifyHandler', () => {
	test('the returned payload is the output; reply.code(404).send() is the declared error', async () => {
		const executor = createExecutor({
			bindings: [
				implement(
					GetItem,
					fromFastifyHandler(GetItem, async (request, reply) => {
						if (request.params.id === '0') return reply.code(404).send({ message: 'no item 0' });
						return { id: Number(request.params.id), name: 'chair' };
					}),
				),
			],
		});
		expect(await executor.execute({ operation: 'items.get', input: { id: 5 } })).toMatchObject({
			ok: true,
			output: { id: 5, name: 'chair' },
		});
		expect(await executor.execute({ operation: 'items.get', input: { id: 0 } })).toMatchObject({
			ok: false,
			problem: { status: 404, code: 'MISSING', detail: 'no item 0' },
		});
	});
});
