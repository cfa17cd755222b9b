import type { FieldNode, ScalarName, TypeKind, TypeNode } from '../ir/type-node.ts';

/** The TypeScript type of each scalar on the wire (dates are ISO strings, decimals strings). */
const SCALAR_TYPES: Readonly<Record<ScalarName, string>> = {
	String: 'string',
	Int: 'number',
	Float: 'number',
	Boolean: 'boolean',
	ID: 'string',
	JSON: 'unknown',
	JSONObject: 'Record<string, unknown>',
	Date: 'string',
	DateTime: 'string',
	Time: 'string',
	EmailAddress: 'string',
	URL: 'string',
	PhoneNumber: 'string',
	NonEmptyString: 'string',
	Locale: 'string',
	TimeZone: 'string',
	Latitude: 'number',
	Longitude: 'number',
	Currency: 'string',
	CountryCode: 'string',
	UUID: 'string',
	Decimal: 'string',
	// A file part: a Blob (or File) to send, a web File in the handler.
	File: 'Blob',
};

/**
 * Prints TypeScript declarations for type nodes: named models, enums and unions become
 * exported declarations, referenced by name; everything else is printed inline. One emitter
 * serves a whole file (a generated SDK), so shared models are declared once.
 */
export interface TypeScriptEmitter {
	/** The type expression of a node; named nodes are declared and referenced by name. */
	type(node: TypeNode): string;
	/** Every declaration collected so far, sorted by name, as source text. */
	declarations(): string;
}

type Printer<K extends TypeKind> = (
	node: Extract<TypeNode, { kind: K }>,
	ref: (node: TypeNode) => string,
) => string;

/** One printer per kind: adding a kind fails to compile until it is handled here. */
const printers: { [K in TypeKind]: Printer<K> } = {
	scalar: (node) => SCALAR_TYPES[node.name],
	enum: (node) => node.values.map((v) => JSON.stringify(v)).join(' | '),
	model: (node, ref) => {
		const lines = Object.entries(node.fields).map(([name, field]) => {
			const doc = field.description
				? `\t/** ${field.description.replaceAll('*/', '*\\/')} */\n`
				: '';
			return `${doc}\t${propertyName(name)}${field.isOptional ? '?' : ''}: ${fieldType(field, ref)};`;
		});
		return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n}`;
	},
	array: (node, ref) => `Array<${ref(node.items)}>`,
	union: (node, ref) => node.variants.map(ref).join(' | '),
	record: (node, ref) => `Record<string, ${ref(node.values)}>`,
	literal: (node) => JSON.stringify(node.value),
	'json-schema': () => 'unknown',
};

function fieldType(field: FieldNode, ref: (node: TypeNode) => string): string {
	let type = ref(field.type);
	if (field.isArray) type = `Array<${type}>`;
	if (field.isNullable) type = `${type} | null`;
	return type;
}

function propertyName(name: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Creates an emitter; see {@link TypeScriptEmitter}. */
export function createTypeScriptEmitter(): TypeScriptEmitter {
	const declared = new Map<string, string>();
	const ref = (node: TypeNode): string => {
		const name =
			node.kind === 'model' || node.kind === 'enum' || (node.kind === 'union' && node.name)
				? node.name
				: undefined;
		const body = () => (printers[node.kind] as Printer<TypeKind>)(node, ref);
		if (!name) return body();
		if (!declared.has(name)) {
			declared.set(name, '');
			const doc =
				'description' in node && node.description
					? `/** ${node.description.replaceAll('*/', '*\\/')} */\n`
					: '';
			const text = body();
			declared.set(
				name,
				node.kind === 'model'
					? `${doc}export interface ${name} ${text}`
					: `${doc}export type ${name} = ${text};`,
			);
		}
		return name;
	};
	return {
		type: ref,
		declarations: () =>
			[...declared.entries()]
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
				.map(([, text]) => text)
				.join('\n\n'),
	};
}
