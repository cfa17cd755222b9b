import { describe, expect, it } from 'vitest';
import { SchemaDefinitionError } from '../errors.ts';
import { defineUnion, literal } from '../model/compose.ts';
import { defineEnum } from '../model/define-enum.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { createJsonSchemaEmitter, toJsonSchema } from './json-schema-emitter.ts';

const Status = defineEnum('Status', ['ON', 'OFF']);
const Step = defineSchemaModel({
	name: 'Step',
	fields: { status: { type: Status, isOptional: false } },
});

describe('createJsonSchemaEmitter', () => {
	it('collects named types once, sorted by name, under the ref prefix', () => {
		const emitter = createJsonSchemaEmitter({ refPrefix: '#/components/schemas/' });
		expect(emitter.emit(Step)).toEqual({ $ref: '#/components/schemas/Step' });
		expect(emitter.emit(Step)).toEqual({ $ref: '#/components/schemas/Step' });
		expect(Object.keys(emitter.definitions())).toEqual(['Status', 'Step']);
		expect(emitter.definitions().Step).toMatchObject({
			properties: { status: { $ref: '#/components/schemas/Status' } },
		});
	});

	it('emits a field with list, nullability and annotations', () => {
		const emitter = createJsonSchemaEmitter();
		expect(
			emitter.emitField({
				type: ScalarTypeEnum.Int(),
				isOptional: true,
				isArray: true,
				isNullable: true,
				description: 'n',
			}),
		).toEqual({ type: ['array', 'null'], items: { type: 'integer' }, description: 'n' });
	});

	it('throws CHARTER_TYPE_NAME_CONFLICT when two different models share a name', () => {
		const A = defineSchemaModel({
			name: 'Dup',
			fields: { a: { type: ScalarTypeEnum.String(), isOptional: false } },
		});
		const B = defineSchemaModel({
			name: 'Dup',
			fields: { b: { type: ScalarTypeEnum.String(), isOptional: false } },
		});
		const Parent = defineSchemaModel({
			name: 'Parent',
			fields: { a: { type: A, isOptional: false }, b: { type: B, isOptional: false } },
		});
		expect(() => toJsonSchema(Parent)).toThrow(SchemaDefinitionError);
		expect(() => toJsonSchema(Parent)).toThrow(
			expect.objectContaining({
				code: 'CHARTER_TYPE_NAME_CONFLICT',
				message: 'type Dup: two different types share this name; rename one of them',
			}),
		);
	});

	it('accepts the same model twice, and two equal definitions under one name', () => {
		const again = defineSchemaModel({
			name: 'Step',
			fields: { status: { type: Status, isOptional: false } },
		});
		const Parent = defineSchemaModel({
			name: 'Parent',
			fields: { a: { type: Step, isOptional: false }, b: { type: again, isOptional: false } },
		});
		expect(Object.keys(toJsonSchema(Parent).$defs as object)).toEqual(['Status', 'Step']);
	});

	it('detects a conflict between an enum and a model of the same name', () => {
		const StepEnum = defineEnum('Step', ['A']);
		const Parent = defineSchemaModel({
			name: 'Parent',
			fields: { a: { type: Step, isOptional: false }, b: { type: StepEnum, isOptional: false } },
		});
		expect(() => toJsonSchema(Parent)).toThrow(
			expect.objectContaining({ code: 'CHARTER_TYPE_NAME_CONFLICT' }),
		);
	});
});

describe('toJsonSchema', () => {
	it('inlines the root type and leaves it out of $defs', () => {
		const schema = toJsonSchema(Step);
		expect(schema.title).toBe('Step');
		expect(Object.keys(schema.$defs as object)).toEqual(['Status']);
	});

	it('gives identical output for identical input (deterministic)', () => {
		const Payment = defineUnion({
			name: 'Payment',
			discriminator: 'kind',
			variants: [
				defineSchemaModel({
					name: 'Z',
					fields: { kind: { type: literal('z'), isOptional: false } },
				}),
				defineSchemaModel({
					name: 'A',
					fields: { kind: { type: literal('a'), isOptional: false } },
				}),
			],
		});
		const first = JSON.stringify(toJsonSchema(Payment));
		expect(JSON.stringify(toJsonSchema(Payment))).toBe(first);
		expect(Object.keys(toJsonSchema(Payment).$defs as object)).toEqual(['A', 'Z']);
	});
});

describe('patterns', () => {
	it('are emitted as validators compile them (u flag); one that cannot compile is a definition error', () => {
		const kept = {
			kind: 'scalar',
			name: 'String',
			constraints: { pattern: '^[a-z\\:]+$' },
		} as const;
		expect(toJsonSchema(kept)).toMatchObject({ pattern: '^[a-z:]+$' });
		const broken = { kind: 'scalar', name: 'String', constraints: { pattern: '(?<=a' } } as const;
		expect(() => toJsonSchema(broken)).toThrow(/CHARTER_INVALID_PATTERN|not a regular expression/);
	});
});

describe('scale', () => {
	it('emits a type that reuses another at every level once per name (2^40 paths, 41 definitions)', () => {
		let node: ReturnType<typeof defineSchemaModel> = defineSchemaModel({
			name: 'Leaf',
			fields: { a: { type: ScalarTypeEnum.String(), isOptional: false } },
		});
		for (let i = 0; i < 40; i++) {
			node = defineSchemaModel({
				name: `Level${i}`,
				fields: {
					left: { type: node, isOptional: false },
					right: { type: node, isOptional: true },
				},
			});
		}
		const schema = toJsonSchema(node);
		expect(Object.keys(schema.$defs as object)).toHaveLength(40);
		expect(JSON.stringify(schema).length).toBeLessThan(20_000);
	});
});
