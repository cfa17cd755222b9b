/** `…T23:59:60`, with optional fractions and an offset: a leap second, which `Date` cannot hold. */
const LEAP_SECOND = /^(.+T\d{2}:\d{2}:)60(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Reads an ISO 8601 / RFC 3339 timestamp into a `Date`. A leap second (`…:60`, which the
 * `DateTime` scalar accepts as RFC 3339 does, but `Date` cannot hold) is read as the last
 * millisecond of its minute, as POSIX clocks count it. Anything unreadable is an invalid Date
 * (`NaN`), never an exception.
 *
 * @example
 * parseTimestamp('2016-12-31T23:59:60Z').toISOString(); // '2016-12-31T23:59:59.999Z'
 */
export function parseTimestamp(text: string): Date {
	const ms = Date.parse(text);
	if (!Number.isNaN(ms)) return new Date(ms);
	const leap = LEAP_SECOND.exec(text);
	if (!leap) return new Date(Number.NaN);
	const minute = Date.parse(`${leap[1]}59${leap[2]}`);
	return new Date(Number.isNaN(minute) ? Number.NaN : minute + 999);
}
