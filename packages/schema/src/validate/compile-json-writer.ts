import type { TypeNode } from '../ir/type-node.ts';
import { type JsonSchema, toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { ajvFor } from './ajv-instance.ts';
import { mayBeObject } from './union-strip.ts';

/**
 * Validates a value against a schema and writes it as JSON in one pass: the JSON text, or
 * `undefined` when the value breaks the schema or the writer is not sure it does not (a class
 * instance, a non-finite number, a free-form value that is not plain JSON). `undefined` never
 * means "valid": the caller then takes the general path (copy, Ajv, `JSON.stringify`), which
 * decides and explains. When it gives text, the text is what the general path would have
 * written for the value (unknown keys stripped, defaults filled), keys in the schema's order.
 */
export type JsonWriter = (value: unknown) => string | undefined;

/**
 * Compiles the validating writer of a type's JSON Schema, once per node; `undefined` when the
 * schema uses a keyword the writer does not handle (unions that may be objects, `allOf`,
 * `uniqueItems`, ...): such a type keeps the general path only.
 *
 * @example
 * const write = compileJsonWriter(WorkflowInstanceModel);
 * const text = write?.(instance); // undefined: validate with compileValidator instead
 */
export function compileJsonWriter(node: TypeNode): JsonWriter | undefined {
	if (writers.has(node)) return writers.get(node);
	let writer: JsonWriter | undefined;
	try {
		writer = writerFor(toJsonSchema(node));
	} catch (error) {
		if (!(error instanceof Unsupported)) throw error;
		writer = undefined;
	}
	writers.set(node, writer);
	return writer;
}

const writers = new WeakMap<TypeNode, JsonWriter | undefined>();

/** Thrown while compiling: the schema needs the general path. */
class Unsupported extends Error {}

/** Keywords that only describe (the writer has nothing to check for them). */
const ANNOTATIONS = new Set([
	'$schema',
	'$id',
	'$comment',
	'title',
	'description',
	'examples',
	'deprecated',
	'readOnly',
	'writeOnly',
	'$defs',
	'default',
]);

/** The keywords the writer checks. */
const HANDLED = new Set([
	'type',
	'$ref',
	'anyOf',
	'oneOf',
	'const',
	'enum',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'minItems',
	'maxItems',
	'minLength',
	'maxLength',
	'pattern',
	'format',
	'minimum',
	'maximum',
	'exclusiveMinimum',
	'exclusiveMaximum',
]);

/*
 * The writer is generated as source and compiled with `new Function`, as Ajv compiles its
 * validators and fast-json-stringify its serializers: one flat function per model, the checks
 * inline, appending to one string. Nothing of a value ever reaches the source: property names
 * are embedded as JSON string literals, everything else (formats, patterns, literal texts,
 * defaults) is passed in the `h` array.
 */

/** Generates the writer of a schema (with `$defs`) as one function per definition. */
function writerFor(root: JsonSchema): JsonWriter {
	const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
	const helpers: unknown[] = [];
	const functions: string[] = [];
	const byRef = new Map<string, string>();
	let names = 0;

	/** Passes a value to the generated code; gives the expression that reads it. */
	const use = (value: unknown): string => {
		helpers.push(value);
		return `h[${helpers.length - 1}]`;
	};
	const fresh = (prefix: string) => `${prefix}${names++}`;

	/** A function `name(v)` that gives the text of one schema's value, or undefined. */
	const defineFunction = (schema: JsonSchema): string => {
		const name = fresh('w');
		functions.push(''); // reserve the slot before generating (a recursive ref needs the name)
		const slot = functions.length - 1;
		const body = code(schema, 'v');
		functions[slot] = `function ${name}(v) {\n\tlet o = '';\n${body}\treturn o;\n}`;
		return name;
	};

	/** Statements that check `x` against `schema` and append its text to `o`, or return undefined. */
	const code = (schema: JsonSchema, x: string): string => {
		if (
			(schema as unknown) === true ||
			(typeof schema === 'object' && Object.keys(schema).length === 0)
		) {
			return appendFrom(`h.freeForm(${x})`);
		}
		if (typeof schema !== 'object' || schema === null) throw new Unsupported('schema');
		for (const key of Object.keys(schema)) {
			if (!HANDLED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) {
				throw new Unsupported(key);
			}
		}
		const own = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k));
		if (typeof schema.$ref === 'string') {
			if (own.length > 1) throw new Unsupported('$ref beside other keywords');
			return appendFrom(`${refFunction(schema.$ref)}(${x})`);
		}
		for (const keyword of ['anyOf', 'oneOf'] as const) {
			const branches = schema[keyword];
			if (!Array.isArray(branches)) continue;
			if (own.length > 1) throw new Unsupported('union beside other keywords');
			// A branch that may be an object would strip keys per branch (see union-strip.ts).
			if (branches.some((b) => mayBeObject(b as JsonSchema, defs))) {
				throw new Unsupported('union of objects');
			}
			const parts = branches.map((b) => defineFunction(b as JsonSchema));
			const t = fresh('t');
			if (keyword === 'anyOf') {
				// The first branch that writes the value wins.
				const tries = parts.map(
					(p, i) => `${i === 0 ? `let ${t} = ` : `if (${t} === undefined) ${t} = `}${p}(${x});`,
				);
				return `\t{\n\t${tries.join('\n\t')}\n\tif (${t} === undefined) return undefined;\n\to += ${t};\n\t}\n`;
			}
			// oneOf: exactly one branch may write it.
			const n = fresh('n');
			let out = `\t{\n\tlet ${t};\n\tlet ${n} = 0;\n`;
			for (const p of parts)
				out += `\t{ const s = ${p}(${x}); if (s !== undefined) { ${t} = s; ${n}++; } }\n`;
			return `${out}\tif (${n} !== 1) return undefined;\n\to += ${t};\n\t}\n`;
		}
		if (schema.const !== undefined || Array.isArray(schema.enum)) {
			if (own.some((k) => k !== 'enum' && k !== 'const' && k !== 'type')) {
				throw new Unsupported('literal beside other keywords');
			}
			const texts = new Map<unknown, string>();
			for (const value of schema.const !== undefined
				? [schema.const]
				: (schema.enum as unknown[])) {
				if (typeof value === 'object' && value !== null) throw new Unsupported('object literal');
				if (typeof value === 'number' && !Number.isFinite(value)) throw new Unsupported('number');
				texts.set(value, JSON.stringify(value));
			}
			// Compared with ===, as Ajv compares primitives (a `type` beside them narrows nothing more).
			return appendFrom(`${use(texts)}.get(${x})`);
		}
		const types: readonly string[] =
			typeof schema.type === 'string'
				? [schema.type]
				: Array.isArray(schema.type)
					? (schema.type as string[])
					: [];
		if (types.length === 0) throw new Unsupported('no type');
		// The JSON types are disjoint (an integer is a number), so one branch per type decides.
		const branches = [
			...new Set(types.map((t) => (t === 'integer' && types.includes('number') ? 'number' : t))),
		];
		let out = '';
		for (const [i, type] of branches.entries()) {
			out += `\t${i === 0 ? '' : 'else '}if (${guard(type, x)}) {\n${typed(type, schema, x)}\t}\n`;
		}
		return `${out}\telse return undefined;\n`;
	};

	const refFunction = (ref: string): string => {
		const known = byRef.get(ref);
		if (known) return known;
		if (!ref.startsWith('#/$defs/')) throw new Unsupported(ref);
		const target = defs[ref.slice('#/$defs/'.length)];
		if (!target) throw new Unsupported(ref);
		const name = `w${names}`; // the name defineFunction gives it next
		byRef.set(ref, name);
		defineFunction(target);
		return name;
	};

	const typed = (type: string, schema: JsonSchema, x: string): string => {
		switch (type) {
			case 'string':
				return stringCode(schema, x);
			case 'integer':
			case 'number':
				return numberCode(schema, x, type === 'integer');
			case 'boolean':
				return `\to += ${x} ? 'true' : 'false';\n`;
			case 'null':
				return `\to += 'null';\n`;
			case 'array':
				return arrayCode(schema, x);
			case 'object':
				return objectCode(schema, x);
			default:
				throw new Unsupported(type);
		}
	};

	const stringCode = (schema: JsonSchema, x: string): string => {
		const min = (schema.minLength as number | undefined) ?? 0;
		const max = (schema.maxLength as number | undefined) ?? Number.POSITIVE_INFINITY;
		let out = '';
		if (min > 0 || max !== Number.POSITIVE_INFINITY) {
			// Ajv counts code points: a string never has fewer than half its length in them.
			const bound = max === Number.POSITIVE_INFINITY ? '' : ` || ${x}.length > ${max}`;
			out += `\tif ((${x}.length < ${2 * min}${bound}) && !h.inLength(${x}, ${min}, ${max === Number.POSITIVE_INFINITY ? 'Infinity' : max})) return undefined;\n`;
		}
		if (typeof schema.pattern === 'string') {
			out += `\tif (!${use(new RegExp(schema.pattern, 'u'))}.test(${x})) return undefined;\n`;
		}
		if (typeof schema.format === 'string') {
			out += `\tif (!${use(formatCheck(schema.format))}(${x})) return undefined;\n`;
		}
		return `${out}\to += h.string(${x});\n`;
	};

	const numberCode = (schema: JsonSchema, x: string, integer: boolean): string => {
		// Not finite: JSON has no such number; the general path decides what that means.
		let out = `\tif (!Number.isFinite(${x})${integer ? ` || ${x} % 1 !== 0` : ''}) return undefined;\n`;
		const bounds: [string, string][] = [
			['minimum', '<'],
			['maximum', '>'],
			['exclusiveMinimum', '<='],
			['exclusiveMaximum', '>='],
		];
		for (const [keyword, fails] of bounds) {
			const bound = schema[keyword];
			if (bound === undefined) continue;
			if (typeof bound !== 'number' || !Number.isFinite(bound)) throw new Unsupported(keyword);
			out += `\tif (${x} ${fails} ${bound}) return undefined;\n`;
		}
		return `${out}\to += '' + ${x};\n`;
	};

	const arrayCode = (schema: JsonSchema, x: string): string => {
		const i = fresh('i');
		const item = fresh('x');
		let out = `\tif (Object.getPrototypeOf(${x}) !== Array.prototype) return undefined;\n`;
		if (schema.minItems !== undefined)
			out += `\tif (${x}.length < ${Number(schema.minItems)}) return undefined;\n`;
		if (schema.maxItems !== undefined)
			out += `\tif (${x}.length > ${Number(schema.maxItems)}) return undefined;\n`;
		const items = schema.items === undefined ? {} : (schema.items as JsonSchema);
		out += `\to += '[';\n\tfor (let ${i} = 0; ${i} < ${x}.length; ${i}++) {\n\tif (${i} !== 0) o += ',';\n\tconst ${item} = ${x}[${i}];\n`;
		out += code(items, item);
		return `${out}\t}\n\to += ']';\n`;
	};

	const objectCode = (schema: JsonSchema, x: string): string => {
		const plain = `\tif (!h.isPlainObject(${x})) return undefined;\n`;
		const properties = schema.properties as Record<string, JsonSchema> | undefined;
		const additional = schema.additionalProperties as JsonSchema | boolean | undefined;
		if (properties === undefined) {
			if (additional === undefined || additional === true) return appendFrom(`h.plainObject(${x})`);
			if (additional === false) return `${plain}\to += '{}';\n`;
			const key = fresh('k');
			const item = fresh('x');
			let out = `${plain}\to += '{';\n\tlet ${key}s = false;\n\tfor (const ${key} in ${x}) {\n\tif (!Object.hasOwn(${x}, ${key})) continue;\n\tconst ${item} = ${x}[${key}];\n`;
			// JSON.stringify leaves an undefined value out; Ajv would check it: the general path decides.
			out += `\tif (${item} === undefined) return undefined;\n\to += (${key}s ? ',' : '') + h.string(${key}) + ':';\n\t${key}s = true;\n`;
			out += code(additional, item);
			return `${out}\t}\n\to += '}';\n`;
		}
		// Declared fields with unknown keys kept (no `additionalProperties: false`) or validated
		// (a record beside fields) are rare in contracts: the general path handles them.
		if (additional !== false) throw new Unsupported('fields beside open keys');
		const required = new Set((schema.required as string[] | undefined) ?? []);
		for (const key of required) if (!(key in properties)) throw new Unsupported('required');
		const written = fresh('c');
		let out = `${plain}\to += '{';\n\tlet ${written} = false;\n`;
		// Until a field that is always written, whether a comma is needed is known only at run time.
		let always = false;
		for (const [key, sub] of Object.entries(properties)) {
			const item = fresh('x');
			const literal = JSON.stringify(key);
			const fallback = (sub as { default?: unknown }).default;
			let fallbackText: string | undefined;
			if (fallback !== undefined) {
				fallbackText = writerFor({ ...(sub as object), $defs: defs } as JsonSchema)(fallback);
				if (fallbackText === undefined) throw new Unsupported('a default that breaks its schema');
			}
			const prefix = (text: string) =>
				always
					? `\to += ${JSON.stringify(`,${literal}:`)}${text};\n`
					: `\to += (${written} ? ',' : '') + ${JSON.stringify(`${literal}:`)}${text};\n\t${written} = true;\n`;
			// A key Object.prototype has (`constructor`) is read from the prototype when absent,
			// as Ajv reads it: such a value is left to the general path.
			if (key in Object.prototype)
				out += `\tif (!Object.hasOwn(${x}, ${literal})) return undefined;\n`;
			out += `\tconst ${item} = ${x}[${literal}];\n\tif (${item} === undefined) {\n`;
			if (fallbackText !== undefined) out += prefix(` + ${use(fallbackText)}`);
			else if (required.has(key)) out += '\treturn undefined;\n';
			out += `\t} else {\n${prefix('')}${code(sub, item)}\t}\n`;
			if (required.has(key) || fallbackText !== undefined) always = true;
		}
		return `${out}\to += '}';\n`;
	};

	const main = defineFunction(root);
	const source = `${functions.join('\n')}\nreturn ${main};`;
	const runtime = Object.assign(helpers, RUNTIME);
	return new Function('h', source)(runtime) as JsonWriter;
}

/** Appends what a helper call gives, or gives up when it gives undefined. */
function appendFrom(call: string): string {
	return `\t{\n\tconst t = ${call};\n\tif (t === undefined) return undefined;\n\to += t;\n\t}\n`;
}

/** The guard of one JSON type, on a value of any type. */
function guard(type: string, x: string): string {
	switch (type) {
		case 'string':
			return `typeof ${x} === 'string'`;
		case 'integer':
		case 'number':
			return `typeof ${x} === 'number'`;
		case 'boolean':
			return `typeof ${x} === 'boolean'`;
		case 'null':
			return `${x} === null`;
		case 'array':
			return `Array.isArray(${x})`;
		case 'object':
			return `typeof ${x} === 'object' && ${x} !== null && !Array.isArray(${x})`;
		default:
			throw new Unsupported(type);
	}
}

/** Characters JSON.stringify would escape in a string (lone surrogates included). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON escapes
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** What the generated code calls. */
const RUNTIME = {
	string(value: string): string {
		return value.length < 64 && !NEEDS_ESCAPE.test(value) ? `"${value}"` : JSON.stringify(value);
	},
	inLength(value: string, min: number, max: number): boolean {
		const length = codePoints(value);
		return length >= min && length <= max;
	},
	freeForm,
	plainObject,
	isPlainObject,
};

/** The format check Ajv uses for a format name; unknown formats need the general path. */
function formatCheck(name: string): (value: string) => boolean {
	const format = (
		ajvFor('strip') as unknown as {
			formats: Record<string, unknown>;
		}
	).formats[name];
	const check =
		format instanceof RegExp
			? format
			: typeof format === 'function'
				? format
				: typeof format === 'object' && format !== null
					? (format as { validate?: unknown; async?: boolean }).async
						? undefined
						: (format as { validate?: unknown }).validate
					: undefined;
	if (check instanceof RegExp) return (value) => check.test(value);
	if (typeof check === 'function') return check as (value: string) => boolean;
	throw new Unsupported(`format ${name}`);
}

/** A plain object or array of JSON values; anything else (a Date, a class) is left to the general path. */
function freeForm(value: unknown): string | undefined {
	return isPlainJson(value, 0) ? JSON.stringify(value) : undefined;
}

function plainObject(value: unknown): string | undefined {
	return isPlainObject(value) && isPlainJson(value, 0) ? JSON.stringify(value) : undefined;
}

const MAX_DEPTH = 64;

function isPlainJson(value: unknown, depth: number): boolean {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return true;
		case 'number':
			return Number.isFinite(value);
		case 'object':
			break;
		default:
			return false;
	}
	if (value === null) return true;
	if (depth >= MAX_DEPTH) return false;
	if (Array.isArray(value)) {
		if (Object.getPrototypeOf(value) !== Array.prototype) return false;
		for (let i = 0; i < value.length; i++) {
			if (!(i in value) || !isPlainJson(value[i], depth + 1)) return false;
		}
		return true;
	}
	if (!isPlainObject(value)) return false;
	for (const key in value as object) {
		if (!Object.hasOwn(value as object, key)) continue;
		// An undefined value is left out by JSON.stringify but kept by a copy: not plain JSON.
		if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
	}
	return true;
}

function isPlainObject(value: unknown): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

function codePoints(value: string): number {
	let count = 0;
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		count++;
		// A high surrogate followed by a low one is one code point.
		if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
			const next = value.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
		}
	}
	return count;
}
