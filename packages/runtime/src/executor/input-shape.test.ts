import type { EnumNode, ModelNode, TypeNode } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { inputShape, MAX_SHAPE_ENTRIES } from './input-shape.ts';

const string: TypeNode = { kind: 'scalar', name: 'String' };
const int: TypeNode = { kind: 'scalar', name: 'Int' };
const status: EnumNode = { kind: 'enum', name: 'Status', values: ['OPEN', 'PAID'] };
const line: ModelNode = {
	kind: 'model',
	name: 'Line',
	fields: {
		sku: { type: string, isOptional: false },
		qty: { type: int, isOptional: true },
		state: { type: status, isOptional: true },
	},
};
const order: ModelNode = {
	kind: 'model',
	name: 'Order',
	fields: {
		amount: { type: int, isOptional: false },
		status: { type: status, isOptional: true },
		items: { type: line, isOptional: true, isArray: true },
		tags: { type: { kind: 'record', values: status }, isOptional: true },
		'a/b~c': { type: string, isOptional: true },
		note: { type: string, isOptional: true, isNullable: true },
		choice: {
			type: { kind: 'union', variants: [line, status] },
			isOptional: true,
		},
	},
};

describe('inputShape', () => {
	it('lists the pointers of the fields sent, with * for array items and record entries', () => {
		const shape = inputShape(order, {
			amount: 12,
			items: [{ sku: 'x', qty: 1 }, { sku: 'y' }],
			tags: { a: 'OPEN' },
			'a/b~c': 'v',
		});
		expect(shape.fields).toEqual([
			'/amount',
			'/items',
			'/items/*/sku',
			'/items/*/qty',
			'/tags',
			'/a~1b~0c',
		]);
		expect(shape.enums).toEqual([['/tags/*', 'OPEN']]);
		expect(shape).not.toHaveProperty('truncated');
	});

	it('names each enum value used once per pointer, and never a value that is not the enum’s', () => {
		const shape = inputShape(order, {
			amount: 1,
			status: 'PAID',
			items: [
				{ sku: 'a', state: 'OPEN' },
				{ sku: 'b', state: 'PAID' },
				{ sku: 'c', state: 'OPEN' },
			],
		});
		expect(shape.enums).toEqual([
			['/status', 'PAID'],
			['/items/*/state', 'OPEN'],
			['/items/*/state', 'PAID'],
		]);
		expect(inputShape(status, 'NOT-A-VALUE').enums).toEqual([]);
	});

	it('keeps no value: strings, numbers and record keys the caller chose are absent', () => {
		const shape = inputShape(order, {
			amount: 987654,
			tags: { secretKey: 'OPEN' },
			note: 'secret',
		});
		const text = JSON.stringify(shape);
		expect(text).not.toContain('987654');
		expect(text).not.toContain('secret');
	});

	it('records a null field as sent, and enters no union (its variant is not known)', () => {
		const shape = inputShape(order, { amount: 1, note: null, choice: { sku: 'x', state: 'OPEN' } });
		expect(shape.fields).toEqual(['/amount', '/note', '/choice']);
		expect(shape.enums).toEqual([]);
	});

	it('stops at the cap and says the shape is partial', () => {
		const wide: ModelNode = {
			kind: 'model',
			name: 'Wide',
			fields: Object.fromEntries(
				Array.from({ length: MAX_SHAPE_ENTRIES + 10 }, (_, i) => [
					`f${i}`,
					{ type: int, isOptional: true },
				]),
			),
		};
		const input = Object.fromEntries(
			Array.from({ length: MAX_SHAPE_ENTRIES + 10 }, (_, i) => [`f${i}`, i]),
		);
		const shape = inputShape(wide, input);
		expect(shape.fields).toHaveLength(MAX_SHAPE_ENTRIES);
		expect(shape.truncated).toBe(true);
	});
});
