import SwaggerParser from '@apidevtools/swagger-parser';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { createRegistry, defineCommand } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { redoclyLint } from '../../../../test-support/redocly-lint.ts';
import { Touch } from '../../../../test-support/touch-contract.ts';
import { createTodoExecutor, TODO_CONTRACTS, TodoCreated } from '../../test/fixtures/todo-api.ts';
import { createFetchHandler } from '../fetch/fetch-handler.ts';
import { toOpenApi } from './openapi-export.ts';

const options = {
	title: 'Todo API',
	version: '1.0.0',
	servers: [{ url: 'https://api.todo.test' }],
};
const doc = toOpenApi(createTodoExecutor(), options);
type Operation = Record<string, any>;
const op = (path: string, method: string) =>
	(doc.paths[path] as Record<string, Operation>)[method]!;

describe('OpenAPI 3.1 export', () => {
	it('is a valid OpenAPI 3.1 document for swagger-parser', async () => {
		await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
	});

	it('passes redocly lint with zero errors', async () => {
		const report = await redoclyLint(doc);
		expect(report.totals.errors, JSON.stringify(report.problems, null, 1)).toBe(0);
	}, 30_000);

	it('is deterministic, and identical from the registry or the executor', () => {
		const again = toOpenApi(createTodoExecutor(), options);
		expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
		const fromRegistry = toOpenApi(createRegistry([...TODO_CONTRACTS, TodoCreated]), options);
		expect(JSON.stringify(fromRegistry)).toBe(JSON.stringify(doc));
	});

	it('describes GET inputs as query parameters and never as a request body', () => {
		const list = op('/v1/todo/list', 'get');
		expect(list.requestBody).toBeUndefined();
		expect(list.parameters).toMatchInlineSnapshot(`
			[
			  {
			    "in": "query",
			    "name": "done",
			    "required": false,
			    "schema": {
			      "type": "boolean",
			    },
			  },
			  {
			    "in": "query",
			    "name": "limit",
			    "required": false,
			    "schema": {
			      "maximum": 100,
			      "minimum": 1,
			      "type": "integer",
			    },
			  },
			  {
			    "explode": true,
			    "in": "query",
			    "name": "tags",
			    "required": false,
			    "schema": {
			      "items": {
			        "type": "string",
			      },
			      "type": "array",
			    },
			    "style": "form",
			  },
			]
		`);
		expect(op('/v1/todos/{id}', 'get').parameters).toEqual([
			{ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
		]);
	});

	it('describes commands with a body, the Idempotency-Key header, examples, meta and every problem response', () => {
		const create = op('/v1/todo/create', 'post');
		expect(create.operationId).toBe('todoCreate');
		expect(create.summary).toBe('Create a to-do.');
		expect(create.description).toBe(
			'Create a to-do.\n\n**Goal:** Track a piece of work.\n\n**Context:** Any member of a tenant.',
		);
		expect(create.security).toEqual([{ bearerAuth: [] }]);
		expect(create.requestBody.content['application/json'].schema).toEqual({
			$ref: '#/components/schemas/CreateTodoInput',
		});
		expect(create.requestBody.content['application/json'].examples).toEqual({
			'create-milk': { value: { title: 'Buy milk' } },
		});
		expect(create.parameters.map((p: { name: string }) => p.name)).toEqual(['Idempotency-Key']);
		expect(Object.keys(create.responses)).toEqual([
			'200',
			'400',
			'401',
			'404',
			'409',
			'413',
			'415',
			'422',
			'500',
		]);
		expect(create.responses['409'].content['application/problem+json'].schema.allOf[1]).toEqual({
			properties: { code: { enum: ['DUPLICATE_TITLE', 'IDEMPOTENCY_IN_FLIGHT'] } },
		});
		expect(Object.keys(op('/v1/todos/{id}/complete', 'post').responses)).toContain('403');
		expect(op('/v1/todo/list', 'get').security).toEqual([{}, { bearerAuth: [] }]);
		expect(op('/v1/todo/count', 'get').deprecated).toBe(true);
		// GET inputs become parameters and path-parameter bodies are inline: only what is referenced is named.
		expect(Object.keys((doc.components as { schemas: object }).schemas)).toEqual([
			'Count',
			'CreateTodoInput',
			'Priority',
			'Todo',
			'TodoList',
			'Problem',
			'ProblemIssue',
		]);
	});

	it('lists exactly the routes the server answers', async () => {
		const handle = createFetchHandler(createTodoExecutor());
		const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
			Object.keys(methods).map((m) => [m.toUpperCase(), path] as const),
		);
		for (const [method, path] of routes) {
			const response = await handle(
				new Request(`http://x${path.replace(/\{[^}]+\}/g, 'x')}`, {
					method,
					...(method === 'POST'
						? { body: '{}', headers: { 'content-type': 'application/json' } }
						: {}),
				}),
			);
			const body = await response.text();
			expect(response.status, `${method} ${path}`).not.toBe(405);
			expect(body, `${method} ${path}`).not.toContain('no route for');
		}
	});
});

describe('OpenAPI examples', () => {
	const Note = defineSchemaModel({
		name: 'Note',
		fields: {
			id: { type: ScalarTypeEnum.ID(), isOptional: false },
			text: { type: ScalarTypeEnum.String(), isOptional: false },
			pinned: { type: ScalarTypeEnum.Boolean(), isOptional: false },
		},
	});
	const Pin = defineCommand({
		meta: { key: 'notes.note.pin', version: '1.0.0', description: 'Pin a note.' },
		io: {
			input: defineSchemaModel({
				name: 'PinInput',
				fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
			}),
			output: Note,
		},
		policy: { auth: 'user' },
		transport: { rest: { path: '/v1/notes/{id}/pin' } },
		acceptance: {
			examples: [
				{ key: 'partial', input: { id: 'n-1' }, output: { id: 'n-1', pinned: true } },
				{ key: 'wrong', input: { id: 'n-2' }, output: { id: 'n-2', pinned: 'yes' } },
			],
		},
	});
	const pin = (toOpenApi(createRegistry([Pin])).paths['/v1/notes/{id}/pin'] as Operation).post;

	it('publish a partial acceptance output completed into a whole value, and leave out one that cannot be valid', () => {
		expect(pin.responses['200'].content['application/json'].examples).toEqual({
			partial: { value: { id: 'n-1', text: 'text', pinned: true } },
		});
	});

	it('leave path parameters out of request body examples', () => {
		expect(pin.requestBody.content['application/json'].examples).toEqual({
			partial: { value: {} },
			wrong: { value: {} },
		});
	});
});

describe('OpenAPI error responses', () => {
	const Lookup = defineCommand({
		...Touch,
		errors: {
			GONE: { status: 410, description: 'The thing is gone.' },
			HTTP_4XX: { status: 400, documentedAs: '4XX', description: 'Another client error.' },
			HTTP_DEFAULT: { status: 500, documentedAs: 'default', description: 'Anything else.' },
		},
	});
	const lookupDoc = toOpenApi(createRegistry([Lookup]));
	const lookup = (lookupDoc.paths['/v1/demo/thing/touch'] as Operation).post;

	it('is still a valid OpenAPI 3.1 document', async () => {
		await expect(SwaggerParser.validate(structuredClone(lookupDoc) as never)).resolves.toBeTruthy();
	});

	it('list an error documented as a range or `default` under that key', () => {
		// Statuses are integer keys, which a JavaScript object lists first.
		expect(Object.keys(lookup.responses)).toEqual([
			'200',
			'400',
			'401',
			'404',
			'409',
			'410',
			'413',
			'415',
			'422',
			'500',
			'4XX',
			'default',
		]);
		const codes = (key: string) =>
			lookup.responses[key].content['application/problem+json'].schema.allOf[1].properties.code
				.enum;
		expect(codes('4XX')).toEqual(['HTTP_4XX']);
		expect(codes('default')).toEqual(['HTTP_DEFAULT']);
		expect(codes('400')).not.toContain('HTTP_4XX');
		expect(codes('500')).toEqual(['INTERNAL']);
	});

	it('refuse a range its status is not in', () => {
		expect(() =>
			defineCommand({
				...Lookup,
				errors: { HTTP_4XX: { status: 500, documentedAs: '4XX', description: 'x' } },
			}),
		).toThrow(/"4XX" is not '4XX', '5XX' or 'default' with a status in its range/);
	});
});
