import { describe, expect, it } from 'vitest';
import { findUnsafeKey, parseJsonSafely } from './safe-json.ts';

describe('findUnsafeKey', () => {
	it('finds nothing in a safe value', () => {
		expect(findUnsafeKey({ a: [1, { b: 'x' }], c: null })).toBeUndefined();
	});

	it('names the unsafe key with its JSON pointer, escaping ~ and /', () => {
		const value = JSON.parse('{"a/b":[{"c~d":{"__proto__":{"x":1}}}]}');
		expect(findUnsafeKey(value)).toEqual({
			code: 'UNSAFE_KEY',
			message: 'the key "__proto__" is not allowed',
			path: '/a~1b/0/c~0d/__proto__',
			issueCode: 'unsafe_key',
		});
		expect(findUnsafeKey({ constructor: 1 })?.path).toBe('/constructor');
	});

	it('refuses U+0000 in a string or a key, naming it (no store can keep it everywhere)', () => {
		expect(findUnsafeKey({ a: ['ok', 'x\u0000y'] })).toEqual({
			code: 'VALIDATION_FAILED',
			message: '/a/1 contains the character U+0000 (NUL), which Charter refuses in any input',
			path: '/a/1',
			issueCode: 'nul_character',
		});
		expect(findUnsafeKey({ 'k\u0000': 1 })?.issueCode).toBe('nul_character');
		expect(findUnsafeKey('\u0000')?.path).toBe('');
		expect(parseJsonSafely('{"id":"a\\u0000b"}')).toMatchObject({
			ok: false,
			fault: { code: 'VALIDATION_FAILED', path: '/id' },
		});
		expect(findUnsafeKey({ a: 'no nul here', b: 'U+0000 spelled out' })).toBeUndefined();
	});

	it('refuses nesting past the limit', () => {
		expect(findUnsafeKey([[[1]]], 2)?.code).toBe('MALFORMED_JSON');
		expect(findUnsafeKey([[1]], 2)).toBeUndefined();
	});
});

describe('parseJsonSafely', () => {
	it('parses safe JSON and refuses a prototype key with its path', () => {
		expect(parseJsonSafely('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
		const refused = parseJsonSafely('{"a":{"prototype":1}}');
		expect(!refused.ok && refused.fault.path).toBe('/a/prototype');
	});
});

describe('parseJsonSafely on unsafe keys hidden in escapes', () => {
	it('refuses a key spelled with \\u escapes, and one nested in an array', () => {
		const escaped = parseJsonSafely('{"a":{"\\u005f_proto__":{"x":1}}}');
		expect(!escaped.ok && escaped.fault.path).toBe('/a/__proto__');
		const nested = parseJsonSafely('[{"b":{"constructor":{}}}]');
		expect(!nested.ok && nested.fault.path).toBe('/0/b/constructor');
	});

	it('keeps a value that only mentions the words as data', () => {
		expect(parseJsonSafely('{"note":"a prototype of the constructor"}')).toEqual({
			ok: true,
			value: { note: 'a prototype of the constructor' },
		});
	});
});
