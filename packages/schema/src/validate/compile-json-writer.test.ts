import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TypeNode } from '../ir/type-node.ts';
import { defineUnion, listOf, literal, recordOf } from '../model/compose.ts';
import { defineEnum } from '../model/define-enum.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { sampleValue } from '../sample/sample-value.ts';
import { SCALARS } from '../scalars/scalar-catalog.ts';
import { ScalarTypeEnum as S } from '../scalars/scalar-type-enum.ts';
import { compileJsonWriter } from './compile-json-writer.ts';
import { compileValidator } from './compile-validator.ts';

const Status = defineEnum('WriterStatus', ['OPEN', 'CLOSED']);
const Line = defineSchemaModel({
	name: 'WriterLine',
	fields: {
		sku: { type: S.NonEmptyString(), isOptional: false },
		quantity: { type: S.Int({ minimum: 1, maximum: 99 }), isOptional: true, default: 1 },
		note: { type: S.String({ maxLength: 3 }), isOptional: true, isNullable: true },
	},
});
const Order = defineSchemaModel({
	name: 'WriterOrder',
	fields: {
		id: { type: S.ID(), isOptional: false },
		status: { type: Status, isOptional: false },
		previous: { type: Status, isOptional: true, isNullable: true },
		lines: { type: Line, isOptional: false, isArray: true },
		tags: { type: recordOf(S.String()), isOptional: true },
		context: { type: S.JSONObject(), isOptional: true },
		at: { type: S.DateTime(), isOptional: false },
		code: { type: S.String({ pattern: '^[A-Z]{2}$' }), isOptional: true },
		mode: { type: defineUnion({ variants: [literal('a'), literal(2)] }), isOptional: true },
	},
});
// A field named like a key of Object.prototype: Ajv reads an absent one from the prototype.
const Odd = defineSchemaModel({
	name: 'WriterOdd',
	fields: { constructor: { type: S.String(), isOptional: true } },
});
// One optional field per scalar of the catalogue: every format the writer meets in contracts
// (outputs: a File is never one, the executor refuses it at start).
const Scalars = defineSchemaModel({
	name: 'WriterScalars',
	fields: Object.fromEntries(
		Object.keys(SCALARS)
			.filter((name) => name !== 'File')
			.map((name) => [
				name,
				{ type: (S as Record<string, () => TypeNode>)[name]!(), isOptional: true },
			]),
	),
});

const MODELS: Record<string, TypeNode> = {
	Order,
	Scalars,
	list: listOf(Line, { minItems: 1, maxItems: 2 }),
	Odd,
};

/** What the general path writes: a copy validated (stripped, defaults filled), then stringified. */
function generalPath(node: TypeNode, value: unknown): { ok: boolean; text?: string } {
	const copy = structuredClone(value);
	const checked = compileValidator(node).validate(copy);
	return checked.ok ? { ok: true, text: JSON.stringify(checked.value) } : { ok: false };
}

/** Junk and near misses for any field: wrong types, edge numbers, odd strings. */
const junk = fc.oneof(
	fc.constantFrom(
		undefined,
		null,
		'',
		'x',
		'𝒳𝒳',
		'AB',
		'2026-02-30T00:00:00Z',
		'2026-01-31T12:00:00.000Z',
		0,
		-1,
		1.5,
		100,
		Number.NaN,
		Number.POSITIVE_INFINITY,
		true,
		[],
		{},
		new Date(0),
		'OPEN',
		'a',
		2,
	),
	fc.jsonValue({ maxDepth: 2 }),
);

/** A value of the node: a valid sample with some fields replaced by junk or extra keys. */
function someValueOf(node: TypeNode): fc.Arbitrary<unknown> {
	const sample = sampleValue(node);
	return fc
		.tuple(fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 4 }), fc.boolean())
		.map(([changes, wrap]) => {
			const base = structuredClone(sample) as unknown;
			const target = Array.isArray(base) ? base[0] : base;
			if (typeof target === 'object' && target !== null) Object.assign(target, changes);
			return wrap ? base : sample;
		});
}

describe('compileJsonWriter', () => {
	it('writes the JSON of a valid value in one pass: unknown keys stripped, defaults filled', () => {
		const write = compileJsonWriter(Order)!;
		const text = write({
			id: 'o-1',
			status: 'OPEN',
			lines: [{ sku: 'a', extra: true }],
			at: '2026-01-31T12:00:00.000Z',
			secret: 'dropped',
		});
		expect(text).toBe(
			'{"id":"o-1","status":"OPEN","lines":[{"sku":"a","quantity":1}],"at":"2026-01-31T12:00:00.000Z"}',
		);
	});

	it('gives undefined for a value that breaks the contract, so the caller takes the general path', () => {
		const write = compileJsonWriter(Order)!;
		const valid = { id: 'o-1', status: 'OPEN', lines: [], at: '2026-01-31T12:00:00.000Z' };
		expect(write(valid)).toBeDefined();
		expect(write({ ...valid, status: 'LOST' })).toBeUndefined();
		expect(write({ ...valid, at: '2026-02-30T00:00:00Z' })).toBeUndefined();
		expect(write({ ...valid, lines: [{ sku: '' }] })).toBeUndefined();
		expect(write({ ...valid, id: undefined })).toBeUndefined();
		expect(write({ ...valid, code: 'abc' })).toBeUndefined();
	});

	it('leaves what it is not sure of to the general path: class instances, dates, non-finite numbers', () => {
		const write = compileJsonWriter(Order)!;
		const valid = { id: 'o-1', status: 'OPEN', lines: [], at: '2026-01-31T12:00:00.000Z' };
		expect(write(Object.assign(Object.create({ inherited: 1 }), valid))).toBeUndefined();
		expect(write({ ...valid, context: { when: new Date(0) } })).toBeUndefined();
		expect(write({ ...valid, context: { n: Number.NaN } })).toBeUndefined();
	});

	it('has no writer for a schema it cannot check, such as a union of models', () => {
		const A = defineSchemaModel({
			name: 'WA',
			fields: { a: { type: S.String(), isOptional: false } },
		});
		const B = defineSchemaModel({
			name: 'WB',
			fields: { b: { type: S.String(), isOptional: false } },
		});
		expect(compileJsonWriter(defineUnion({ name: 'WAB', variants: [A, B] }))).toBeUndefined();
	});

	for (const [name, node] of Object.entries(MODELS)) {
		it(`${name}: gives text only for what the general path accepts, and the same JSON`, () => {
			const write = compileJsonWriter(node);
			expect(write).toBeDefined();
			fc.assert(
				fc.property(someValueOf(node), (value) => {
					const general = generalPath(node, value);
					const text = write!(value);
					if (text !== undefined) {
						expect(general.ok).toBe(true);
						expect(JSON.parse(text)).toEqual(JSON.parse(general.text!));
					}
				}),
				{ numRuns: 400 },
			);
		});
	}

	it('writes every sample value of the catalogue (the fast path applies to valid outputs)', () => {
		for (const node of [Order, Scalars, MODELS.list!]) {
			const sample = sampleValue(node);
			expect(generalPath(node, sample).ok).toBe(true);
			expect(compileJsonWriter(node)!(sample)).toBeDefined();
		}
	});
});
