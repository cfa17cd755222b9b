import { defineEnum, defineSchemaModel, f, ScalarTypeEnum } from '@charter/schema';
import { defineCommand } from '@charter/spec';
import { type } from 'arktype';
import { describe, expect, it } from 'vitest';
import { surfaces } from './parity-surfaces.ts';

/*
 * ArkType parity. ArkType 2 implements Standard JSON Schema itself, so its types are accepted
 * as they are. Objects and enums are named with `.configure({ title })`; a Charter scalar JSON
 * Schema has no word for (`ID`, and `DateTime`: ArkType's ISO date gives a pattern, not a
 * format) with `.configure({ 'x-charter-scalar': ... })`.
 *
 * Not compared on the example's own contracts, because ArkType's JSON Schema cannot say three
 * things they use: properties come out required first, then optional, each in alphabetical
 * order, and enum values alphabetically (ArkType sorts them), an enum with a title has no per-value descriptions (the enum's annotations are copied
 * onto every value), and `.default()` values are not written. So the native contract here
 * declares its fields and enum values in ArkType's order, its enum without value descriptions; Valibot and Zod are compared on
 * the example's contracts (valibot-parity, zod-parity).
 */

const Priority = defineEnum('TaskPriority', ['HIGH', 'LOW', 'NORMAL'] as const, {
	description: 'How urgent a task is.',
});
const Assignee = defineSchemaModel({
	name: 'TaskAssignee',
	fields: { id: f.ref(ScalarTypeEnum.ID()), name: f.string({ minLength: 1 }) },
});
const CreateTaskInput = defineSchemaModel({
	name: 'CreateTaskInput',
	fields: {
		assigneeIds: f.ref(ScalarTypeEnum.ID()).array(),
		priority: f.ref(Priority),
		title: f.string({ minLength: 1, maxLength: 200 }),
		dueAt: f.ref(ScalarTypeEnum.DateTime()).optional().nullable(),
		note: f.string({ maxLength: 4000 }).optional().describe('Free text for the assignees.'),
	},
});
const Task = defineSchemaModel({
	name: 'Task',
	fields: {
		assignees: f.ref(Assignee).array(),
		createdAt: f.ref(ScalarTypeEnum.DateTime()),
		id: f.ref(ScalarTypeEnum.ID()),
		priority: f.ref(Priority),
		title: f.string(),
		dueAt: f.ref(ScalarTypeEnum.DateTime()).optional().nullable(),
	},
});

const scalar = (name: string) => type('string').configure({ 'x-charter-scalar': name } as never);
const named = <T extends { configure: (meta: never) => T }>(
	t: T,
	title: string,
	description?: string,
) => t.configure({ title, ...(description ? { description } : {}) } as never);

const ArkPriority = named(
	type("'LOW' | 'NORMAL' | 'HIGH'"),
	'TaskPriority',
	'How urgent a task is.',
);
const ArkAssignee = named(type({ id: scalar('ID'), name: 'string >= 1' }), 'TaskAssignee');
const ArkCreateTaskInput = named(
	type({
		assigneeIds: scalar('ID').array(),
		'dueAt?': scalar('DateTime').or('null'),
		'note?': type('string <= 4000').describe('Free text for the assignees.'),
		priority: ArkPriority,
		title: '1 <= string <= 200',
	}),
	'CreateTaskInput',
);
const ArkTask = named(
	type({
		assignees: ArkAssignee.array(),
		createdAt: scalar('DateTime'),
		'dueAt?': scalar('DateTime').or('null'),
		id: scalar('ID'),
		priority: ArkPriority,
		title: 'string',
	}),
	'Task',
);

const contract = (io: { input: unknown; output: unknown }) =>
	defineCommand({
		meta: {
			key: 'tasks.task.create',
			version: '1.0.0',
			owners: ['@tasks'],
			description: 'Create a task.',
		},
		io: io as never,
		policy: { auth: 'anonymous' },
	});

describe('an ArkType copy of a native contract', () => {
	const native = contract({ input: CreateTaskInput, output: Task });
	const copy = contract({ input: ArkCreateTaskInput, output: ArkTask });
	const expected = surfaces([native]);
	const actual = surfaces([copy]);

	it('is converted at definition time into the native IR', () => {
		expect(copy.io.input).toEqual(native.io.input);
		expect(copy.io.output).toEqual(native.io.output);
	});

	it('gives the same OpenAPI document, GraphQL SDL, MCP tool schemas, docs and snapshot', () => {
		expect(actual.openapi).toEqual(expected.openapi);
		expect(actual.sdl).toBe(expected.sdl);
		expect(actual.mcp).toEqual(expected.mcp);
		expect(actual.docs).toEqual(expected.docs);
		expect(actual.snapshot).toEqual(expected.snapshot);
	});

	it('orders fields required first, then optional, each alphabetically (ArkType sorts keys)', () => {
		const written = type({ 'b?': 'string', title: 'string', 'a?': 'string', id: scalar('ID') });
		const node = contract({ input: written.configure({ title: 'T' } as never), output: ArkTask }).io
			.input as { fields: object };
		expect(Object.keys(node.fields)).toEqual(['id', 'title', 'a', 'b']);
	});
});
