import { describe, expect, it } from 'vitest';
import { defineEnum } from '../model/define-enum.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { completeExample, sampleValue } from './sample-value.ts';

const Status = defineEnum('SampleStatus', ['OPEN', 'CLOSED']);
const Item = defineSchemaModel({
	name: 'SampleItem',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		status: { type: Status, isOptional: false },
		code: { type: ScalarTypeEnum.String({ minLength: 6 }), isOptional: false },
		note: { type: ScalarTypeEnum.String(), isOptional: true },
		tags: { type: ScalarTypeEnum.String(), isOptional: false, isArray: true },
	},
});
const Page = defineSchemaModel({
	name: 'SamplePage',
	fields: { items: { type: Item, isOptional: false, isArray: true } },
});

describe('sampleValue', () => {
	it('gives the required fields of a model, within simple bounds', () => {
		expect(sampleValue(Item)).toEqual({
			id: 'id-123',
			status: 'OPEN',
			code: 'textxx',
			tags: ['text'],
		});
	});
});

describe('completeExample', () => {
	it('keeps every value of a partial output and fills the required fields it leaves out', () => {
		expect(completeExample(Page, { items: [{ id: 'i-1', status: 'CLOSED' }] })).toEqual({
			items: [{ id: 'i-1', status: 'CLOSED', code: 'textxx', tags: ['text'] }],
		});
	});

	it('gives undefined when the partial itself is invalid, rather than a wrong example', () => {
		expect(completeExample(Item, { id: 'i-1', status: 'closed' })).toBeUndefined();
		expect(completeExample(Item, { id: 'i-1', extra: true })).toBeUndefined();
	});

	it('leaves the partial it was given untouched', () => {
		const partial = { id: 'i-1' };
		completeExample(Item, partial);
		expect(partial).toEqual({ id: 'i-1' });
	});
});
