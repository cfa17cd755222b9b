import {
	compileValidator,
	defineEnum,
	defineSchemaModel,
	defineUnion,
	fromStandardSchema,
	listOf,
	literal,
	recordOf,
	ScalarTypeEnum as S,
	type TypeNode,
} from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateExample } from '../src/check/example-validator.ts';

const Status = defineEnum('VStatus', ['OPEN', 'CLOSED']);
const Card = defineSchemaModel({
	name: 'VCard',
	fields: {
		m: { type: literal('card'), isOptional: false },
		last4: { type: S.String({ pattern: '^[0-9]{4}$' }), isOptional: false },
	},
});
const Bank = defineSchemaModel({
	name: 'VBank',
	fields: {
		m: { type: literal('bank'), isOptional: false },
		iban: { type: S.String(), isOptional: false },
	},
});
const Model = defineSchemaModel({
	name: 'VModel',
	fields: {
		id: { type: S.UUID(), isOptional: false },
		n: { type: S.Int({ minimum: 1, maximum: 10 }), isOptional: true },
		f: { type: S.Float({ exclusiveMaximum: 1, multipleOf: 0.25 }), isOptional: true },
		s: { type: S.String({ minLength: 2, maxLength: 3 }), isOptional: true, isNullable: true },
		tags: { type: S.String(), isArray: true, isOptional: true },
		when: { type: S.DateTime(), isOptional: true },
		day: { type: S.Date(), isOptional: true },
		at: { type: S.Time(), isOptional: true },
		mail: { type: S.EmailAddress(), isOptional: true },
		status: { type: Status, isOptional: true },
		pay: {
			type: defineUnion({ name: 'VPay', discriminator: 'm', variants: [Card, Bank] }),
			isOptional: true,
		},
		either: { type: defineUnion({ variants: [S.Int(), S.Boolean()] }), isOptional: true },
		map: { type: recordOf(S.Int()), isOptional: true },
		list: { type: listOf(S.String(), { minItems: 1, maxItems: 2 }), isOptional: true },
		any: { type: S.JSON(), isOptional: true },
		zod: { type: fromStandardSchema(z.object({ a: z.number().int() })), isOptional: true },
	},
});

const id = '123e4567-e89b-12d3-a456-426614174000';
const VALUES: readonly unknown[] = [
	{ id },
	{},
	{ id: 'nope' },
	{ id, n: 0 },
	{ id, n: 10 },
	{ id, n: 1.5 },
	{ id, f: 0.5 },
	{ id, f: 1 },
	{ id, f: 0.3 },
	{ id, s: null },
	{ id, s: 'a' },
	{ id, s: '🙂🙂' },
	{ id, s: 'abcd' },
	{ id, tags: ['a', 'b'] },
	{ id, tags: 'a' },
	{ id, tags: [1] },
	{ id, tags: null },
	{ id, when: '2026-01-31T12:00:00Z' },
	{ id, when: '2026-01-31' },
	{ id, day: '2026-02-30' },
	{ id, day: '2026-02-28' },
	{ id, at: '12:30' },
	{ id, at: '25:00' },
	{ id, mail: 'a@b.co' },
	{ id, mail: 'not-mail' },
	{ id, status: 'OPEN' },
	{ id, status: 'open' },
	{ id, pay: { m: 'card', last4: '1234' } },
	{ id, pay: { m: 'card', last4: '12a4' } },
	{ id, pay: { m: 'bank', iban: 'FR76' } },
	{ id, pay: { m: 'cash' } },
	{ id, pay: { m: 'bank', iban: 'x', extra: 1 } },
	{ id, either: 3 },
	{ id, either: true },
	{ id, either: 'x' },
	{ id, map: { a: 1, b: 2 } },
	{ id, map: { a: 'x' } },
	{ id, list: [] },
	{ id, list: ['a', 'b', 'c'] },
	{ id, list: ['a'] },
	{ id, any: { deep: [1, null] } },
	{ id, zod: { a: 1 } },
	{ id, zod: { a: 1.5 } },
	{ id, unknown: 1 },
	'string',
	null,
];

describe('example validator', () => {
	it('agrees with the compiled runtime validator (Ajv) on every sample', () => {
		const ajv = compileValidator(Model, { unknownKeys: 'reject' });
		const disagreements = VALUES.filter((value) => {
			const runtime = ajv.validate(structuredClone(value)).ok;
			const ours = validateExample(Model as TypeNode, value, { partial: false }).length === 0;
			return runtime !== ours;
		});
		expect(disagreements).toEqual([]);
		// The samples exercise both outcomes.
		const outcomes = VALUES.map((v) => ajv.validate(structuredClone(v)).ok);
		expect(outcomes.filter(Boolean).length).toBeGreaterThan(10);
		expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(10);
	});

	it('in partial mode, lets required fields be absent but still checks what is present', () => {
		expect(validateExample(Model, {}, { partial: true })).toEqual([]);
		expect(validateExample(Model, { pay: { m: 'card' } }, { partial: true })).toEqual([]);
		expect(validateExample(Model, { status: 'paused' }, { partial: true })).toEqual([
			{ path: '/status', code: 'enum', message: 'must be one of "OPEN", "CLOSED"' },
		]);
		expect(validateExample(Model, { extra: 1 }, { partial: true })).toEqual([
			{ path: '/extra', code: 'unknown_key', message: 'is not a declared field' },
		]);
	});

	it('reports every issue with a JSON pointer', () => {
		expect(validateExample(Model, { n: 0, tags: ['a', 2] }, { partial: false })).toEqual([
			{ path: '/id', code: 'required', message: 'is required' },
			{ path: '/n', code: 'minimum', message: 'must be >= 1' },
			{ path: '/tags/1', code: 'type', message: 'must be a string' },
		]);
	});
});
