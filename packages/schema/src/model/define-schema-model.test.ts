import { describe, expect, it } from 'vitest';
import { SchemaDefinitionError } from '../errors.ts';
import { toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { compileValidator } from '../validate/compile-validator.ts';
import { defineEnum } from './define-enum.ts';
import { defineSchemaModel } from './define-schema-model.ts';

const Step = defineSchemaModel({
	name: 'Step',
	fields: { name: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false } },
});

function definitionError(define: () => unknown): SchemaDefinitionError {
	try {
		define();
	} catch (error) {
		expect(error).toBeInstanceOf(SchemaDefinitionError);
		return error as SchemaDefinitionError;
	}
	throw new Error('expected a SchemaDefinitionError, nothing was thrown');
}

describe('defineSchemaModel', () => {
	it('makes a frozen model node with normalized fields', () => {
		const model = defineSchemaModel({
			name: 'PauseResumeInput',
			description: 'Pause or resume.',
			fields: {
				instanceId: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
				reason: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
			},
		});
		expect(model).toEqual({
			kind: 'model',
			name: 'PauseResumeInput',
			description: 'Pause or resume.',
			fields: {
				instanceId: { type: { kind: 'scalar', name: 'String' }, isOptional: false },
				reason: { type: { kind: 'scalar', name: 'String' }, isOptional: true },
			},
		});
		expect(Object.isFrozen(model)).toBe(true);
		expect(Object.isFrozen(model.fields)).toBe(true);
		expect(Object.isFrozen(model.fields.reason)).toBe(true);
	});

	it('is plain JSON: serializing and parsing gives the same node', () => {
		expect(JSON.parse(JSON.stringify(Step))).toEqual(Step);
	});

	it('emits a closed object with required fields and annotations', () => {
		const model = defineSchemaModel({
			name: 'Doc',
			fields: {
				title: {
					type: ScalarTypeEnum.String(),
					isOptional: false,
					description: 'Title.',
					examples: ['Hello'],
				},
				legacy: { type: ScalarTypeEnum.String(), isOptional: true, deprecated: 'use title' },
				size: { type: ScalarTypeEnum.Int(), isOptional: true, default: 10 },
			},
		});
		expect(toJsonSchema(model)).toMatchInlineSnapshot(`
			{
			  "$schema": "https://json-schema.org/draft/2020-12/schema",
			  "additionalProperties": false,
			  "properties": {
			    "legacy": {
			      "deprecated": true,
			      "type": "string",
			    },
			    "size": {
			      "default": 10,
			      "type": "integer",
			    },
			    "title": {
			      "description": "Title.",
			      "examples": [
			        "Hello",
			      ],
			      "type": "string",
			    },
			  },
			  "required": [
			    "title",
			  ],
			  "title": "Doc",
			  "type": "object",
			}
		`);
	});

	describe('nesting', () => {
		it('puts named models in $defs and refers to them', () => {
			const Workflow = defineSchemaModel({
				name: 'Workflow',
				fields: {
					first: { type: Step, isOptional: false },
					steps: { type: Step, isOptional: false, isArray: true },
				},
			});
			const schema = toJsonSchema(Workflow);
			expect(schema.properties).toEqual({
				first: { $ref: '#/$defs/Step' },
				steps: { type: 'array', items: { $ref: '#/$defs/Step' } },
			});
			expect(schema.$defs).toEqual({
				Step: {
					type: 'object',
					title: 'Step',
					properties: { name: { type: 'string', minLength: 1 } },
					required: ['name'],
					additionalProperties: false,
				},
			});
		});

		it('reports nested issues with JSON-pointer paths', () => {
			const Workflow = defineSchemaModel({
				name: 'Workflow',
				fields: { steps: { type: Step, isOptional: false, isArray: true } },
			});
			const check = compileValidator(Workflow);
			expect(check.validate({ steps: [{ name: '' }, {}, { name: 'ok' }, 'x'] })).toEqual({
				ok: false,
				issues: [
					{
						path: '/steps/0/name',
						code: 'minLength',
						message: 'must NOT have fewer than 1 characters',
					},
					{ path: '/steps/1/name', code: 'required', message: 'is required' },
					{ path: '/steps/3', code: 'type', message: 'must be an object' },
				],
			});
		});

		it('escapes "/" and "~" in pointer segments', () => {
			const Odd = defineSchemaModel({
				name: 'Odd',
				fields: { 'a/b~c': { type: ScalarTypeEnum.Int(), isOptional: false } },
			});
			expect(compileValidator(Odd).validate({})).toMatchObject({
				ok: false,
				issues: [{ path: '/a~1b~0c', code: 'required' }],
			});
		});

		it('serves a self-referencing set of models through $defs', () => {
			const Leaf = defineSchemaModel({
				name: 'Leaf',
				fields: { value: { type: ScalarTypeEnum.Int(), isOptional: false } },
			});
			const Tree = defineSchemaModel({
				name: 'Tree',
				fields: {
					left: { type: Leaf, isOptional: false },
					right: { type: Leaf, isOptional: false },
				},
			});
			const schema = toJsonSchema(Tree);
			expect(Object.keys(schema.$defs as object)).toEqual(['Leaf']);
			expect(compileValidator(Tree).is({ left: { value: 1 }, right: { value: 2 } })).toBe(true);
		});
	});

	describe('optional vs nullable', () => {
		const Row = defineSchemaModel({
			name: 'Row',
			fields: {
				required: { type: ScalarTypeEnum.String(), isOptional: false },
				optional: { type: ScalarTypeEnum.String(), isOptional: true },
				nullable: { type: ScalarTypeEnum.String(), isOptional: false, isNullable: true },
				both: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
			},
		});
		const check = compileValidator(Row);
		const full = { required: 'a', optional: 'b', nullable: 'c', both: 'd' };
		const without = (key: string) =>
			Object.fromEntries(Object.entries(full).filter(([k]) => k !== key));

		it.each([
			['required', false, false],
			['optional', true, false],
			['nullable', false, true],
			['both', true, true],
		] as const)('field %s: absent accepted=%s, null accepted=%s', (field, absentOk, nullOk) => {
			const absent = check.validate(without(field));
			expect(absent.ok).toBe(absentOk);
			if (!absent.ok)
				expect(absent.issues).toEqual([
					{ path: `/${field}`, code: 'required', message: 'is required' },
				]);
			const nulled = check.validate({ ...full, [field]: null });
			expect(nulled.ok).toBe(nullOk);
			if (!nulled.ok)
				expect(nulled.issues).toEqual([
					{ path: `/${field}`, code: 'type', message: 'must be a string' },
				]);
		});

		it('emits nullability as a type list and optionality through `required`', () => {
			const schema = toJsonSchema(Row);
			expect(schema.required).toEqual(['required', 'nullable']);
			expect(schema.properties).toMatchObject({
				optional: { type: 'string' },
				nullable: { type: ['string', 'null'] },
				both: { type: ['string', 'null'] },
			});
		});

		it('wraps a nullable named type in anyOf with null', () => {
			const Status = defineEnum('Status', ['ON', 'OFF']);
			const Holder = defineSchemaModel({
				name: 'Holder',
				fields: {
					status: { type: Status, isOptional: false, isNullable: true },
					step: { type: Step, isOptional: false, isNullable: true },
				},
			});
			expect(toJsonSchema(Holder).properties).toEqual({
				status: { anyOf: [{ $ref: '#/$defs/Status' }, { type: 'null' }] },
				step: { anyOf: [{ $ref: '#/$defs/Step' }, { type: 'null' }] },
			});
			const check = compileValidator(Holder);
			expect(check.is({ status: null, step: null })).toBe(true);
			expect(check.is({ status: 'ON', step: { name: 'x' } })).toBe(true);
			const bad = check.validate({ status: 'MAYBE', step: null });
			expect(bad.ok).toBe(false);
			if (!bad.ok) {
				expect(bad.issues.every((i) => i.path === '/status')).toBe(true);
				expect(bad.issues.map((i) => i.message)).toContain('must be one of "ON", "OFF"');
			}
		});

		it('allows null for a whole nullable list but not for its items', () => {
			const Tags = defineSchemaModel({
				name: 'Tags',
				fields: {
					tags: {
						type: ScalarTypeEnum.String(),
						isOptional: false,
						isArray: true,
						isNullable: true,
					},
				},
			});
			const check = compileValidator(Tags);
			expect(check.is({ tags: null })).toBe(true);
			expect(check.is({ tags: ['a'] })).toBe(true);
			expect(check.validate({ tags: ['a', null] })).toMatchObject({
				ok: false,
				issues: [{ path: '/tags/1', code: 'type' }],
			});
		});
	});

	describe('definition errors', () => {
		it.each([['bad name'], [''], ['1Model'], [undefined]])('rejects the model name %j', (name) => {
			const error = definitionError(() => defineSchemaModel({ name: name as string, fields: {} }));
			expect(error.code).toBe('CHARTER_INVALID_TYPE_NAME');
			expect(error.message).toContain(`model ${JSON.stringify(name)}`);
		});

		it('rejects fields that are not an object', () => {
			const error = definitionError(() =>
				defineSchemaModel({ name: 'NoFields', fields: null as never }),
			);
			expect(error.code).toBe('CHARTER_INVALID_FIELDS');
			expect(error.where).toBe('model NoFields');
		});

		it('rejects a field without isOptional, naming the model and field', () => {
			const error = definitionError(() =>
				defineSchemaModel({
					name: 'Pause',
					fields: { reason: { type: ScalarTypeEnum.String() } as never },
				}),
			);
			expect(error.code).toBe('CHARTER_INVALID_FIELD');
			expect(error.message).toBe('model Pause, field reason: `isOptional` must be true or false');
		});

		it('rejects an undefined type (a missing import), naming the model and field', () => {
			const missingImport = undefined;
			const error = definitionError(() =>
				defineSchemaModel({
					name: 'Pause',
					fields: { status: { type: missingImport as never, isOptional: false } },
				}),
			);
			expect(error.code).toBe('CHARTER_UNKNOWN_TYPE');
			expect(error.where).toBe('model Pause, field status');
			expect(error.message).toContain('is an import missing?');
		});

		it('rejects a type given as a string', () => {
			const error = definitionError(() =>
				defineSchemaModel({
					name: 'Pause',
					fields: { status: { type: 'String' as never, isOptional: false } },
				}),
			);
			expect(error.code).toBe('CHARTER_UNKNOWN_TYPE');
			expect(error.message).toBe('model Pause, field status: unknown type: "String"');
		});

		it('rejects a field that is not an object', () => {
			const error = definitionError(() =>
				defineSchemaModel({ name: 'Pause', fields: { id: ScalarTypeEnum.ID() as never } }),
			);
			expect(error.code).toBe('CHARTER_INVALID_FIELD');
			expect(error.where).toBe('model Pause, field id');
		});
	});
});
