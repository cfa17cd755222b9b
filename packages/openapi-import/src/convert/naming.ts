const RESERVED = new Set(
	'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await any boolean number string symbol object unknown never undefined'.split(
		' ',
	),
);

/** Splits a name into lowercase words: `getPetById` / `pet-store.Pet_v2` -> get, pet, by, id... */
export function words(name: string): string[] {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((w) => w.toLowerCase());
}

/** Makes a PascalCase identifier from any name; never empty, never starting with a digit. */
export function pascalCase(name: string): string {
	const joined = words(name)
		.map((w) => w[0]!.toUpperCase() + w.slice(1))
		.join('');
	if (joined === '') return 'Unnamed';
	return /^[0-9]/.test(joined) ? `T${joined}` : joined;
}

/** Makes a camelCase identifier safe to declare (`pet-store` -> `petStore`, `class` -> `class_`). */
export function camelCase(name: string): string {
	const pascal = pascalCase(name);
	const camel = pascal[0]!.toLowerCase() + pascal.slice(1);
	return RESERVED.has(camel) ? `${camel}_` : camel;
}

/** Makes a kebab-case key segment that matches Charter's key pattern (`getPetById` -> `get-pet-by-id`). */
export function keySegment(name: string): string {
	const kebab = words(name).join('-');
	if (kebab === '') return 'op';
	return /^[0-9]/.test(kebab) ? `n${kebab}` : kebab;
}

/** Tells whether a string is a valid TypeScript identifier that needs no quotes. */
export function isIdentifier(name: string): boolean {
	return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** Globals Biome forbids shadowing; a type with one of these names gets a `Type` suffix. */
const GLOBALS = new Set(
	'AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean DataView Date Error EvalError FinalizationRegistry Float32Array Float64Array Function Infinity Int16Array Int32Array Int8Array Intl Iterator JSON Map Math NaN Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Set SharedArrayBuffer String Symbol SyntaxError TypeError URIError Uint16Array Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakRef WeakSet'.split(
		' ',
	),
);

/** The longest generated name, before a uniqueness number: see {@link shortName}. */
export const MAX_NAME = 48;
/** How much of a shortened name its first words (the owner: a schema or operation) may take. */
const HEAD = 20;

/**
 * Shortens a PascalCase name longer than {@link MAX_NAME} characters. Inline types are named
 * by their owner followed by the path to them (`PostCustomersInputPaymentSettings…Item`), so a
 * long name keeps its first words (up to 20 characters: who owns it) and its last words (the
 * nearest properties: what it is), and drops the words between. A single word too long to fit is
 * cut.
 *
 * @example
 * shortName('PostCustomersCustomerSubscriptionsSubscriptionExposedIdInputPaymentSettingsPaymentMethodOptionsUsBankAccount1FinancialConnectionsPermissionsItem')
 * // -> 'PostCustomersFinancialConnectionsPermissionsItem'
 */
export function shortName(name: string): string {
	if (name.length <= MAX_NAME) return name;
	const parts = name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(' ');
	let head = parts[0]!.slice(0, MAX_NAME);
	let first = 1;
	while (first < parts.length - 1 && head.length + parts[first]!.length <= HEAD) {
		head += parts[first];
		first++;
	}
	let tail = '';
	for (let i = parts.length - 1; i >= first; i--) {
		if (head.length + tail.length + parts[i]!.length > MAX_NAME) break;
		tail = parts[i] + tail;
	}
	return head + tail;
}

/**
 * Gives unique names: the first claim of a name gets it, later ones get `2`, `3`... With
 * `shorten` (type and constant names), every name is shortened by {@link shortName} first.
 */
export class NameAllocator {
	readonly #taken = new Set<string>();

	constructor(private readonly options: { readonly shorten?: boolean } = {}) {}

	/** Claims `wanted` or the first free `wanted2`, `wanted3`... (`-2` when `separator` is `-`). */
	claim(requested: string, separator = ''): string {
		const short = this.options.shorten ? shortName(requested) : requested;
		const wanted = GLOBALS.has(short) ? `${short}Type` : short;
		let name = wanted;
		for (let i = 2; this.#taken.has(name.toLowerCase()); i++) name = `${wanted}${separator}${i}`;
		this.#taken.add(name.toLowerCase());
		return name;
	}

	/** Tells whether a name is already claimed. */
	has(name: string): boolean {
		return this.#taken.has(name.toLowerCase());
	}
}
