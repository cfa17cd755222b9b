/*
 * Type-level tests, checked by `npm run typecheck` (tsc), never run: the typed client's methods
 * sit where `clientMethodPath` puts them (the generated SDK's rule), a v2 beside its v1.
 */
import { defineSchemaModel, f } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { expectTypeOf } from 'vitest';
import { createClient } from './create-client.ts';
import { declaredError } from './declared-error.ts';

const Id = defineSchemaModel({ name: 'TodoId', fields: { id: f.string() } });
const TodoV1 = defineSchemaModel({ name: 'TodoV1', fields: { id: f.string(), title: f.string() } });
const ById = defineSchemaModel({ name: 'TodoById', fields: { todoId: f.string() } });
const Todo = defineSchemaModel({
	name: 'Todo',
	fields: { id: f.string(), title: f.string(), done: f.boolean() },
});

const GetV1 = defineQuery({
	meta: { key: 'todo.item.get', version: '1.2.0' },
	io: { input: Id, output: TodoV1 },
	policy: { auth: 'user' },
});
const GetV2 = defineQuery({
	meta: { key: 'todo.item.get', version: '2.0.0' },
	io: { input: ById, output: Todo },
	policy: { auth: 'user' },
});
const AddLine = defineCommand({
	meta: { key: 'billing.invoice-line.add', version: '1.0.0' },
	io: { input: Id, output: Id },
	policy: { auth: 'user' },
});

const client = createClient([GetV1, GetV2, AddLine], { baseUrl: '' });

// Version 1 keeps the bare name; version 2 is `getV2`, with its own input and output.
expectTypeOf(client.todo.item.get).parameter(0).toEqualTypeOf<{ id: string }>();
expectTypeOf(() => client.todo.item.get({ id: 't1' })).returns.resolves.toEqualTypeOf<{
	id: string;
	title: string;
}>();
expectTypeOf(client.todo.item.getV2).parameter(0).toEqualTypeOf<{ todoId: string }>();
expectTypeOf(() => client.todo.item.getV2({ todoId: 't1' })).returns.resolves.toEqualTypeOf<{
	id: string;
	title: string;
	done: boolean;
}>();
// A segment's words in camelCase.
expectTypeOf(client.billing.invoiceLine.add).parameter(0).toEqualTypeOf<{ id: string }>();
// @ts-expect-error a version is never a key segment of its own
client.todo.item.v2;
// @ts-expect-error the key's own spelling of a segment is not a method path
client.billing['invoice-line'];

// An input with no required field may be left out; one with a required field may not.
const ListTodos = defineQuery({
	meta: { key: 'todo.item.list', version: '1.0.0' },
	io: {
		input: defineSchemaModel({ name: 'ListTodos', fields: { limit: f.int().optional() } }),
		output: Id,
	},
	policy: { auth: 'user' },
});
const lists = createClient([ListTodos, GetV1], { baseUrl: '' });
lists.todo.item.list();
lists.todo.item.list(undefined, { timeoutMs: 100 });
lists.todo.item.list({ limit: 5 });
expectTypeOf(() => lists.todo.item.list(undefined, { withResponse: true }))
	.returns.resolves.toHaveProperty('status')
	.toEqualTypeOf<200>();
// @ts-expect-error `id` is required
lists.todo.item.get();

// The typed client's methods narrow a failure to the problems their contract declares.
const Held = defineCommand({
	meta: { key: 'todo.item.hold', version: '1.0.0' },
	io: { input: Id, output: Id },
	policy: { auth: 'user' },
	errors: {
		NOT_FOUND: { status: 404, description: 'No such todo.' },
		HELD: { status: 409, description: 'Held.', data: Id },
	},
});
const holds = createClient([Held], { baseUrl: '' });
const declared = declaredError(new Error(), holds.todo.item.hold);
switch (declared?.code) {
	case 'HELD':
		expectTypeOf(declared.data).toEqualTypeOf<{ id: string }>();
		break;
	case 'NOT_FOUND':
		expectTypeOf(declared.data).toEqualTypeOf<undefined>();
		break;
	case undefined:
		break;
	default:
		expectTypeOf(declared).toEqualTypeOf<never>();
}

// `call` and `tryCall` take the same arguments as the methods: an all-optional input may be left out.
lists.call(ListTodos);
lists.tryCall(ListTodos);
expectTypeOf(() => lists.call(ListTodos, undefined, { withResponse: true }))
	.returns.resolves.toHaveProperty('status')
	.toEqualTypeOf<200>();
// @ts-expect-error `id` is required
lists.call(GetV1);
// @ts-expect-error `id` is required
lists.tryCall(GetV1);
