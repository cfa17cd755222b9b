import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const registry = createRegistry([AddTodo, GetTodo]);
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
		expect(generateClientSdk(createRegistry([GetTodo, AddTodo]))).toBe(sdk);
		expect(sdk).toContain('export interface Todo {');
		expect(sdk).toContain('export type TodoStatus = "OPEN" | "DONE";');
		expect(sdk).toContain('\tdue?: string | null;');
		expect(sdk).toContain('\ttags?: Array<string>;');
		expect(sdk).toContain(
			'todoItemGetV2: (input: GetTodoInput, callOptions?: CallOptions): Promise<Todo>',
		);
		// One transport: the SDK imports it instead of carrying a copy.
		expect(sdk).toContain("from '@charter/client';");
		expect(sdk).not.toContain('fetch(');
		expect(sdk).toContain('caller.call({ method: "GET", path: "/v2/todos/{id}" }, input');
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
		const added = await client.todoItemAdd({ title: 'Write docs' });
		expect(added).toEqual({ id: 't1', title: 'Write docs', status: 'OPEN' });
		expect(await client.todoItemGetV2({ id: 't1' })).toEqual(added);
		const failure = await client.todoItemGetV2({ id: 'nope' }).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(sdk.ProblemError);
		expect((failure as InstanceType<typeof sdk.ProblemError>).problem).toMatchObject({
			status: 404,
			code: 'NOT_FOUND',
		});
		const anonymous = sdk.createApiClient({ baseUrl });
		await expect(anonymous.todoItemAdd({ title: 'x' })).rejects.toMatchObject({
			problem: { status: 401 },
		});
	});
});
