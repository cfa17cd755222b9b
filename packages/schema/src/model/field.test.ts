import { describe, expect, expectTypeOf, it } from 'vitest';
import { SchemaDefinitionError } from '../errors.ts';
import type { Infer } from '../ir/infer.ts';
import { toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { defineEnum } from './define-enum.ts';
import { defineSchemaModel, type FieldDefinition } from './define-schema-model.ts';
import { f } from './field.ts';

const Status = defineEnum('Status', ['RUNNING', 'PAUSED']);
const Step = defineSchemaModel({ name: 'Step', fields: { name: f.nonEmptyString() } });

const seedForm = defineSchemaModel({
	name: 'Instance',
	description: 'A workflow instance.',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		reason: { type: ScalarTypeEnum.String_unsecure({ maxLength: 500 }), isOptional: true },
		status: { type: Status, isOptional: false, description: 'Where it is.' },
		steps: { type: Step, isOptional: false, isArray: true },
		note: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
		priority: { type: ScalarTypeEnum.Int({ minimum: 0 }), isOptional: true, default: 3 },
		legacy: { type: ScalarTypeEnum.String(), isOptional: true, deprecated: 'use reason' },
		amount: { type: ScalarTypeEnum.Decimal(), isOptional: false, examples: ['12.50'] },
	},
});

const shortForm = defineSchemaModel({
	name: 'Instance',
	description: 'A workflow instance.',
	fields: {
		id: f.id(),
		reason: f.string({ maxLength: 500 }).optional(),
		status: f.ref(Status).describe('Where it is.'),
		steps: f.ref(Step).array(),
		note: f.string().optional().nullable(),
		priority: f.int({ minimum: 0 }).withDefault(3),
		legacy: f.string().optional().deprecate('use reason'),
		amount: f.decimal().example('12.50'),
	},
});

describe('the short field syntax', () => {
	it('gives the same IR as the seed form, so docs, diff and generators see no difference', () => {
		expect(shortForm).toEqual(seedForm);
		expect(JSON.stringify(shortForm)).toBe(JSON.stringify(seedForm));
		expect(toJsonSchema(shortForm)).toEqual(toJsonSchema(seedForm));
	});

	it('infers the same TypeScript type as the seed form', () => {
		expectTypeOf<Infer<typeof shortForm>>().toEqualTypeOf<Infer<typeof seedForm>>();
		expectTypeOf<Infer<typeof shortForm>>().toEqualTypeOf<{
			id: string;
			status: 'RUNNING' | 'PAUSED';
			steps: { name: string }[];
			amount: string;
			reason?: string;
			note?: string | null;
			priority?: number;
			legacy?: string;
		}>();
	});

	it('is required by default, and each modifier returns a new frozen field', () => {
		const name = f.string();
		const optional = name.optional();
		expect(name.isOptional).toBe(false);
		expect(optional.isOptional).toBe(true);
		expect(optional).not.toBe(name);
		expect(Object.isFrozen(name)).toBe(true);
		expect(Object.isFrozen(optional)).toBe(true);
	});

	it('has only the seed form’s properties of its own, so it is a field definition', () => {
		const field = f.ref(Step).array().optional().describe('Steps.');
		expect(Object.keys(field).sort()).toEqual(['description', 'isArray', 'isOptional', 'type']);
		expectTypeOf(field).toMatchTypeOf<FieldDefinition>();
	});

	it('takes a Standard Schema such as Zod through f.ref', async () => {
		const { z } = await import('zod');
		const model = defineSchemaModel({
			name: 'WithZod',
			fields: { qty: f.ref(z.number().int()).optional() },
		});
		expect(model.fields.qty?.isOptional).toBe(true);
		expect(model.fields.qty?.type.kind).toBeDefined();
	});

	it('names the mistake when a factory is not called', () => {
		let error: unknown;
		try {
			// @ts-expect-error: f.string is a factory, not a field
			defineSchemaModel({ name: 'Typo', fields: { name: f.string } });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(SchemaDefinitionError);
		expect(String((error as Error).message)).toContain('call it, as in f.string()');
	});
});
