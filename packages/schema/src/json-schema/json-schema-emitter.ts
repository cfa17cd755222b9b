import { SchemaDefinitionError } from '../errors.ts';
import { isFileType } from '../ir/file-fields.ts';
import { typeFingerprint } from '../ir/type-fingerprint.ts';
import {
	type FieldNode,
	recursionTarget,
	type ScalarConstraints,
	type TypeKind,
	type TypeNode,
} from '../ir/type-node.ts';
import { SCALARS } from '../scalars/scalar-catalog.ts';
import { toUnicodePattern } from '../validate/unicode-pattern.ts';

/** A JSON Schema 2020-12 object. */
export type JsonSchema = Record<string, unknown>;

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export interface EmitterOptions {
	/** Where named types live; `#/$defs/` by default, `#/components/schemas/` for OpenAPI. */
	readonly refPrefix?: string;
	/**
	 * Emit `File` scalars as the value a validator sees in process (a web `File`, keyword
	 * `charterFile`) instead of their wire form (`type: string, format: binary`).
	 */
	readonly fileValues?: boolean;
}

/**
 * Emits JSON Schema for type nodes and collects named models, enums and unions as shared
 * definitions, so one emitter can serve a whole document (an OpenAPI file, a snapshot).
 */
export interface JsonSchemaEmitter {
	/** The schema of a node; named nodes become `$ref`s into the definitions. */
	emit(node: TypeNode): JsonSchema;
	/** The schema of a node with its own body inline (named children still become `$ref`s). */
	emitInline(node: TypeNode): JsonSchema;
	/** The schema of a model field: list, nullability and annotations applied. */
	emitField(field: FieldNode): JsonSchema;
	/** Named definitions collected so far, sorted by name. */
	definitions(): Record<string, JsonSchema>;
	/** The type node a definition was emitted from (none for `$defs` lifted from imported JSON Schema). */
	definitionNode(name: string): TypeNode | undefined;
	/** Whether a `$ref` to this name was emitted (a recursive type refers to itself). */
	isReferenced(name: string): boolean;
	/** True once a `File` scalar was emitted. */
	hasFiles(): boolean;
}

type Emit = (node: TypeNode) => JsonSchema;
type Body<K extends TypeKind> = (
	node: Extract<TypeNode, { kind: K }>,
	emit: Emit,
	field: (f: FieldNode) => JsonSchema,
) => JsonSchema;

/** One function per kind: adding a kind fails to compile until it is handled here. */
const bodies: { [K in TypeKind]: Body<K> } = {
	scalar: (node) =>
		node.name === 'File'
			? fileSchema(node.constraints)
			: {
					...SCALARS[node.name].jsonSchema,
					...node.constraints,
					...(node.constraints?.pattern !== undefined
						? { pattern: unicodePattern(node.constraints.pattern) }
						: {}),
				},
	enum: (node) => ({
		type: 'string',
		title: node.name,
		...(node.description ? { description: node.description } : {}),
		enum: [...node.values],
	}),
	model: (node, _emit, field) => {
		const properties: Record<string, JsonSchema> = {};
		const required: string[] = [];
		for (const [name, f] of Object.entries(node.fields)) {
			properties[name] = field(f);
			if (!f.isOptional) required.push(name);
		}
		return {
			type: 'object',
			title: node.name,
			...(node.description ? { description: node.description } : {}),
			properties,
			...(required.length > 0 ? { required } : {}),
			additionalProperties: false,
		};
	},
	array: (node, emit) => ({
		type: 'array',
		items: emit(node.items),
		...(node.minItems !== undefined ? { minItems: node.minItems } : {}),
		...(node.maxItems !== undefined ? { maxItems: node.maxItems } : {}),
	}),
	union: (node, emit) => ({
		...(node.name ? { title: node.name } : {}),
		...(node.description ? { description: node.description } : {}),
		...(node.discriminator
			? { oneOf: node.variants.map(emit), discriminator: { propertyName: node.discriminator } }
			: { anyOf: node.variants.map(emit) }),
	}),
	record: (node, emit) => ({ type: 'object', additionalProperties: emit(node.values) }),
	literal: (node) => ({ const: node.value }),
	'json-schema': (node) => {
		const { $schema: _dialect, $defs: _defs, ...rest } = node.schema;
		return rest;
	},
};

/**
 * The pattern as validators compile it (with the `u` flag): escapes that flag rejects are
 * dropped (`\\:` -> `:`); a pattern that cannot compile at all is a definition error.
 */
function unicodePattern(pattern: string): string {
	const result = toUnicodePattern(pattern);
	if (result.ok) return result.pattern;
	throw new SchemaDefinitionError(
		'CHARTER_INVALID_PATTERN',
		`pattern ${JSON.stringify(pattern)}`,
		`is not a regular expression validators can compile (${result.reason}); fix or remove it`,
	);
}

/** A named definition: a fingerprint of its source node (to detect two types with one name). */
interface Definition {
	readonly source: string;
	readonly node?: TypeNode;
	readonly schema: JsonSchema;
}

/** Creates an emitter; see {@link JsonSchemaEmitter}. */
export function createJsonSchemaEmitter(options: EmitterOptions = {}): JsonSchemaEmitter {
	const refPrefix = options.refPrefix ?? '#/$defs/';
	const defs = new Map<string, Definition>();
	let files = false;

	const referenced = new Set<string>();

	const body = (node: TypeNode): JsonSchema => {
		if (isFileType(node)) {
			files = true;
			if (options.fileValues) return { charterFile: fileLimits(node.constraints) };
		}
		const schema = (bodies[node.kind] as Body<TypeKind>)(node, emit, emitField);
		if (node.kind !== 'json-schema') return schema;
		// A reference back to a recursive type: its definition is emitted beside (once).
		const target = recursionTarget(node);
		if (target) emit(target);
		return rewriteRefs(schema, refPrefix);
	};

	function emit(node: TypeNode): JsonSchema {
		const name = definitionName(node);
		if (!name) return body(node);
		referenced.add(name);
		define(name, node);
		return { $ref: `${refPrefix}${name}` };
	}

	function define(name: string, node: TypeNode): void {
		const existing = defs.get(name);
		if (existing?.node === node) return;
		const source = typeFingerprint(node);
		if (existing) {
			if (existing.source !== source) {
				throw new SchemaDefinitionError(
					'CHARTER_TYPE_NAME_CONFLICT',
					`type ${name}`,
					'two different types share this name; rename one of them',
				);
			}
			return;
		}
		defs.set(name, { source, node, schema: {} });
		const schema = body(node);
		defs.set(name, { source, node, schema });
		if (node.kind === 'json-schema') liftDefinitions(node.schema, refPrefix, defs);
	}

	function emitField(field: FieldNode): JsonSchema {
		let schema = emit(field.type);
		if (field.isArray) schema = { type: 'array', items: schema };
		if (field.isNullable) schema = nullable(schema);
		return {
			...schema,
			...(field.description ? { description: field.description } : {}),
			...(field.default !== undefined ? { default: field.default } : {}),
			...(field.deprecated ? { deprecated: true } : {}),
			...(field.examples ? { examples: [...field.examples] } : {}),
		};
	}

	return {
		emit,
		emitInline: (node) => {
			const schema = body(node);
			if (node.kind === 'json-schema') liftDefinitions(node.schema, refPrefix, defs);
			return schema;
		},
		emitField,
		definitions: () =>
			Object.fromEntries(
				[...defs.entries()]
					.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
					.map(([name, d]) => [name, d.schema]),
			),
		definitionNode: (name) => defs.get(name)?.node,
		isReferenced: (name) => referenced.has(name),
		hasFiles: () => files,
	};
}

/**
 * A `File`'s wire form: a binary string (a file part of a multipart body, OpenAPI 3.1), its one
 * accepted media type as `contentMediaType`, its limits under `x-charter-file`.
 */
function fileSchema(constraints: ScalarConstraints | undefined): JsonSchema {
	const limits = fileLimits(constraints);
	const only = constraints?.mediaTypes?.length === 1 ? constraints.mediaTypes[0] : undefined;
	return {
		type: 'string',
		format: 'binary',
		...(only !== undefined ? { contentMediaType: only } : {}),
		...(limits === true ? {} : { 'x-charter-file': limits }),
	};
}

/** A `File`'s limits (`maxBytes`, `mediaTypes`), or true when it has none. */
function fileLimits(
	constraints: ScalarConstraints | undefined,
): { maxBytes?: number; mediaTypes?: string[] } | true {
	const limits: { maxBytes?: number; mediaTypes?: string[] } = {};
	if (constraints?.maxBytes !== undefined) limits.maxBytes = constraints.maxBytes;
	if (constraints?.mediaTypes !== undefined) limits.mediaTypes = [...constraints.mediaTypes];
	return Object.keys(limits).length > 0 ? limits : true;
}

/**
 * Emits one self-contained JSON Schema 2020-12 document for a node, with named types
 * under `$defs`.
 */
export function toJsonSchema(node: TypeNode): JsonSchema {
	return toJsonSchemaDocument(node).schema;
}

/** A self-contained schema and, per name under its `$defs`, the type node it was emitted from. */
export interface JsonSchemaDocument {
	readonly schema: JsonSchema;
	readonly definitionNode: (name: string) => TypeNode | undefined;
	/** True when a `File` scalar is in it (validators then compile its in-process form). */
	readonly hasFiles: boolean;
}

/** {@link toJsonSchema}, keeping the node behind each definition (validators share them by it). */
export function toJsonSchemaDocument(
	node: TypeNode,
	options: { readonly fileValues?: boolean } = {},
): JsonSchemaDocument {
	const emitter = createJsonSchemaEmitter(options);
	const root = emitter.emitInline(node);
	const defs = emitter.definitions();
	const rootName = definitionName(node);
	// The root is inline; its definition stays only when something refers back to it.
	if (rootName && !emitter.isReferenced(rootName)) delete defs[rootName];
	return {
		schema: {
			$schema: JSON_SCHEMA_DIALECT,
			...root,
			...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
		},
		definitionNode: emitter.definitionNode,
		hasFiles: emitter.hasFiles(),
	};
}

/** Allows null: `type: [t, 'null']` where the schema is simple (one clear error), else `anyOf`. */
function nullable(schema: JsonSchema): JsonSchema {
	if (typeof schema.type === 'string' && schema.$ref === undefined && schema.const === undefined) {
		return {
			...schema,
			type: [schema.type, 'null'],
			...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}),
		};
	}
	return { anyOf: [schema, { type: 'null' }] };
}

function definitionName(node: TypeNode): string | undefined {
	switch (node.kind) {
		case 'model':
		case 'enum':
			return node.name;
		case 'union':
		case 'json-schema':
			return node.name;
		default:
			return undefined;
	}
}

/** Moves the `$defs` of an imported JSON Schema into the shared definitions. */
function liftDefinitions(
	schema: Readonly<Record<string, unknown>>,
	refPrefix: string,
	defs: Map<string, Definition>,
): void {
	const own = schema.$defs as Record<string, JsonSchema> | undefined;
	for (const [name, def] of Object.entries(own ?? {})) {
		if (!defs.has(name))
			defs.set(name, { source: JSON.stringify(def), schema: rewriteRefs(def, refPrefix) });
	}
}

function rewriteRefs(schema: JsonSchema, refPrefix: string): JsonSchema {
	if (refPrefix === '#/$defs/') return schema;
	const walk = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(walk);
		if (typeof value !== 'object' || value === null) return value;
		return Object.fromEntries(
			Object.entries(value).map(([key, v]) =>
				key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
					? [key, refPrefix + v.slice('#/$defs/'.length)]
					: [key, walk(v)],
			),
		);
	};
	return walk(schema) as JsonSchema;
}
