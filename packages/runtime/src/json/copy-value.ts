/**
 * Copies a value the way `structuredClone` would, fast for the common case: plain objects,
 * arrays and primitives are copied by hand (several times quicker than the serializer
 * `structuredClone` goes through); anything else (a Date, a Map, a class instance, a cycle)
 * is handed to `structuredClone` whole, so the result and the errors stay the same.
 */
export function copyValue<T>(value: T): T {
	const copied = copyPlain(value, 0);
	return copied === NOT_PLAIN ? structuredClone(value) : (copied as T);
}

const NOT_PLAIN = Symbol('not plain');
/** Deeper than this, a plain copy gives up (cycles included) and structuredClone takes over. */
const MAX_PLAIN_DEPTH = 64;

function copyPlain(value: unknown, depth: number): unknown {
	if (typeof value !== 'object' || value === null) {
		return typeof value === 'function' || typeof value === 'symbol' ? NOT_PLAIN : value;
	}
	if (depth >= MAX_PLAIN_DEPTH) return NOT_PLAIN;
	// A Blob (an uploaded File) cannot change: it is its own copy. structuredClone would give a
	// plain Blob, losing the File's name.
	if (value instanceof Blob) return value;
	if (Array.isArray(value)) {
		// Sparse arrays and extra properties are rare: leave them to structuredClone.
		if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
		const out = new Array(value.length);
		for (let i = 0; i < value.length; i++) {
			if (!(i in value)) return NOT_PLAIN;
			const item = copyPlain(value[i], depth + 1);
			if (item === NOT_PLAIN) return NOT_PLAIN;
			out[i] = item;
		}
		return out;
	}
	const proto = Object.getPrototypeOf(value);
	if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
	const out: Record<string, unknown> = {};
	for (const key in value) {
		if (!Object.hasOwn(value, key)) continue;
		const item = copyPlain((value as Record<string, unknown>)[key], depth + 1);
		if (item === NOT_PLAIN) return NOT_PLAIN;
		// A `__proto__` own key must stay a key, not become the copy's prototype.
		if (key === '__proto__')
			Object.defineProperty(out, key, {
				value: item,
				enumerable: true,
				writable: true,
				configurable: true,
			});
		else out[key] = item;
	}
	return out;
}
