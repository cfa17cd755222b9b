import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@charter/client';
import {
	bearerTokenProvider,
	ContractError,
	createExecutor,
	implement,
	silentLogger,
} from '@charter/runtime';
import { defineEnum, defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { createRegistry, defineCommand, defineQuery } from '@charter/spec';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { methodPaths } from '../../../../test-support/client-method-paths.ts';
import { createRestServer, type RestServer } from '../node/node-server.ts';
import { generateClientSdk } from './sdk-generator.ts';

const Status = defineEnum('TodoStatus', ['OPEN', 'DONE']);
const Todo = defineSchemaModel({
	name: 'Todo',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		title: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false, description: 'What to do.' },
		status: { type: Status, isOptional: false },
		due: { type: ScalarTypeEnum.Date(), isOptional: true, isNullable: true },
		tags: { type: ScalarTypeEnum.String(), isOptional: true, isArray: true },
	},
});
const AddTodo = defineCommand({
	meta: { key: 'todo.item.add', version: '1.0.0', description: 'Add a todo.' },
	io: {
		input: defineSchemaModel({
			name: 'AddTodoInput',
			fields: { title: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false } },
		}),
		output: Todo,
	},
	policy: { auth: 'user' },
});
const GetTodo = defineQuery({
	meta: { key: 'todo.item.get', version: '2.0.0', description: 'Read a todo.' },
	io: {
		input: defineSchemaModel({
			name: 'GetTodoInput',
			fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
		}),
		output: Todo,
	},
	policy: { auth: 'anonymous' },
	errors: { NOT_FOUND: { status: 404, description: 'No such todo.' } },
	transport: { rest: { path: '/v2/todos/{id}' } },
});

/** Version 1 of `todo.item.get`, still served beside version 2: its output has no status. */
const GetTodoV1 = defineQuery({
	meta: { key: 'todo.item.get', version: '1.3.0', description: 'Read a todo (v1).' },
	io: {
		input: defineSchemaModel({
			name: 'GetTodoInput',
			fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
		}),
		output: defineSchemaModel({
			name: 'TodoV1',
			fields: {
				id: { type: ScalarTypeEnum.ID(), isOptional: false },
				title: { type: ScalarTypeEnum.String(), isOptional: false },
			},
		}),
	},
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/v1/todos/{id}' } },
});

const registry = createRegistry([AddTodo, GetTodo, GetTodoV1]);
const here = fileURLToPath(new URL('.', import.meta.url));
const TMP = join(here, '../../.tmp-sdk');
let server: RestServer;
let baseUrl: string;

beforeAll(async () => {
	const todos = new Map<string, { id: string; title: string; status: 'OPEN' | 'DONE' }>();
	const executor = createExecutor({
		contracts: registry,
		logger: silentLogger,
		contextProvider: bearerTokenProvider({ tokens: { t: { id: 'u1' } } }),
		bindings: [
			implement(AddTodo, ({ title }) => {
				const todo = { id: `t${todos.size + 1}`, title, status: 'OPEN' as const };
				todos.set(todo.id, todo);
				return todo;
			}),
			implement(GetTodo, ({ id }) => {
				const todo = todos.get(id);
				if (!todo) throw new ContractError('NOT_FOUND', `no todo ${id}`);
				return todo;
			}),
			implement(GetTodoV1, ({ id }) => ({ id, title: todos.get(id)?.title ?? '' })),
		],
	});
	server = createRestServer(executor);
	baseUrl = (await server.listen(0)).url;
	mkdirSync(TMP, { recursive: true });
});
afterAll(async () => {
	await server.close();
	rmSync(TMP, { recursive: true, force: true });
});

describe('generateClientSdk', () => {
	test('gives the same bytes for the same contracts, with types named after the models', () => {
		const sdk = generateClientSdk(registry);
		expect(generateClientSdk(createRegistry([GetTodoV1, GetTodo, AddTodo]))).toBe(sdk);
		expect(sdk).toContain('export interface Todo {');
		expect(sdk).toContain('export type TodoStatus = "OPEN" | "DONE";');
		expect(sdk).toContain('\tdue?: string | null;');
		expect(sdk).toContain('\ttags?: Array<string>;');
		// Nested by key segments, `V2` on the last one: the typed client's names (clientMethodPath).
		expect(sdk).toContain(
			'\t\t\t\tgetV2: caller.method<GetTodoInput, Todo, 200, (Problem & { readonly code: "NOT_FOUND"; readonly data: undefined })>(',
		);
		expect(sdk).toContain('\t\t\t\tget: caller.method<GetTodoInput, TodoV1, 200, never>(');
		// One transport: the SDK imports it instead of carrying a copy.
		expect(sdk).toContain("from '@charter/client';");
		expect(sdk).not.toContain('fetch(');
		expect(sdk).toContain('>({ method: "GET", path: "/v2/todos/{id}" }, ["NOT_FOUND"])');
	});

	test('compiles under strict TypeScript with only @charter/client and calls the running server', async () => {
		const file = join(TMP, 'client.ts');
		writeFileSync(file, generateClientSdk(registry));
		const program = ts.createProgram([file], {
			strict: true,
			noEmit: true,
			target: ts.ScriptTarget.ES2022,
			module: ts.ModuleKind.ESNext,
			moduleResolution: ts.ModuleResolutionKind.Bundler,
			// `@charter/client` from its sources, as every test reads Charter (docs/adr/0003).
			customConditions: ['@charter/source'],
			allowImportingTsExtensions: true,
			lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
			types: [],
			skipLibCheck: true,
		});
		const diagnostics = ts
			.getPreEmitDiagnostics(program)
			.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
		expect(diagnostics).toEqual([]);

		const sdk = (await import(file)) as typeof import('./sdk-generator.fixture-types.ts');
		const client = sdk.createApiClient({ baseUrl, token: 't' });
		const added = await client.todo.item.add({ title: 'Write docs' });
		expect(added).toEqual({ id: 't1', title: 'Write docs', status: 'OPEN' });
		expect(await client.todo.item.getV2({ id: 't1' })).toEqual(added);
		expect(await client.todo.item.get({ id: 't1' })).toEqual({ id: 't1', title: 'Write docs' });
		const failure = await client.todo.item.getV2({ id: 'nope' }).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(sdk.ProblemError);
		expect((failure as InstanceType<typeof sdk.ProblemError>).problem).toMatchObject({
			status: 404,
			code: 'NOT_FOUND',
		});
		const anonymous = sdk.createApiClient({ baseUrl });
		await expect(anonymous.todo.item.add({ title: 'x' })).rejects.toMatchObject({
			problem: { status: 401 },
		});

		// The typed client of the same contracts has the same methods at the same paths.
		const typed = createClient(
			registry.operations().map((op) => op.spec),
			{ baseUrl },
		);
		expect(methodPaths(client)).toEqual(['todo.item.add', 'todo.item.get', 'todo.item.getV2']);
		expect(methodPaths(typed)).toEqual(methodPaths(client));
	});
});
