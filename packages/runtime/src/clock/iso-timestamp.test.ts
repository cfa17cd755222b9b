import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './iso-timestamp.ts';

describe('isoTimestamp', () => {
	it('gives the text of toISOString for any date, in any order of calls', () => {
		const instant = fc.oneof(
			fc.integer({ min: -8.64e15, max: 8.64e15 }),
			fc.integer({ min: 1_700_000_000_000, max: 1_700_000_005_000 }), // many in one second
			fc.constantFrom(0, 999, 1000, 253_402_300_799_999, 253_402_300_800_000, -1),
		);
		fc.assert(
			fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (instants) => {
				for (const ms of instants) {
					const date = new Date(ms);
					expect(isoTimestamp(date)).toBe(date.toISOString());
				}
			}),
			{ numRuns: 2_000 },
		);
	});

	it('throws like toISOString for an invalid date', () => {
		expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError);
	});
});
