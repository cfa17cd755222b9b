import { describe, expect, it } from 'vitest';
import { copyValue } from './copy-value.ts';

describe('copyValue', () => {
	it('copies plain objects and arrays deeply: equal, but not the same objects', () => {
		const value = { a: 1, b: ['x', { c: null, d: true }], e: { f: 'g' }, u: undefined };
		const copy = copyValue(value);
		expect(copy).toStrictEqual(value);
		expect(copy).not.toBe(value);
		expect(copy.b).not.toBe(value.b);
		expect(copy.b[1]).not.toBe(value.b[1]);
		expect(Object.hasOwn(copy, 'u')).toBe(true);
	});

	it('gives what structuredClone gives for dates, maps and class instances', () => {
		class Point {
			constructor(readonly x: number) {}
		}
		const value = { at: new Date(0), m: new Map([[1, 2]]), p: new Point(3) };
		expect(copyValue(value)).toStrictEqual(structuredClone(value));
		expect(copyValue(value).at).toBeInstanceOf(Date);
	});

	it('keeps a __proto__ own key as a key, without touching the prototype', () => {
		const value = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
		const copy = copyValue(value);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.hasOwn(copy, '__proto__')).toBe(true);
		expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
	});

	it('copies cycles like structuredClone and refuses functions like it', () => {
		const cyclic: Record<string, unknown> = { a: 1 };
		cyclic.self = cyclic;
		const copy = copyValue(cyclic);
		expect(copy.self).toBe(copy);
		expect(() => copyValue({ f: () => 1 })).toThrow(/could not be cloned/);
	});
});
