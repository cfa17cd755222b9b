import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './safe-json.ts';

/** The first, plainly written version: the reference the faster one must match. */
function reference(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const keys = Object.keys(value)
			.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
			.sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

describe('canonicalJson', () => {
	it('sorts keys at every level and drops undefined members', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { f: true, e: null }], c: undefined } })).toBe(
			'{"a":{"d":[2,{"e":null,"f":true}]},"b":1}',
		);
	});

	it('gives the same text as the reference for any value', () => {
		fc.assert(
			fc.property(fc.anything({ withSparseArray: true, withDate: true }), (value) => {
				expect(canonicalJson(value)).toBe(reference(value));
			}),
			{ numRuns: 500 },
		);
	});
});
