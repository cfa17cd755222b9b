import type { LogFields } from './logger.ts';

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

/** Field names whose values are secrets wherever they appear (compared lowercased, without `-` and `_`). */
export const SECRET_FIELDS: readonly string[] = [
	'authorization',
	'proxyauthorization',
	'cookie',
	'setcookie',
	'password',
	'passwd',
	'secret',
	'clientsecret',
	'token',
	'accesstoken',
	'refreshtoken',
	'idtoken',
	'apikey',
	'xapikey',
	'idempotencykey',
];

const BEARER = /^\s*(?:bearer|basic)\s+\S/i;
const MAX_DEPTH = 8;

/** Replaces secret and personal values in log fields; the input is never changed. */
export type Redactor = (fields: LogFields) => LogFields;

const normalize = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/**
 * Creates a redactor for the secret field names plus `fields` (the last segments of the PII
 * pointers contracts declare: `/owner/email` redacts every `email`). Values that read as an
 * `Authorization` credential (`Bearer …`, `Basic …`) are redacted under any name.
 *
 * @example
 * createRedactor(['email'])({ user: { email: 'a@b.c' }, authorization: 'Bearer x' });
 * // { user: { email: '[redacted]' }, authorization: '[redacted]' }
 */
export function createRedactor(fields: Iterable<string> = []): Redactor {
	const names = new Set(SECRET_FIELDS);
	for (const field of fields) names.add(normalize(field));
	const visit = (value: unknown, depth: number, seen: Set<object>): unknown => {
		if (typeof value === 'string') return BEARER.test(value) ? REDACTED : value;
		if (typeof value !== 'object' || value === null || value instanceof Error) return value;
		if (seen.has(value)) return '[circular]';
		if (depth >= MAX_DEPTH) return '[too deep]';
		seen.add(value);
		const copy: unknown = Array.isArray(value)
			? value.map((item) => visit(item, depth + 1, seen))
			: copyObject(value as Record<string, unknown>, depth, seen);
		seen.delete(value);
		return copy;
	};
	const copyObject = (object: Record<string, unknown>, depth: number, seen: Set<object>) => {
		const copy: Record<string, unknown> = {};
		for (const key of Object.keys(object)) {
			const value = object[key];
			// defineProperty, not assignment: a `__proto__` key stays a key.
			Object.defineProperty(copy, key, {
				value:
					names.has(normalize(key)) && value !== undefined
						? REDACTED
						: visit(value, depth + 1, seen),
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		return copy;
	};
	return (input) => {
		// Most lines (the access log) are flat, with nothing to hide: no copy for them.
		if (!needsRedaction(input, names)) return input;
		return visit(input, 0, new Set()) as LogFields;
	};
}

function needsRedaction(fields: LogFields, names: ReadonlySet<string>): boolean {
	for (const key of Object.keys(fields)) {
		const value = fields[key];
		if (typeof value === 'object' && value !== null) return true;
		if (typeof value === 'string' && BEARER.test(value)) return true;
		if (names.has(normalize(key))) return true;
	}
	return false;
}

/** The field names to redact for the PII pointers of the given event contracts. */
export function piiFieldNames(
	events: Iterable<{ readonly kind: string; readonly pii?: readonly string[] }>,
): string[] {
	const names = new Set<string>();
	for (const spec of events) {
		for (const pointer of spec.pii ?? []) {
			const last = pointer.split('/').at(-1);
			if (last) names.add(last.replace(/~1/g, '/').replace(/~0/g, '~'));
		}
	}
	return [...names];
}
