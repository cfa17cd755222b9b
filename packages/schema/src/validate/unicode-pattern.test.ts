import { describe, expect, it } from 'vitest';
import { toUnicodePattern } from './unicode-pattern.ts';

describe('toUnicodePattern', () => {
	it('keeps a pattern that compiles with the u flag as it is', () => {
		expect(toUnicodePattern('^[A-Z]{3}$')).toEqual({
			ok: true,
			pattern: '^[A-Z]{3}$',
			changed: false,
		});
	});

	it('drops escapes the u flag rejects, keeping the meaning', () => {
		const result = toUnicodePattern('^[a-zA-Z0-9_\\-\\:]+$');
		expect(result).toEqual({ ok: true, pattern: '^[a-zA-Z0-9_\\-:]+$', changed: true });
		const regex = new RegExp((result as { pattern: string }).pattern, 'u');
		expect(regex.test('ab-c:d_1')).toBe(true);
		expect(regex.test('a b')).toBe(false);
		expect(toUnicodePattern('^\\@\\_x\\-y\\.z$')).toMatchObject({ pattern: '^@_x-y\\.z$' });
	});

	it('reports a pattern that cannot be made to compile, without throwing', () => {
		const result = toUnicodePattern('(?<=a');
		expect(result.ok).toBe(false);
		expect((result as { reason: string }).reason).toMatch(/Invalid regular expression/);
	});
});
