/*
 * RFC 3339 date-time, checked with one regex and a calendar lookup. Same rules as
 * ajv-formats' full `date-time` (real dates, leap years, offset required, leap second only at
 * 23:59:60 UTC), without its split and second regex: it is the hot path of most models.
 */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.\d+)?(?:[Zz]|([+-])([01]\d|2[0-3]):?([0-5]\d))$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Tells whether a string is an RFC 3339 date-time with an offset and a real calendar date. */
export function isDateTime(value: string): boolean {
	const m = DATE_TIME.exec(value);
	if (!m) return false;
	const year = +m[1]!;
	const month = +m[2]!;
	const day = +m[3]!;
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	if (day > (month === 2 && leap ? 29 : DAYS[month]!)) return false;
	if (m[6] !== '60') return true;
	// A leap second exists only at 23:59:60 UTC.
	const sign = m[7] === '-' ? 1 : -1;
	const minutes = +m[4]! * 60 + +m[5]! + sign * (+(m[8] ?? 0) * 60 + +(m[9] ?? 0));
	return ((minutes % 1440) + 1440) % 1440 === 1439;
}
