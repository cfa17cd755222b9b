import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDateTime } from './date-time-format.ts';

/** The rules as one regex and a calendar lookup: the reference the scanner must agree with. */
const REFERENCE =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.\d+)?(?:[Zz]|([+-])([01]\d|2[0-3]):?([0-5]\d))$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function referenceIsDateTime(value: string): boolean {
	const m = REFERENCE.exec(value);
	if (!m) return false;
	const [year, month, day] = [+m[1]!, +m[2]!, +m[3]!];
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	if (day > (month === 2 && leap ? 29 : DAYS[month]!)) return false;
	if (m[6] !== '60') return true;
	const sign = m[7] === '-' ? 1 : -1;
	const minutes = +m[4]! * 60 + +m[5]! + sign * (+(m[8] ?? 0) * 60 + +(m[9] ?? 0));
	return ((minutes % 1440) + 1440) % 1440 === 1439;
}

describe('isDateTime', () => {
	it.each([
		'2026-01-31T12:00:00.000Z',
		'2024-02-29T00:00:00Z',
		'2000-02-29t23:59:59z',
		'2026-11-26 08:15:00+05:30',
		'2026-11-26T08:15:00-0800',
		'2026-12-31T23:59:60Z',
		'2026-12-31T15:59:60-08:00',
		'2026-06-30T23:59:59.123456789+00:00',
	])('accepts %s', (value) => {
		expect(isDateTime(value)).toBe(true);
	});

	it.each([
		'2023-02-29T00:00:00Z', // not a leap year
		'1900-02-29T00:00:00Z', // a century, not a leap year
		'2026-04-31T00:00:00Z',
		'2026-13-01T00:00:00Z',
		'2026-00-10T00:00:00Z',
		'2026-01-00T00:00:00Z',
		'2026-01-01T24:00:00Z',
		'2026-01-01T00:60:00Z',
		'2026-01-01T00:00:61Z',
		'2026-01-01T12:59:60Z', // a leap second only at 23:59:60 UTC
		'2026-01-01T00:00:00', // no offset
		'2026-01-01T00:00:00.Z',
		'2026-01-01T00:00:00+24:00',
		'2026-01-01T00:00:00+05:3',
		'2026-01-01T00:00:00Zjunk',
		'2026-01-01X00:00:00Z',
		'２０２６-01-01T00:00:00Z', // digits outside ASCII
		'',
	])('refuses %s', (value) => {
		expect(isDateTime(value)).toBe(false);
	});

	it('agrees with the reference regex on generated near-valid and arbitrary strings', () => {
		const pick = (...options: string[]) => fc.constantFrom(...options);
		const nearValid = fc
			.tuple(
				pick('2024', '2023', '1900', '2000', '0000', '99x9'),
				pick('-', '/'),
				pick('01', '02', '04', '12', '13', '00', '1'),
				pick('-'),
				pick('01', '28', '29', '30', '31', '32', '00'),
				pick('T', 't', ' ', 'X', ''),
				pick('00', '12', '23', '24', '9'),
				pick(':'),
				pick('00', '59', '60'),
				pick(':', '-'),
				pick('00', '59', '60', '61'),
				pick('', '.', '.5', '.123456', '.x'),
				pick(
					'Z',
					'z',
					'',
					'+00:00',
					'-08:00',
					'+0530',
					'+05:3',
					'+24:00',
					'-00:01',
					'+01:00',
					'Zz',
				),
			)
			.map((parts) => parts.join(''));
		fc.assert(
			fc.property(fc.oneof(nearValid, fc.string({ maxLength: 40 })), (value) => {
				expect(isDateTime(value)).toBe(referenceIsDateTime(value));
			}),
			{ numRuns: 20_000 },
		);
	});
});
