/**
 * The type IR: frozen, JSON-serializable nodes with a `kind` discriminant.
 * Nodes carry no behaviour; every generator (JSON Schema, GraphQL, docs, diff) is a table
 * keyed by `kind`. The `~type` key is a phantom: it exists only in the type system, so a
 * handler's input and output types are inferred from the nodes without code generation.
 */

/** Names of every built-in scalar, as they appear in the IR. */
export type ScalarName =
	| 'String'
	| 'Int'
	| 'Float'
	| 'Boolean'
	| 'ID'
	| 'JSON'
	| 'JSONObject'
	| 'Date'
	| 'DateTime'
	| 'Time'
	| 'EmailAddress'
	| 'URL'
	| 'PhoneNumber'
	| 'NonEmptyString'
	| 'Locale'
	| 'TimeZone'
	| 'Latitude'
	| 'Longitude'
	| 'Currency'
	| 'CountryCode'
	| 'UUID'
	| 'Decimal'
	| 'File';

/** JSON Schema validation keywords a scalar may narrow itself with. */
export interface ScalarConstraints {
	readonly minLength?: number;
	readonly maxLength?: number;
	readonly pattern?: string;
	readonly minimum?: number;
	readonly maximum?: number;
	readonly exclusiveMinimum?: number;
	readonly exclusiveMaximum?: number;
	readonly multipleOf?: number;
	/** A `File`'s largest size in bytes (enforced by the REST surface while it reads the part). */
	readonly maxBytes?: number;
	/** A `File`'s accepted media types (`image/png`, `image/*`); any when absent. */
	readonly mediaTypes?: readonly string[];
}

/**
 * The value a `File` field has in a handler: a part of a `multipart/form-data` body, read
 * within its limits. A web `File` (name, media type, size, `stream()`, `arrayBuffer()`).
 */
export interface FileValue {
	readonly name: string;
	readonly type: string;
	readonly size: number;
	stream(): ReadableStream<Uint8Array>;
	arrayBuffer(): Promise<ArrayBuffer>;
	text(): Promise<string>;
}

/** Phantom carrier of the TypeScript type a node describes. Never present at run time. */
export interface Typed<T> {
	readonly '~type'?: T;
}

export interface ScalarNode<T = unknown> extends Typed<T> {
	readonly kind: 'scalar';
	readonly name: ScalarName;
	readonly constraints?: ScalarConstraints;
}

export interface EnumValueInfo {
	readonly description?: string;
	/** Reason the value is deprecated; its presence marks the value deprecated. */
	readonly deprecated?: string;
}

export interface EnumNode<V extends string = string> extends Typed<V> {
	readonly kind: 'enum';
	readonly name: string;
	readonly description?: string;
	readonly values: readonly V[];
	readonly valueInfo?: Readonly<Record<string, EnumValueInfo>>;
}

/** A model field. `isOptional` (may be absent) and `isNullable` (may be null) are distinct. */
export interface FieldNode<N extends TypeNode = TypeNode> {
	readonly type: N;
	readonly isOptional: boolean;
	readonly isArray?: boolean;
	readonly isNullable?: boolean;
	readonly description?: string;
	readonly default?: unknown;
	/** `true` or the reason the field is deprecated. */
	readonly deprecated?: boolean | string;
	readonly examples?: readonly unknown[];
}

export type FieldsNode = Readonly<Record<string, FieldNode>>;

export interface ModelNode<T = unknown> extends Typed<T> {
	readonly kind: 'model';
	readonly name: string;
	readonly description?: string;
	readonly fields: FieldsNode;
}

export interface ArrayNode<T = unknown> extends Typed<T> {
	readonly kind: 'array';
	readonly items: TypeNode;
	readonly minItems?: number;
	readonly maxItems?: number;
}

export interface UnionNode<T = unknown> extends Typed<T> {
	readonly kind: 'union';
	readonly name?: string;
	readonly description?: string;
	/** Field present on every variant (a model) whose literal value selects the variant. */
	readonly discriminator?: string;
	readonly variants: readonly TypeNode[];
}

export interface RecordNode<T = unknown> extends Typed<T> {
	readonly kind: 'record';
	readonly values: TypeNode;
}

export type LiteralValue = string | number | boolean | null;

export interface LiteralNode<T extends LiteralValue = LiteralValue> extends Typed<T> {
	readonly kind: 'literal';
	readonly value: T;
}

/** A type that came in as JSON Schema, e.g. from a Zod schema through Standard Schema. */
export interface JsonSchemaNode<T = unknown> extends Typed<T> {
	readonly kind: 'json-schema';
	readonly name?: string;
	readonly schema: Readonly<Record<string, unknown>>;
	/** The library it was converted from (`zod`, `valibot`...), for docs and diagnostics. */
	readonly vendor?: string;
}

export type TypeNode =
	| ScalarNode
	| EnumNode
	| ModelNode
	| ArrayNode
	| UnionNode
	| RecordNode
	| LiteralNode
	| JsonSchemaNode;

export type TypeKind = TypeNode['kind'];

/** Every kind, in one place, so tables keyed by kind can be checked for completeness. */
export const TYPE_KINDS: readonly TypeKind[] = [
	'scalar',
	'enum',
	'model',
	'array',
	'union',
	'record',
	'literal',
	'json-schema',
];

/** Tells whether a value is a type node of the IR. */
export function isTypeNode(value: unknown): value is TypeNode {
	return (
		typeof value === 'object' &&
		value !== null &&
		TYPE_KINDS.includes((value as { kind?: unknown }).kind as TypeKind)
	);
}

/**
 * A reference back to a named type that contains it (a recursive type: `TreeNode.children`
 * of `TreeNode`, or `A -> B -> A`): a JSON Schema node `{ $ref: '#/$defs/<Name>' }` whose
 * target is read only when JSON Schema is emitted, so the IR stays a tree (every walker
 * terminates) while the emitted schema, the validators and OpenAPI recurse for real. The
 * target is a function (`() => TreeNode`) because the type is still being defined where it
 * refers to itself; it is not enumerable, so the node stays JSON.
 *
 * @example
 * export const TreeNode = defineSchemaModel({ name: 'TreeNode', fields: {
 *   children: { type: listOf(recursiveRef('TreeNode', () => TreeNode)), isOptional: true } } });
 */
export function recursiveRef(name: string, target: () => TypeNode): JsonSchemaNode {
	const node = { kind: 'json-schema', schema: Object.freeze({ $ref: `#/$defs/${name}` }) };
	Object.defineProperty(node, RECURSION_TARGET, { value: target, enumerable: false });
	return Object.freeze(node) as JsonSchemaNode;
}

const RECURSION_TARGET = Symbol.for('charter.recursionTarget');

/** The named type a {@link recursiveRef} refers back to, if the node is one. */
export function recursionTarget(node: TypeNode): TypeNode | undefined {
	const target = (node as { [RECURSION_TARGET]?: () => TypeNode })[RECURSION_TARGET];
	return target?.();
}

/** Gives the name of a named node (model, enum, named union or JSON Schema), if any. */
export function typeName(node: TypeNode): string | undefined {
	return 'name' in node && node.kind !== 'scalar' ? node.name : undefined;
}
