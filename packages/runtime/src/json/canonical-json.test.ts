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
	it('reads each member of nested, unsorted input once, however deep', () => {
		// Ordering a child again for the copy doubled the work per level: exponential in a
		// depth the caller controls (a few hundred bytes of body never finished).
		let reads = 0;
		const counted = (members: Record<string, unknown>) => {
			const out = {};
			for (const [key, member] of Object.entries(members)) {
				Object.defineProperty(out, key, {
					enumerable: true,
					get: () => {
						reads++;
						return member;
					},
				});
			}
			return out;
		};
		let value: unknown = counted({ z: 1, a: 2 });
		const depth = 20;
		for (let level = 0; level < depth; level++) value = counted({ z: value, a: level });
		const text = canonicalJson(value);
		expect(reads).toBe(2 * (depth + 1));
		reads = 0;
		expect(text).toBe(reference(value));
	});

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

	it('matches the reference for JSON values with shuffled keys, and leaves them untouched', () => {
		const shuffled = fc
			.jsonValue()
			.chain((value) => fc.tuple(fc.constant(value), fc.integer({ min: 0, max: 1_000 })))
			.map(([value, seed]) => shuffleKeys(value, seed));
		fc.assert(
			fc.property(shuffled, (value) => {
				const before = JSON.stringify(value);
				expect(canonicalJson(value)).toBe(reference(value));
				expect(JSON.stringify(value)).toBe(before);
			}),
			{ numRuns: 1_000 },
		);
	});
});

/** Rebuilds a JSON value with each object's keys in a seed-chosen order. */
function shuffleKeys(value: unknown, seed: number): unknown {
	if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, seed + 1));
	if (typeof value !== 'object' || value === null) return value;
	const keys = Object.keys(value);
	const order = keys.map((key, i) => ({ key, rank: (i * 7919 + seed) % (keys.length + 3) }));
	order.sort((a, b) => a.rank - b.rank);
	const out: Record<string, unknown> = {};
	for (const { key } of order) {
		Object.defineProperty(out, key, {
			value: shuffleKeys((value as Record<string, unknown>)[key], seed + 1),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return out;
}
