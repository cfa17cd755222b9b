import type { StandardJSONSchemaV1, StandardTypedV1 } from '@standard-schema/spec';
import { SchemaDefinitionError } from '../errors.ts';
import type { Infer, TypeLike } from '../ir/infer.ts';
import { isTypeNode, type JsonSchemaNode, type TypeNode } from '../ir/type-node.ts';

/** Tells whether a value implements Standard Schema (Zod 4, Valibot, ArkType...). */
export function isStandardSchema(value: unknown): value is StandardTypedV1 {
	return typeof value === 'object' && value !== null && '~standard' in value;
}

export interface FromStandardSchemaOptions {
	/** Name of the type in `$defs`, OpenAPI components and GraphQL; defaults to the schema's `title`. */
	readonly name?: string;
	/** Which side of a transforming schema to describe; `output` unless told otherwise. */
	readonly direction?: 'input' | 'output';
}

/**
 * Converts a Standard JSON Schema (a Zod 4 schema, for one) into a Charter type node, at
 * definition time, so no library object lives inside a contract.
 *
 * @example
 * const Money = fromStandardSchema(z.object({ amount: z.string(), currency: z.string() }), { name: 'Money' });
 */
export function fromStandardSchema<S extends StandardTypedV1>(
	schema: S,
	options: FromStandardSchemaOptions = {},
): JsonSchemaNode<Infer<S>> {
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
	const name =
		options.name ??
		(typeof json.title === 'string' && /^[A-Za-z_]\w*$/.test(json.title) ? json.title : undefined);
	const { $schema: _dialect, ...schemaBody } = json;
	return Object.freeze({
		kind: 'json-schema',
		...(name ? { name } : {}),
		schema: schemaBody,
		vendor: props.vendor,
	}) as JsonSchemaNode<Infer<S>>;
}

/** Turns anything accepted as a type into a node, or throws a clear error naming `where`. */
export function toTypeNode(where: string, value: TypeLike | unknown): TypeNode {
	if (isTypeNode(value)) return value;
	if (isStandardSchema(value)) return fromStandardSchema(value);
	const got =
		value === undefined
			? 'undefined (is an import missing?)'
			: (JSON.stringify(value) ?? String(value));
	throw new SchemaDefinitionError('CHARTER_UNKNOWN_TYPE', where, `unknown type: ${got}`);
}
