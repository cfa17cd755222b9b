/** Keys refused in any input, because merging them can rewrite object prototypes. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting of objects and arrays accepted in an input. */
export const MAX_JSON_DEPTH = 64;

/** Why a JSON text or value was refused. */
export interface JsonFault {
	/** `VALIDATION_FAILED` for a string no store can hold (U+0000). */
	readonly code: 'MALFORMED_JSON' | 'UNSAFE_KEY' | 'VALIDATION_FAILED';
	readonly message: string;
	/** JSON pointer of the offending key or string. */
	readonly path?: string;
	/** The issue code of that pointer: `unsafe_key` or `nul_character`. */
	readonly issueCode?: 'unsafe_key' | 'nul_character';
}

/**
 * The one character refused in every string of every input, keys included: PostgreSQL's text
 * and JSON types cannot hold U+0000, so a value with it would fail at the store (a 500), or be
 * kept by SQLite and the memory stores but not by PostgreSQL. Refusing it everywhere keeps the
 * stores interchangeable and makes it the caller's 422.
 */
const NUL = '\u0000';
const NUL_MESSAGE = 'contains the character U+0000 (NUL), which Charter refuses in any input';

/**
 * Parses JSON text without the risks of `JSON.parse` on hostile input: nesting deeper than
 * `maxDepth` and prototype-polluting keys are refused before any value reaches a handler.
 */
export function parseJsonSafely(
	text: string,
	maxDepth = MAX_JSON_DEPTH,
): { ok: true; value: unknown } | { ok: false; fault: JsonFault } {
	// Nesting deeper than maxDepth takes more than maxDepth opening brackets: a shorter text
	// (most request bodies) cannot have it, and is not scanned.
	if (text.length > maxDepth && nestingDepth(text) > maxDepth) {
		return {
			ok: false,
			fault: { code: 'MALFORMED_JSON', message: `nesting deeper than ${maxDepth} levels` },
		};
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return { ok: false, fault: { code: 'MALFORMED_JSON', message: (error as Error).message } };
	}
	// A key can only come out as an unsafe one if the text spells it, or hides it in a
	// `\u` escape, and U+0000 can only be written as `\u0000` in JSON: without either, the
	// walk over the parsed value has nothing to find.
	if (!MAY_HOLD_UNSAFE_KEY.test(text)) return { ok: true, value };
	const unsafe = findUnsafeKey(value, maxDepth);
	return unsafe ? { ok: false, fault: unsafe } : { ok: true, value };
}

const MAY_HOLD_UNSAFE_KEY = /__proto__|constructor|prototype|\\u/;

/**
 * Finds the first unsafe key (`__proto__`, `constructor`, `prototype`), string holding U+0000, or
 * excessive nesting in a value, iteratively so hostile depth cannot overflow the stack.
 */
export function findUnsafeKey(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonFault | undefined {
	// Each entry links to its parent; the JSON pointer is only spelled out for a fault, not
	// for every key of every (safe) input.
	const stack: Frame[] = [{ value, parent: undefined, key: '', depth: 0 }];
	while (stack.length > 0) {
		const item = stack.pop()!;
		if (typeof item.value === 'string') {
			if (item.value.includes(NUL)) return nulFault(item);
			continue;
		}
		if (typeof item.value !== 'object' || item.value === null) continue;
		if (item.depth >= maxDepth) {
			return { code: 'MALFORMED_JSON', message: `nesting deeper than ${maxDepth} levels` };
		}
		if (Array.isArray(item.value)) {
			for (let i = 0; i < item.value.length; i++) {
				stack.push({ value: item.value[i], parent: item, key: String(i), depth: item.depth + 1 });
			}
			continue;
		}
		for (const key of Object.keys(item.value)) {
			if (UNSAFE_KEYS.has(key)) {
				const path = pointerOf({ value: undefined, parent: item, key, depth: 0 });
				return {
					code: 'UNSAFE_KEY',
					message: `the key "${key}" is not allowed`,
					path,
					issueCode: 'unsafe_key',
				};
			}
			if (key.includes(NUL)) return nulFault({ value: undefined, parent: item, key, depth: 0 });
			stack.push({
				value: (item.value as Record<string, unknown>)[key],
				parent: item,
				key,
				depth: item.depth + 1,
			});
		}
	}
	return undefined;
}

/** The detail and issues of a problem made from a fault, the same on every surface. */
export function faultDetails(fault: JsonFault): {
	detail: string;
	issues?: { path: string; code: string; message: string }[];
} {
	if (fault.path === undefined || fault.issueCode === undefined) return { detail: fault.message };
	return {
		detail: fault.message,
		issues: [{ path: fault.path, code: fault.issueCode, message: fault.message }],
	};
}

function nulFault(frame: Frame): JsonFault {
	const path = pointerOf(frame);
	return {
		code: 'VALIDATION_FAILED',
		message: `${path === '' ? 'the input' : path} ${NUL_MESSAGE}`,
		path,
		issueCode: 'nul_character',
	};
}

interface Frame {
	readonly value: unknown;
	readonly parent: Frame | undefined;
	readonly key: string;
	readonly depth: number;
}

function pointerOf(frame: Frame): string {
	const parts: string[] = [];
	for (let f: Frame | undefined = frame; f?.parent; f = f.parent) {
		parts.push(f.key.replaceAll('~', '~0').replaceAll('/', '~1'));
	}
	return parts.length === 0 ? '' : `/${parts.reverse().join('/')}`;
}

/** Measures the deepest bracket nesting of JSON text, ignoring brackets inside strings. */
function nestingDepth(text: string): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // backslash: skip the escaped character
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) {
			depth++;
			if (depth > max) max = depth;
		} else if (c === 125 || c === 93) depth--;
	}
	return max;
}

/** Serializes a value with sorted object keys, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
	// JSON values (the usual case: validated inputs) are put in key order and serialized by
	// one JSON.stringify call, which keeps insertion order; an object already in order is not
	// copied. Anything else takes the general path, which gives the same text for JSON values.
	const ordered = inKeyOrder(value, 0);
	if (ordered === UNUSUAL) return generalCanonicalJson(value);
	return JSON.stringify(ordered) ?? 'null';
}

const UNUSUAL = Symbol('unusual');

/**
 * The value with every object's keys in sorted order (the same object when they already
 * are), or UNUSUAL when JSON.stringify would not serialize it like the general path: holes,
 * non-plain objects, functions, bigints, and keys that objects do not keep in insertion order
 * (integer-like ones) or that cannot be assigned (`__proto__`).
 */
function inKeyOrder(value: unknown, depth: number): unknown {
	if (typeof value !== 'object' || value === null) {
		const type = typeof value;
		return type === 'string' || type === 'number' || type === 'boolean' || value == null
			? value
			: UNUSUAL;
	}
	if (depth > MAX_JSON_DEPTH) return UNUSUAL;
	if (Array.isArray(value)) return arrayInKeyOrder(value, depth);
	if (Object.getPrototypeOf(value) !== Object.prototype) return UNUSUAL;
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record);
	// Each child is put in order once: ordering it again for the copy would double the work
	// at every level, exponential in the nesting depth a caller controls.
	const ordered: unknown[] = new Array(keys.length);
	let sorted = true;
	let changed = false;
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i]!;
		const first = key.charCodeAt(0);
		if ((first >= 48 && first <= 57) || key === '__proto__') return UNUSUAL;
		if (i > 0 && keys[i - 1]! > key) sorted = false;
		const item = record[key];
		const child = inKeyOrder(item, depth + 1);
		if (child === UNUSUAL) return UNUSUAL;
		if (child !== item) changed = true;
		ordered[i] = child;
	}
	if (sorted && !changed) return value;
	const positions = keys.map((_, i) => i);
	if (!sorted) positions.sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
	const out: Record<string, unknown> = {};
	for (const i of positions) out[keys[i]!] = ordered[i];
	return out;
}

function arrayInKeyOrder(value: unknown[], depth: number): unknown {
	if (Object.getPrototypeOf(value) !== Array.prototype) return UNUSUAL;
	let copy: unknown[] | undefined;
	for (let i = 0; i < value.length; i++) {
		if (!(i in value)) return UNUSUAL;
		const item = value[i];
		const ordered = inKeyOrder(item, depth + 1);
		if (ordered === UNUSUAL) return UNUSUAL;
		if (ordered !== item) copy ??= value.slice();
		if (copy) copy[i] = ordered;
	}
	return copy ?? value;
}

/** The general path: any value, built by concatenation. */
function generalCanonicalJson(value: unknown): string {
	if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) {
		let out = '[';
		for (let i = 0; i < value.length; i++) {
			if (i > 0) out += ',';
			if (i in value) out += generalCanonicalJson(value[i]); // a hole stays empty, as join does
		}
		return `${out}]`;
	}
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record).sort();
	let out = '{';
	for (const key of keys) {
		const item = record[key];
		if (item === undefined) continue;
		if (out.length > 1) out += ',';
		out += `${JSON.stringify(key)}:${generalCanonicalJson(item)}`;
	}
	return `${out}}`;
}
