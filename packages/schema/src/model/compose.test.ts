import { describe, expect, it } from 'vitest';
import { SchemaDefinitionError } from '../errors.ts';
import { toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { compileValidator } from '../validate/compile-validator.ts';
import { defineUnion, listOf, literal, recordOf } from './compose.ts';
import { defineSchemaModel } from './define-schema-model.ts';

const Card = defineSchemaModel({
	name: 'Card',
	fields: {
		method: { type: literal('card'), isOptional: false },
		last4: { type: ScalarTypeEnum.String({ pattern: '^[0-9]{4}$' }), isOptional: false },
	},
});
const Transfer = defineSchemaModel({
	name: 'Transfer',
	fields: {
		method: { type: literal('transfer'), isOptional: false },
		iban: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
	},
});

describe('listOf', () => {
	it('emits an array with bounds and validates each item', () => {
		const tags = listOf(ScalarTypeEnum.NonEmptyString(), { minItems: 1, maxItems: 2 });
		expect(toJsonSchema(tags)).toEqual({
			$schema: 'https://json-schema.org/draft/2020-12/schema',
			type: 'array',
			items: { type: 'string', minLength: 1 },
			minItems: 1,
			maxItems: 2,
		});
		const check = compileValidator(tags);
		expect(check.is(['a'])).toBe(true);
		expect(check.validate([])).toMatchObject({
			ok: false,
			issues: [{ path: '', code: 'minItems' }],
		});
		expect(check.validate(['a', 'b', 'c'])).toMatchObject({
			ok: false,
			issues: [{ code: 'maxItems' }],
		});
		expect(check.validate(['a', ''])).toMatchObject({
			ok: false,
			issues: [{ path: '/1', code: 'minLength' }],
		});
	});

	it('nests as a field list of lists with paths into both levels', () => {
		const Grid = defineSchemaModel({
			name: 'Grid',
			fields: {
				rows: {
					type: listOf(ScalarTypeEnum.Int(), { maxItems: 2 }),
					isOptional: false,
					isArray: true,
				},
			},
		});
		expect(compileValidator(Grid).validate({ rows: [[1, 2, 3], ['x']] })).toEqual({
			ok: false,
			issues: [
				{ path: '/rows/0', code: 'maxItems', message: 'must NOT have more than 2 items' },
				{ path: '/rows/1/0', code: 'type', message: 'must be an integer' },
			],
		});
	});

	it('refuses something that is not a type', () => {
		expect(() => listOf(undefined as never)).toThrow(SchemaDefinitionError);
	});
});

describe('recordOf', () => {
	const counts = recordOf(ScalarTypeEnum.Int());

	it('emits an object whose additional properties carry the value type', () => {
		expect(toJsonSchema(counts)).toEqual({
			$schema: 'https://json-schema.org/draft/2020-12/schema',
			type: 'object',
			additionalProperties: { type: 'integer' },
		});
	});

	it('keeps every key in strip mode (keys of a record are data, not unknown fields)', () => {
		expect(compileValidator(counts).validate({ a: 1, b: 2 })).toEqual({
			ok: true,
			value: { a: 1, b: 2 },
		});
	});

	it('validates every value, in both unknown-key modes', () => {
		for (const unknownKeys of ['strip', 'reject'] as const) {
			expect(compileValidator(counts, { unknownKeys }).validate({ a: 1, b: 'x' })).toEqual({
				ok: false,
				issues: [{ path: '/b', code: 'type', message: 'must be an integer' }],
			});
		}
	});

	it('holds models as values and strips their unknown keys', () => {
		const byId = recordOf(Card);
		const value = { x: { method: 'card', last4: '4242', extra: true } };
		expect(compileValidator(byId).validate(value)).toEqual({
			ok: true,
			value: { x: { method: 'card', last4: '4242' } },
		});
	});
});

describe('literal', () => {
	it.each([['card'], [3], [true], [null]] as const)('accepts exactly %j', (value) => {
		const check = compileValidator(literal(value));
		expect(toJsonSchema(literal(value))).toMatchObject({ const: value });
		expect(check.is(value)).toBe(true);
		expect(check.validate('other')).toEqual({
			ok: false,
			issues: [{ path: '', code: 'literal', message: `must be ${JSON.stringify(value)}` }],
		});
	});
});

describe('defineUnion', () => {
	describe('discriminated', () => {
		const Payment = defineUnion({
			name: 'Payment',
			discriminator: 'method',
			variants: [Card, Transfer],
		});

		it('emits oneOf with the discriminator and the variants in $defs', () => {
			const schema = toJsonSchema(Payment);
			expect(schema).toMatchObject({
				title: 'Payment',
				oneOf: [{ $ref: '#/$defs/Card' }, { $ref: '#/$defs/Transfer' }],
				discriminator: { propertyName: 'method' },
			});
			expect(Object.keys(schema.$defs as object)).toEqual(['Card', 'Transfer']);
		});

		it('accepts each variant and strips keys the chosen variant does not declare', () => {
			const check = compileValidator(Payment);
			expect(check.validate({ method: 'card', last4: '4242' }).ok).toBe(true);
			expect(check.validate({ method: 'transfer', iban: 'FR76', last4: '4242' })).toEqual({
				ok: true,
				value: { method: 'transfer', iban: 'FR76' },
			});
		});

		it("reports only the selected variant's issues", () => {
			expect(compileValidator(Payment).validate({ method: 'transfer' })).toEqual({
				ok: false,
				issues: [{ path: '/iban', code: 'required', message: 'is required' }],
			});
		});

		it('reports an unknown tag with the discriminator code', () => {
			const result = compileValidator(Payment).validate({ method: 'cash' });
			expect(result).toMatchObject({ ok: false, issues: [{ path: '', code: 'discriminator' }] });
		});

		it('refuses variants without a required literal tag', () => {
			const NoTag = defineSchemaModel({
				name: 'NoTag',
				fields: { method: { type: ScalarTypeEnum.String(), isOptional: false } },
			});
			expect(() =>
				defineUnion({ name: 'P', discriminator: 'method', variants: [Card, NoTag] }),
			).toThrow(
				'union P, variant 1: a discriminated union needs every variant to be a model with a required literal field "method"',
			);
		});

		it('refuses two variants with the same tag', () => {
			const Card2 = defineSchemaModel({
				name: 'Card2',
				fields: { method: { type: literal('card'), isOptional: false } },
			});
			expect(() => defineUnion({ discriminator: 'method', variants: [Card, Card2] })).toThrow(
				'discriminator value "card" is used by two variants',
			);
		});
	});

	describe('plain', () => {
		it('emits anyOf and accepts any matching variant', () => {
			const StringOrInt = defineUnion({
				variants: [ScalarTypeEnum.String(), ScalarTypeEnum.Int()],
			});
			expect(toJsonSchema(StringOrInt)).toEqual({
				$schema: 'https://json-schema.org/draft/2020-12/schema',
				anyOf: [{ type: 'string' }, { type: 'integer' }],
			});
			const check = compileValidator(StringOrInt);
			expect(check.is('a')).toBe(true);
			expect(check.is(1)).toBe(true);
			expect(check.validate(true)).toEqual({
				ok: false,
				issues: [
					{ path: '', code: 'type', message: 'must be a string' },
					{ path: '', code: 'type', message: 'must be an integer' },
				],
			});
		});

		it('accepts a value of the second model in strip mode (and strips its unknown keys)', () => {
			const Either = defineUnion({ name: 'Either', variants: [Card, Transfer] });
			const check = compileValidator(Either);
			expect(check.validate({ method: 'transfer', iban: 'FR76', note: 'x' })).toEqual({
				ok: true,
				value: { method: 'transfer', iban: 'FR76' },
			});
			expect(check.is({ method: 'card', last4: '4242' })).toBe(true);
			expect(check.validate({ method: 'card' }).ok).toBe(false);
		});

		it('strips inside models nested in a plain union of models', () => {
			const Wrapper = defineSchemaModel({
				name: 'Wrapper',
				fields: {
					payments: {
						type: defineUnion({ name: 'Either', variants: [Card, Transfer] }),
						isOptional: false,
						isArray: true,
					},
				},
			});
			expect(
				compileValidator(Wrapper).validate({
					payments: [
						{ method: 'transfer', iban: 'FR76', x: 1 },
						{ method: 'card', last4: '0000', y: 2 },
					],
					z: 3,
				}),
			).toEqual({
				ok: true,
				value: {
					payments: [
						{ method: 'transfer', iban: 'FR76' },
						{ method: 'card', last4: '0000' },
					],
				},
			});
		});

		it('rejects unknown keys of a plain union of models in reject mode', () => {
			const Either = defineUnion({ name: 'Either', variants: [Card, Transfer] });
			const check = compileValidator(Either, { unknownKeys: 'reject' });
			expect(check.is({ method: 'transfer', iban: 'FR76' })).toBe(true);
			expect(check.is({ method: 'transfer', iban: 'FR76', note: 'x' })).toBe(false);
		});

		it('needs at least two variants', () => {
			expect(() => defineUnion({ name: 'One', variants: [Card] })).toThrow(
				expect.objectContaining({ code: 'CHARTER_INVALID_UNION' }),
			);
		});

		it('names the variant that is not a type', () => {
			expect(() => defineUnion({ name: 'U', variants: [Card, undefined as never] })).toThrow(
				'union U, variant 1: unknown type: undefined (is an import missing?)',
			);
		});
	});
});
