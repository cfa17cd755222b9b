import { describe, expect, it } from 'vitest';
import { jsonSchemaToNode } from './json-schema-to-node.ts';
import { isStandardSchema } from './standard-schema.ts';

/* The shapes Valibot and ArkType give for named types written inline (no `$defs`). */

const Status = {
	anyOf: [
		{ const: 'OPEN', description: 'Being worked on.' },
		{ const: 'DONE', description: 'Finished.' },
	],
	title: 'Status',
	description: 'Where a task is.',
};
const statusNode = {
	kind: 'enum',
	name: 'Status',
	description: 'Where a task is.',
	values: ['OPEN', 'DONE'],
	valueInfo: { OPEN: { description: 'Being worked on.' }, DONE: { description: 'Finished.' } },
};

const model = (properties: Record<string, unknown>, required: string[] = []) =>
	jsonSchemaToNode({ type: 'object', title: 'Task', properties, required }) as {
		fields: Record<string, unknown>;
	};

describe('a named type written inline as a field', () => {
	it("keeps its description on the type, not the field's (Valibot's v.title)", () => {
		expect(model({ status: Status }, ['status']).fields.status).toEqual({
			type: statusNode,
			isOptional: false,
		});
	});

	it("keeps its description when nullable, and the wrapper's description is the field's", () => {
		const field = { anyOf: [Status, { type: 'null' }], description: 'Last known status.' };
		expect(model({ status: field }).fields.status).toEqual({
			type: statusNode,
			isOptional: true,
			isNullable: true,
			description: 'Last known status.',
		});
	});

	it('keeps its description as items of a list', () => {
		const item = { type: 'object', title: 'Step', description: 'One step.', properties: {} };
		const field = { type: 'array', items: item, description: 'The steps, in order.' };
		expect(model({ steps: field }, ['steps']).fields.steps).toEqual({
			type: { kind: 'model', name: 'Step', description: 'One step.', fields: {} },
			isOptional: false,
			isArray: true,
			description: 'The steps, in order.',
		});
	});
});

describe('an enum whose annotations were copied onto each value (ArkType)', () => {
	it('is an enum with its own description and no value descriptions', () => {
		const copied = { title: 'Level', description: 'How urgent.' };
		const node = jsonSchemaToNode({
			anyOf: [
				{ const: 'HIGH', ...copied },
				{ const: 'LOW', ...copied },
			],
			...copied,
		});
		expect(node).toEqual({
			kind: 'enum',
			name: 'Level',
			description: 'How urgent.',
			values: ['HIGH', 'LOW'],
		});
	});

	it('is not an enum when a value carries another title', () => {
		const node = jsonSchemaToNode({
			anyOf: [
				{ const: 'HIGH', title: 'Other' },
				{ const: 'LOW', title: 'Level' },
			],
			title: 'Level',
		});
		expect(node.kind).toBe('json-schema');
	});
});

describe('isStandardSchema', () => {
	it('accepts a function carrying ~standard (an ArkType type is callable)', () => {
		const callable = Object.assign(() => true, { '~standard': { version: 1, vendor: 'x' } });
		expect(isStandardSchema(callable)).toBe(true);
		expect(isStandardSchema(() => true)).toBe(false);
		expect(isStandardSchema(null)).toBe(false);
	});
});
