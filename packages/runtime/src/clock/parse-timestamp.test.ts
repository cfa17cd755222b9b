import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parse-timestamp.ts';

describe('parseTimestamp', () => {
	it('reads a leap second as the last millisecond of its minute, with any offset or fraction', () => {
		expect(parseTimestamp('2016-12-31T23:59:60Z').toISOString()).toBe('2016-12-31T23:59:59.999Z');
		expect(parseTimestamp('2016-12-31T23:59:60.5Z').toISOString()).toBe('2016-12-31T23:59:59.999Z');
		expect(parseTimestamp('2017-01-01T00:59:60+01:00').toISOString()).toBe(
			'2016-12-31T23:59:59.999Z',
		);
	});

	it('reads ordinary timestamps as Date does, and gives an invalid Date (never throws) otherwise', () => {
		expect(parseTimestamp('2026-01-03T00:00:00Z').toISOString()).toBe('2026-01-03T00:00:00.000Z');
		expect(Number.isNaN(parseTimestamp('not a date').getTime())).toBe(true);
		expect(Number.isNaN(parseTimestamp('2016-13-31T23:59:60Z').getTime())).toBe(true);
	});
});
