/**
 * `date.toISOString()`, cheaper: V8 formats every call through printf, which made the audit's
 * two timestamps one of the largest costs of a command. The text of the current whole second
 * is kept, and a timestamp in that second is that text joined to a prebuilt `mmmZ` suffix.
 * The last timestamp is kept too and handed out again for the same millisecond: under load
 * dozens of commands share one, and a memory audit log then holds one string for them all
 * instead of a new one each for the garbage collector to copy and promote.
 */
export function isoTimestamp(date: Date): string {
	const ms = date.getTime();
	if (ms === cachedMs) return cachedText;
	const second = Math.floor(ms / 1000);
	if (second !== cachedSecond) {
		// Outside years 1970-9999 (and for an invalid date, which throws) toISOString decides.
		if (!(ms >= 0 && ms <= LAST_FOUR_DIGIT_YEAR_MS)) return date.toISOString();
		cachedPrefix = date.toISOString().slice(0, 20); // 'YYYY-MM-DDTHH:MM:SS.'
		cachedSecond = second;
	}
	cachedText = cachedPrefix + MILLIS_SUFFIX[ms - second * 1000]!;
	cachedMs = ms;
	return cachedText;
}

/** 9999-12-31T23:59:59.999Z: later years take a sign and six digits. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/** `000Z` to `999Z`. */
const MILLIS_SUFFIX: readonly string[] = Array.from(
	{ length: 1000 },
	(_, millis) => `${String(millis).padStart(3, '0')}Z`,
);

let cachedSecond = Number.NaN;
let cachedPrefix = '';
let cachedMs = Number.NaN;
let cachedText = '';
