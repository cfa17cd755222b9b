import type { StandardJSONSchemaV1, StandardTypedV1 } from '@standard-schema/spec';
import { SchemaDefinitionError } from '../errors.ts';
import type { Converted, Infer, TypeLike } from '../ir/infer.ts';
import { isTypeNode, type TypeNode } from '../ir/type-node.ts';
import { jsonSchemaToNode } from './json-schema-to-node.ts';

/** Tells whether a value implements Standard Schema (Zod 4, Valibot, ArkType...). */
export function isStandardSchema(value: unknown): value is StandardTypedV1 {
	// An ArkType type is a function (it validates when called), not a plain object.
	return (
		(typeof value === 'object' || typeof value === 'function') &&
		value !== null &&
		'~standard' in value
	);
}

export interface FromStandardSchemaOptions {
	/** Name of the type in `$defs`, OpenAPI components and GraphQL; defaults to the schema's `title`. */
	readonly name?: string;
	/** The name used when the schema does not name itself (no `title`, no `$defs` id). */
	readonly fallbackName?: string;
	/** Which side of a transforming schema to describe; `output` unless told otherwise. */
	readonly direction?: 'input' | 'output';
}

/**
 * Converts a Standard JSON Schema (a Zod 4 schema, for one) into a Charter type node, at
 * definition time, so no library object lives inside a contract. The node is the one a native
 * definition gives (a model, scalars, enums, lists...: see {@link jsonSchemaToNode}), so every
 * surface treats both alike; name objects and enums with Zod's `.meta({ id })` or `name`.
 *
 * @example
 * const Money = fromStandardSchema(z.object({ amount: z.string(), currency: z.string() }), { name: 'Money' });
 */
export function fromStandardSchema<S extends StandardTypedV1>(
	schema: S,
	options: FromStandardSchemaOptions = {},
): TypeNode & Converted<Infer<S>> {
	const props = schema['~standard'] as Partial<StandardJSONSchemaV1.Props>;
	if (!props.jsonSchema) {
		throw new SchemaDefinitionError(
			'CHARTER_NO_JSON_SCHEMA',
			`${props.vendor ?? 'unknown'} schema`,
			'this schema cannot emit JSON Schema (it does not implement Standard JSON Schema); use a Charter model or a library version that does',
		);
	}
	const convert = options.direction === 'input' ? props.jsonSchema.input : props.jsonSchema.output;
	const json = convert({ target: 'draft-2020-12' });
	// An explicit name wins over the schema's own title; a fallback name does not.
	const { title: _title, ...untitled } = json;
	return jsonSchemaToNode(options.name ? untitled : json, {
		...(options.name || options.fallbackName
			? { name: (options.name ?? options.fallbackName)! }
			: {}),
		...(props.vendor ? { vendor: props.vendor } : {}),
	}) as TypeNode & Converted<Infer<S>>;
}

/**
 * Turns anything accepted as a type into a node, or throws a clear error naming `where`.
 * `name` names a library's object or enum that does not name itself (Zod's `.meta({ id })`
 * or `title` win), so it becomes a model like a native one: operations pass
 * `<Key>Input`/`<Key>Output`, models `<Model><Field>`.
 */
export function toTypeNode(where: string, value: TypeLike | unknown, name?: string): TypeNode {
	if (isTypeNode(value)) return value;
	if (isStandardSchema(value)) return fromStandardSchema(value, name ? { fallbackName: name } : {});
	const got =
		value === undefined
			? 'undefined (is an import missing?)'
			: (JSON.stringify(value) ?? String(value));
	throw new SchemaDefinitionError('CHARTER_UNKNOWN_TYPE', where, `unknown type: ${got}`);
}
