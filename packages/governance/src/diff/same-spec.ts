/**
 * Tells whether two contract specs are the same as a lockfile writes them: equal JSON, keys in
 * the same order, except inside a model field, whose properties the lockfile writes in one
 * canonical order. Anything JSON would drop or change (a function, `undefined` in a list, a
 * `Date`, a class instance, a non-finite number) counts as a difference, so a `true` is always
 * safe: comparing such a pair could not find a change. The diff and the version policy skip
 * the unchanged pairs of a large project with it.
 */
export function sameSpec(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) {
			if (a[i] === undefined || !sameSpec(a[i], b[i])) return false;
		}
		return true;
	}
	if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
	const ka = definedKeys(a);
	const kb = definedKeys(b);
	if (ka === undefined || kb === undefined || ka.length !== kb.length) return false;
	const anyOrder = isField(a) && isField(b);
	for (let i = 0; i < ka.length; i++) {
		const key = ka[i]!;
		if (!anyOrder && key !== kb[i]) return false;
		if (!Object.hasOwn(b, key) || !sameSpec(a[key], b[key])) return false;
	}
	return true;
}

type Plain = Record<string, unknown>;

function isPlain(value: object): value is Plain {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/** The keys JSON writes; undefined when a value is one JSON would drop silently (a function). */
function definedKeys(value: Plain): string[] | undefined {
	const keys: string[] = [];
	for (const key of Object.keys(value)) {
		const v = value[key];
		if (v === undefined) continue;
		if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return undefined;
		keys.push(key);
	}
	return keys;
}

/** A model field (`{ type, isOptional, ... }`): the lockfile orders its properties. */
function isField(value: Plain): boolean {
	return 'type' in value && 'isOptional' in value;
}
