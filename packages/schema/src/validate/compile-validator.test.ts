import { describe, expect, it } from 'vitest';
import { defineUnion, literal } from '../model/compose.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { compileValidator, toIssues } from './compile-validator.ts';

const Item = defineSchemaModel({
	name: 'Item',
	fields: {
		sku: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
		quantity: { type: ScalarTypeEnum.Int({ minimum: 1 }), isOptional: true, default: 1 },
	},
});
const Order = defineSchemaModel({
	name: 'Order',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		currency: { type: ScalarTypeEnum.Currency(), isOptional: true, default: 'EUR' },
		items: { type: Item, isOptional: false, isArray: true },
	},
});

describe('compileValidator', () => {
	describe('unknown keys', () => {
		it('strips undeclared keys by default, at every level, from the value itself', () => {
			const value = { id: 'o1', items: [{ sku: 'a', color: 'red' }], coupon: 'X' };
			const result = compileValidator(Order).validate(value);
			expect(result).toEqual({
				ok: true,
				value: { id: 'o1', currency: 'EUR', items: [{ sku: 'a', quantity: 1 }] },
			});
			expect(value).not.toHaveProperty('coupon');
		});

		it('reports each undeclared key as unknown_key in reject mode', () => {
			const result = compileValidator(Order, { unknownKeys: 'reject' }).validate({
				id: 'o1',
				items: [{ sku: 'a', color: 'red' }],
				coupon: 'X',
			});
			expect(result).toEqual({
				ok: false,
				issues: [
					{ path: '/coupon', code: 'unknown_key', message: 'is not a declared field' },
					{ path: '/items/0/color', code: 'unknown_key', message: 'is not a declared field' },
				],
			});
		});

		it('does not let one mode leak into the other (shared Ajv instances)', () => {
			const strict = compileValidator(Item, { unknownKeys: 'reject' });
			const loose = compileValidator(Item);
			expect(loose.is({ sku: 'a', x: 1 })).toBe(true);
			expect(strict.is({ sku: 'a', x: 1 })).toBe(false);
		});
	});

	describe('defaults', () => {
		it('fills declared defaults in both modes and keeps given values', () => {
			for (const unknownKeys of ['strip', 'reject'] as const) {
				const check = compileValidator(Order, { unknownKeys });
				expect(
					check.validate({
						id: 'o1',
						currency: 'USD',
						items: [{ sku: 'a' }, { sku: 'b', quantity: 3 }],
					}),
				).toEqual({
					ok: true,
					value: {
						id: 'o1',
						currency: 'USD',
						items: [
							{ sku: 'a', quantity: 1 },
							{ sku: 'b', quantity: 3 },
						],
					},
				});
			}
		});
	});

	describe('issues', () => {
		it('collects every issue with a JSON pointer, a code and a message', () => {
			const result = compileValidator(Order).validate({
				currency: 'euro',
				items: [{ quantity: 0 }, 'x'],
			});
			expect(result).toEqual({
				ok: false,
				issues: [
					{ path: '/id', code: 'required', message: 'is required' },
					{ path: '/currency', code: 'pattern', message: 'must match pattern "^[A-Z]{3}$"' },
					{ path: '/items/0/sku', code: 'required', message: 'is required' },
					{ path: '/items/0/quantity', code: 'minimum', message: 'must be >= 1' },
					{ path: '/items/1', code: 'type', message: 'must be an object' },
				],
			});
		});

		it('reports the root value itself with an empty path', () => {
			expect(compileValidator(Order).validate([])).toEqual({
				ok: false,
				issues: [{ path: '', code: 'type', message: 'must be an object' }],
			});
		});

		it('reports a format failure with the format code', () => {
			const Event = defineSchemaModel({
				name: 'Ev',
				fields: { at: { type: ScalarTypeEnum.DateTime(), isOptional: false } },
			});
			expect(compileValidator(Event).validate({ at: '2026-01-31 12:00' })).toEqual({
				ok: false,
				issues: [{ path: '/at', code: 'format', message: 'must be a valid date-time' }],
			});
		});

		it('never repeats an issue and drops union wrappers explained by a deeper issue', () => {
			const A = defineSchemaModel({
				name: 'A',
				fields: {
					t: { type: literal('a'), isOptional: false },
					n: { type: ScalarTypeEnum.Int(), isOptional: false },
				},
			});
			const B = defineSchemaModel({
				name: 'B',
				fields: {
					t: { type: literal('b'), isOptional: false },
					n: { type: ScalarTypeEnum.Int(), isOptional: false },
				},
			});
			const result = compileValidator(defineUnion({ variants: [A, B] }), {
				unknownKeys: 'reject',
			}).validate({ t: 'a', n: 'x' });
			expect(result.ok).toBe(false);
			if (result.ok) return;
			const ids = result.issues.map((i) => `${i.path} ${i.code} ${i.message}`);
			expect(new Set(ids).size).toBe(ids.length);
			expect(result.issues.some((i) => i.code === 'anyOf')).toBe(false);
			expect(result.issues).toContainEqual({
				path: '/n',
				code: 'type',
				message: 'must be an integer',
			});
		});

		it('keeps a union wrapper when nothing deeper explains it', () => {
			expect(
				toIssues([
					{
						keyword: 'anyOf',
						instancePath: '/x',
						schemaPath: '#/anyOf',
						params: {},
						message: 'must match a schema in anyOf',
					},
				]),
			).toEqual([{ path: '/x', code: 'anyOf', message: 'must match a schema in anyOf' }]);
		});

		it('says "must be null" for the null branch of a nullable type', () => {
			const Holder = defineSchemaModel({
				name: 'H',
				fields: { at: { type: literal('x'), isOptional: false, isNullable: true } },
			});
			const result = compileValidator(Holder).validate({ at: 'y' });
			expect(result).toEqual({
				ok: false,
				issues: [
					{ path: '/at', code: 'literal', message: 'must be "x"' },
					{ path: '/at', code: 'type', message: 'must be null' },
				],
			});
		});
	});

	describe('is', () => {
		it('agrees with validate without building issues', () => {
			const check = compileValidator(Item);
			expect(check.is({ sku: 'a' })).toBe(true);
			expect(check.is({ sku: '' })).toBe(false);
			expect(check.is(null)).toBe(false);
		});
	});

	it('exposes the JSON Schema it enforces', () => {
		const check = compileValidator(Item);
		expect(check.schema).toMatchObject({ type: 'object', title: 'Item', required: ['sku'] });
	});
});

describe('compileValidator caching', () => {
	it('compiles once per node and unknown-keys mode, so many executors share validators', () => {
		const model = defineSchemaModel({
			name: 'Cached',
			fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
		});
		const first = compileValidator(model);
		expect(compileValidator(model)).toBe(first);
		expect(compileValidator(model, { unknownKeys: 'reject' })).not.toBe(first);
		expect(compileValidator(model, { unknownKeys: 'reject' }).validate({ id: 'a', x: 1 }).ok).toBe(
			false,
		);
		expect(first.validate({ id: 'a', x: 1 })).toEqual({ ok: true, value: { id: 'a' } });
	});
});
