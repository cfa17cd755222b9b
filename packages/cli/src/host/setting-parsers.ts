import { isLogLevel, LOG_LEVELS, type LogLevel } from '@charter/runtime';
import { UsageError } from '../command.ts';

/** Reads one setting's raw value (a flag's text, a variable, a config value); `name` is its source. */
export type Parse<T> = (raw: unknown, name: string) => T;

/** Stops the start: a bad value, named by where it was given. */
export const fail = (name: string, raw: unknown, expected: string): never => {
	throw new UsageError(`${name} ${String(raw)}: ${expected}`, 'CHARTER_INVALID_SETTING');
};

export const text: Parse<string> = (raw, name) =>
	typeof raw === 'string' && raw !== '' ? raw : fail(name, raw, 'expected a non-empty string');

export const wholeNumber = (min: number, max: number, expected: string): Parse<number> => {
	return (raw, name) => {
		const n =
			typeof raw === 'number'
				? raw
				: typeof raw === 'string' && raw.trim() !== ''
					? Number(raw)
					: Number.NaN;
		return Number.isInteger(n) && n >= min && n <= max ? n : fail(name, raw, expected);
	};
};
export const port = wholeNumber(0, 65535, 'expected a port number (0 to 65535)');
export const millis = wholeNumber(
	1,
	2 ** 31 - 1,
	'expected a positive whole number of milliseconds',
);
export const seconds = wholeNumber(0, 3600, 'expected a whole number of seconds (0 to 3600)');

export const boolean: Parse<boolean> = (raw, name) => {
	if (typeof raw === 'boolean') return raw;
	if (raw === 'true' || raw === '1') return true;
	if (raw === 'false' || raw === '0') return false;
	return fail(name, raw, 'expected true or false');
};

const SIZE = /^(\d+)\s*(b|kb|mb)?$/i;
export const bytes: Parse<number> = (raw, name) => {
	const match =
		typeof raw === 'number' ? [String(raw), String(raw), 'b'] : SIZE.exec(String(raw).trim());
	const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match?.[2] ?? 'b').toLowerCase() as 'b'];
	const n = match ? Number(match[1]) * unit : Number.NaN;
	return Number.isInteger(n) && n > 0
		? n
		: fail(name, raw, 'expected a size such as 1048576, 512kb or 1mb');
};

/** A list given as an array (config) or as text separated by commas (flag, variable). */
function items(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
	return list.map((item) => item.trim()).filter((item) => item !== '');
}

/** Browser origins (`scheme://host[:port]`), or `*` alone for any. */
export const origins: Parse<readonly string[] | '*'> = (raw, name) => {
	const trimmed = items(raw);
	if (trimmed.length === 1 && trimmed[0] === '*') return '*';
	for (const origin of trimmed) {
		if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
			fail(name, raw, `"${origin}" is not an origin (scheme://host[:port], or * alone)`);
		}
	}
	return trimmed;
};

/** Host names (with a port if it matters), or `*` alone for any. */
export const hostNames: Parse<readonly string[] | '*'> = (raw, name) => {
	const trimmed = items(raw);
	if (trimmed.length === 1 && trimmed[0] === '*') return '*';
	if (trimmed.length === 0) fail(name, raw, 'give host names separated by commas, or *');
	for (const host of trimmed) {
		if (!/^[^\s/]+$/.test(host)) fail(name, raw, `"${host}" is not a host name`);
	}
	return trimmed;
};

/** One or more non-empty words separated by commas. */
export const textList: Parse<readonly string[]> = (raw, name) => {
	const trimmed = items(raw);
	return trimmed.length > 0 ? trimmed : fail(name, raw, 'expected one or more values');
};

export const httpUrl: Parse<string> = (raw, name) => {
	if (typeof raw === 'string' && URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol))
		return raw;
	return fail(name, raw, 'expected an http:// or https:// URL');
};

export const level: Parse<LogLevel> = (raw, name) =>
	typeof raw === 'string' && isLogLevel(raw)
		? raw
		: fail(name, raw, `use one of ${LOG_LEVELS.join(', ')}`);

/** What `--tracing` does with a request the sampler starts no trace for (`detachUnsampledRoots`). */
export const unsampledRoots: Parse<'auto' | 'propagate' | 'detach'> = (raw, name) =>
	raw === 'auto' || raw === 'propagate' || raw === 'detach'
		? raw
		: fail(name, raw, 'use auto, propagate or detach');

export const streamName: Parse<string> = (raw, name) =>
	typeof raw === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw)
		? raw
		: fail(name, raw, 'use 1 to 64 letters, digits, _ or -');

/** `off`, or calls a minute per client address and per principal: `1200` or `1200,600`. */
export const rateLimit: Parse<string> = (raw, name) =>
	typeof raw === 'string' && /^(off|\d+(,\d+)?)$/.test(raw.replaceAll(' ', ''))
		? raw.replaceAll(' ', '')
		: fail(name, raw, 'use off, or ADDRESS[,PRINCIPAL] calls a minute (e.g. 1200,600)');

/** Where rate limits count: `memory`, or a Redis URL. */
export const rateLimitStore: Parse<string> = (raw, name) =>
	typeof raw === 'string' && (raw === 'memory' || /^rediss?:\/\/\S+$/i.test(raw))
		? raw
		: fail(name, raw, 'use memory or a redis:// URL');
