import { describe, expect, it } from 'vitest';
import { defineUnion, listOf, literal, recordOf } from '../model/compose.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { isObjectRoot } from './object-root.ts';

const shape = (kind: string) =>
	defineSchemaModel({
		name: `${kind[0]!.toUpperCase()}${kind.slice(1)}`,
		fields: { kind: { type: literal(kind), isOptional: false } },
	});
const Circle = shape('circle');

describe('isObjectRoot', () => {
	it('is true for models and records; false for scalars, lists and unions (a oneOf)', () => {
		expect(isObjectRoot(Circle)).toBe(true);
		expect(isObjectRoot(recordOf(ScalarTypeEnum.Int()))).toBe(true);
		const Shape = defineUnion({
			name: 'Shape',
			discriminator: 'kind',
			variants: [Circle, shape('square')],
		});
		expect(isObjectRoot(Shape)).toBe(false);
		expect(isObjectRoot(ScalarTypeEnum.String())).toBe(false);
		expect(isObjectRoot(listOf(Circle))).toBe(false);
	});
});
