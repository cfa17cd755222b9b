import { describe, expect, it } from 'vitest';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { typeFingerprint } from './type-fingerprint.ts';

const model = (name: string, type: ReturnType<typeof ScalarTypeEnum.String>) =>
	defineSchemaModel({ name, fields: { a: { type, isOptional: false } } });

describe('typeFingerprint', () => {
	it('is equal for equal structures and differs when anything differs', () => {
		expect(typeFingerprint(model('A', ScalarTypeEnum.String()))).toBe(
			typeFingerprint(model('A', ScalarTypeEnum.String())),
		);
		expect(typeFingerprint(model('A', ScalarTypeEnum.String()))).not.toBe(
			typeFingerprint(model('B', ScalarTypeEnum.String())),
		);
		expect(typeFingerprint(model('A', ScalarTypeEnum.String()))).not.toBe(
			typeFingerprint(model('A', ScalarTypeEnum.Int() as never)),
		);
	});

	it('stays linear when a type reuses another at every level (2^40 paths)', () => {
		let node = model('Leaf', ScalarTypeEnum.String());
		for (let i = 0; i < 40; i++) {
			node = defineSchemaModel({
				name: `Level${i}`,
				fields: {
					left: { type: node, isOptional: false },
					right: { type: node, isOptional: true },
				},
			}) as never;
		}
		expect(typeFingerprint(node)).toMatch(/^[0-9a-f]{16}$/);
	});
});
