/*
 * RFC 3339 date-time, read character by character: same rules as ajv-formats' full
 * `date-time` (real dates, leap years, offset required, leap second only at 23:59:60 UTC). It
 * is the hot path of most models, so it allocates nothing: a regex with capture groups made
 * an array and a string per field on every call.
 */
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Tells whether a string is an RFC 3339 date-time with an offset and a real calendar date. */
export function isDateTime(value: string): boolean {
	// YYYY-MM-DD, a `T`, `t` or space, HH:MM:SS: 19 characters at fixed places.
	if (value.length < 20) return false;
	const year = digits(value, 0, 4);
	const month = digits(value, 5, 2);
	const day = digits(value, 8, 2);
	const hour = digits(value, 11, 2);
	const minute = digits(value, 14, 2);
	const second = digits(value, 17, 2);
	if ((year | month | day | hour | minute | second) < 0) return false;
	if (!(at(value, 4, DASH) && at(value, 7, DASH) && at(value, 13, COLON) && at(value, 16, COLON))) {
		return false;
	}
	const separator = value.charCodeAt(10);
	if (separator !== UPPER_T && separator !== LOWER_T && separator !== SPACE) return false;
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	if (day > (month === 2 && leap ? 29 : DAYS[month]!)) return false;

	let next = 19;
	if (at(value, next, DOT)) {
		const fractionStart = ++next;
		while (isDigit(value.charCodeAt(next))) next++;
		if (next === fractionStart) return false;
	}
	const offset = offsetMinutes(value, next);
	if (offset === undefined) return false;
	if (second !== 60) return true;
	// A leap second exists only at 23:59:60 UTC.
	const utc = hour * 60 + minute - offset;
	return ((utc % 1440) + 1440) % 1440 === 1439;
}

/** The offset east of UTC in minutes of a `Z` or `±HH[:]MM` that ends the text at `from`. */
function offsetMinutes(value: string, from: number): number | undefined {
	const sign = value.charCodeAt(from);
	if (sign === UPPER_Z || sign === LOWER_Z) return from + 1 === value.length ? 0 : undefined;
	if (sign !== PLUS && sign !== MINUS) return undefined;
	const colon = at(value, from + 3, COLON) ? 1 : 0;
	if (value.length !== from + 5 + colon) return undefined;
	const hours = digits(value, from + 1, 2);
	const minutes = digits(value, from + 3 + colon, 2);
	if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return undefined;
	const east = hours * 60 + minutes;
	return sign === PLUS ? east : -east;
}

/** The number written by `count` ASCII digits at `from`, or -1 if one is not a digit. */
function digits(value: string, from: number, count: number): number {
	let number = 0;
	for (let i = from; i < from + count; i++) {
		const code = value.charCodeAt(i);
		if (!isDigit(code)) return -1;
		number = number * 10 + code - ZERO;
	}
	return number;
}

function isDigit(code: number): boolean {
	return code >= ZERO && code <= ZERO + 9;
}

function at(value: string, index: number, code: number): boolean {
	return value.charCodeAt(index) === code;
}

const ZERO = 0x30;
const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const UPPER_T = 0x54;
const LOWER_T = 0x74;
const UPPER_Z = 0x5a;
const LOWER_Z = 0x7a;
