import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { SchemaDefinitionError } from '../errors.ts';
import type { Infer } from '../ir/infer.ts';
import { typeName } from '../ir/type-node.ts';
import { toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { compileValidator } from '../validate/compile-validator.ts';
import { fromStandardSchema, isStandardSchema, toTypeNode } from './standard-schema.ts';

const Money = z.object({
	amount: z.string().regex(/^\d+\.\d{2}$/),
	currency: z.enum(['EUR', 'USD']),
	note: z.string().optional(),
});

describe('fromStandardSchema (Zod 4)', () => {
	it('turns a named Zod object into the model a native definition gives, without the Zod object inside', () => {
		const node = fromStandardSchema(Money, { name: 'Money' });
		expect(node).toEqual({
			kind: 'model',
			name: 'Money',
			fields: {
				amount: {
					type: { kind: 'scalar', name: 'String', constraints: { pattern: '^\\d+\\.\\d{2}$' } },
					isOptional: false,
				},
				currency: {
					type: { kind: 'enum', name: 'MoneyCurrency', values: ['EUR', 'USD'] },
					isOptional: false,
				},
				note: { type: { kind: 'scalar', name: 'String' }, isOptional: true },
			},
		});
		expect(JSON.parse(JSON.stringify(node))).toEqual(node);
	});

	it('keeps an unnamed object as JSON Schema (a model needs a name)', () => {
		const node = fromStandardSchema(Money);
		expect(node.kind).toBe('json-schema');
		expect((node as { vendor?: string }).vendor).toBe('zod');
		expect((node as { schema: object }).schema).not.toHaveProperty('$schema');
	});

	it('publishes the JSON Schema Zod describes', () => {
		expect(toJsonSchema(fromStandardSchema(Money))).toEqual({
			$schema: 'https://json-schema.org/draft/2020-12/schema',
			type: 'object',
			properties: {
				amount: { type: 'string', pattern: '^\\d+\\.\\d{2}$' },
				currency: { type: 'string', enum: ['EUR', 'USD'] },
				note: { type: 'string' },
			},
			required: ['amount', 'currency'],
			additionalProperties: false,
		});
	});

	it('validates with the published schema', () => {
		const check = compileValidator(fromStandardSchema(Money));
		expect(check.validate({ amount: '12.50', currency: 'EUR' })).toEqual({
			ok: true,
			value: { amount: '12.50', currency: 'EUR' },
		});
		expect(check.validate({ amount: '12.5', currency: 'GBP' })).toEqual({
			ok: false,
			issues: [
				{ path: '/amount', code: 'pattern', message: 'must match pattern "^\\d+\\.\\d{2}$"' },
				{ path: '/currency', code: 'enum', message: 'must be one of "EUR", "USD"' },
			],
		});
	});

	it('takes the name from a meta title when none is given', () => {
		const Titled = z.object({ a: z.string() }).meta({ title: 'Titled' });
		expect(typeName(fromStandardSchema(Titled))).toBe('Titled');
		expect(
			typeName(fromStandardSchema(z.object({ a: z.string() }).meta({ title: 'not an id' }))),
		).toBeUndefined();
	});

	it('describes the input side of a transform when asked', () => {
		const Port = z.string().transform((s) => Number(s));
		expect(fromStandardSchema(Port, { direction: 'input' })).toEqual({
			kind: 'scalar',
			name: 'String',
		});
	});

	it('keeps the keys of a Zod record in strip mode', () => {
		const check = compileValidator(fromStandardSchema(z.record(z.string(), z.number())));
		expect(check.validate({ a: 1, b: 2 })).toEqual({ ok: true, value: { a: 1, b: 2 } });
		expect(check.validate({ a: 'x' })).toMatchObject({
			ok: false,
			issues: [{ path: '/a', code: 'type' }],
		});
	});

	it('refuses a Standard Schema that cannot emit JSON Schema', () => {
		const opaque = { '~standard': { version: 1, vendor: 'acme', validate: () => ({ value: 1 }) } };
		expect(() => fromStandardSchema(opaque as never)).toThrow(SchemaDefinitionError);
		expect(() => fromStandardSchema(opaque as never)).toThrow(
			expect.objectContaining({ code: 'CHARTER_NO_JSON_SCHEMA', where: 'acme schema' }),
		);
	});
});

describe('a Zod schema as a model field', () => {
	const Invoice = defineSchemaModel({
		name: 'Invoice',
		fields: {
			number: { type: z.string().min(1), isOptional: false },
			total: { type: fromStandardSchema(Money, { name: 'Money' }), isOptional: false },
			lines: { type: z.object({ sku: z.string() }), isOptional: true, isArray: true },
		},
	});

	it('is converted at definition time', () => {
		expect(Invoice.fields.number!.type).toEqual({
			kind: 'scalar',
			name: 'String',
			constraints: { minLength: 1 },
		});
		expect(isStandardSchema(Invoice.fields.number!.type)).toBe(false);
	});

	it('is named by its place when it does not name itself, like a native model', () => {
		const schema = toJsonSchema(Invoice);
		expect(schema.properties).toMatchObject({
			number: { type: 'string', minLength: 1 },
			total: { $ref: '#/$defs/Money' },
			lines: { type: 'array', items: { $ref: '#/$defs/InvoiceLines' } },
		});
		expect(Object.keys(schema.$defs as object).sort()).toEqual([
			'InvoiceLines',
			'Money',
			'MoneyCurrency',
		]);
	});

	it('validates through the model, with paths into the Zod part', () => {
		const check = compileValidator(Invoice);
		expect(check.validate({ number: 'F-1', total: { amount: '1.00', currency: 'EUR' } }).ok).toBe(
			true,
		);
		expect(check.validate({ number: '', total: { amount: '1.00' }, lines: [{}] })).toEqual({
			ok: false,
			issues: [
				{ path: '/number', code: 'minLength', message: 'must NOT have fewer than 1 characters' },
				{ path: '/total/currency', code: 'required', message: 'is required' },
				{ path: '/lines/0/sku', code: 'required', message: 'is required' },
			],
		});
	});

	it('infers the static type from Zod', () => {
		expectTypeOf<Infer<typeof Invoice>>().toEqualTypeOf<{
			number: string;
			total: { amount: string; currency: 'EUR' | 'USD'; note?: string | undefined };
			lines?: { sku: string }[];
		}>();
	});
});

describe('toTypeNode', () => {
	it('passes Charter nodes through and names `where` on failure', () => {
		const node = { kind: 'literal', value: 1 } as const;
		expect(toTypeNode('here', node)).toBe(node);
		expect(() => toTypeNode('here', 42)).toThrow('here: unknown type: 42');
		expect(() => toTypeNode('here', Symbol('s'))).toThrow('here: unknown type: Symbol(s)');
	});
});
