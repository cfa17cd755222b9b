import type {
	FieldNode,
	JsonSchemaNode,
	ModelNode,
	ScalarConstraints,
	ScalarName,
	TypeNode,
} from '../ir/type-node.ts';
import { SCALARS } from '../scalars/scalar-catalog.ts';

type Schema = Readonly<Record<string, unknown>>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORMATS: Readonly<Record<string, ScalarName>> = {
	'date-time': 'DateTime',
	date: 'Date',
	time: 'Time',
	email: 'EmailAddress',
	uri: 'URL',
	url: 'URL',
	uuid: 'UUID',
};
const CONSTRAINTS = [
	'minLength',
	'maxLength',
	'pattern',
	'minimum',
	'maximum',
	'exclusiveMinimum',
	'exclusiveMaximum',
	'multipleOf',
] as const;
/** Keywords that only annotate, and keywords the IR gives every node of that kind. */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', 'deprecated', '$id']);

/**
 * Converts a JSON Schema (what Zod, Valibot or ArkType emit through Standard JSON Schema) into
 * the IR a native definition gives: objects become models, formats become scalars, string
 * enums become enums, `[T, null]` becomes a nullable field, `default` makes a field optional
 * on input. Objects and enums are named by their `$defs` key (Zod's `.meta({ id })`), their
 * `title`, or their place (`<Model><Field>`). `x-charter-scalar` (`.meta({ 'x-charter-scalar': 'ID' })`)
 * picks a Charter scalar JSON Schema has no word for. A part the IR cannot say exactly (a union of
 * scalars, `allOf`, `not`, a recursive reference) stays JSON Schema, so nothing is lost.
 */
export function jsonSchemaToNode(
	document: Schema,
	options: { readonly name?: string; readonly vendor?: string } = {},
): TypeNode {
	const { $schema: _dialect, $defs, ...root } = document;
	const defs = ($defs ?? {}) as Readonly<Record<string, Schema>>;
	const named = new Map<string, TypeNode>();
	const converting = new Set<string>();

	const fallback = (schema: Schema, name?: string): JsonSchemaNode =>
		Object.freeze({
			kind: 'json-schema',
			...(name ? { name } : {}),
			schema: Object.keys(defs).length > 0 && usesRef(schema) ? { ...schema, $defs: defs } : schema,
			...(options.vendor ? { vendor: options.vendor } : {}),
		});

	function convert(schema: Schema, name: string | undefined): TypeNode {
		if (typeof schema.$ref === 'string') {
			const target = /^#\/\$defs\/([^/]+)$/.exec(schema.$ref)?.[1];
			const def = target === undefined ? undefined : defs[target];
			if (!target || !def) return fallback(schema, name);
			const done = named.get(target);
			if (done) return done;
			// A reference back into a definition still being converted is recursion: kept as JSON Schema.
			if (converting.has(target)) return fallback(schema, name);
			converting.add(target);
			const node = convert(def, IDENTIFIER.test(target) ? target : name);
			converting.delete(target);
			named.set(target, node);
			return node;
		}
		const ownName =
			typeof schema.title === 'string' && IDENTIFIER.test(schema.title) ? schema.title : name;
		const type = schema.type;
		if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string') && ownName) {
			return Object.freeze({
				kind: 'enum',
				name: ownName,
				...description(schema),
				values: Object.freeze([...(schema.enum as string[])]),
			});
		}
		const documented = documentedEnum(schema);
		if (documented && ownName) {
			return Object.freeze({
				kind: 'enum',
				name: ownName,
				...description(schema),
				values: Object.freeze(documented.map((v) => v.const)),
				...(documented.some((v) => v.description)
					? {
							valueInfo: Object.freeze(
								Object.fromEntries(
									documented
										.filter((v) => v.description)
										.map((v) => [v.const, Object.freeze({ description: v.description! })]),
								),
							),
						}
					: {}),
			});
		}
		if ('const' in schema && isLiteral(schema.const)) {
			return Object.freeze({ kind: 'literal', value: schema.const });
		}
		if (type === 'object' && isPlainObject(schema.properties) && ownName && isClosed(schema))
			return model(schema, ownName);
		if (type === 'object' && !schema.properties && isPlainObject(schema.additionalProperties)) {
			return Object.freeze({
				kind: 'record',
				values: convert(schema.additionalProperties as Schema, ownName && `${ownName}Value`),
			});
		}
		if (type === 'array' && isPlainObject(schema.items)) {
			return Object.freeze({
				kind: 'array',
				items: convert(schema.items as Schema, ownName && `${ownName}Item`),
				...pick(schema, ['minItems', 'maxItems']),
			});
		}
		const scalarName = scalarOf(schema);
		if (scalarName) {
			const constraints = constraintsOf(schema, scalarName);
			return Object.freeze(
				constraints
					? { kind: 'scalar', name: scalarName, constraints: Object.freeze(constraints) }
					: { kind: 'scalar', name: scalarName },
			);
		}
		return fallback(schema, ownName);
	}

	function model(schema: Schema, name: string): ModelNode {
		const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
		const fields: Record<string, FieldNode> = {};
		for (const [key, raw] of Object.entries(schema.properties as Record<string, Schema>)) {
			fields[key] = field(raw, required.has(key), `${name}${pascal(key)}`);
		}
		return Object.freeze({
			kind: 'model',
			name,
			...description(schema),
			fields: Object.freeze(fields),
		}) as ModelNode;
	}

	function field(raw: Schema, required: boolean, hint: string): FieldNode {
		let schema = raw;
		let isNullable = false;
		// Nullable: `type: [T, 'null']` or `anyOf: [T, { type: 'null' }]`.
		if (Array.isArray(schema.type) && schema.type.includes('null') && schema.type.length === 2) {
			schema = { ...schema, type: schema.type.find((t) => t !== 'null') };
			isNullable = true;
		} else if (Array.isArray(schema.anyOf) && schema.anyOf.length === 2) {
			const other = (schema.anyOf as Schema[]).filter((s) => s.type !== 'null');
			if (other.length === 1) {
				const { anyOf: _anyOf, ...rest } = schema;
				// A named type written inline keeps its own annotations; the wrapper's are the field's.
				schema = namesAType(other[0]!) ? other[0]! : { ...other[0], ...rest };
				isNullable = true;
			}
		}
		let isArray = false;
		if (
			schema.type === 'array' &&
			isPlainObject(schema.items) &&
			!('minItems' in schema) &&
			!('maxItems' in schema)
		) {
			isArray = true;
			const items = schema.items as Schema;
			schema = namesAType(items) ? items : { ...items, ...annotations(schema) };
		}
		const hasDefault = 'default' in raw;
		// A field whose schema is itself a named type inline (Valibot's `v.title`, no `$defs`):
		// its description is the type's, as on a native enum or model, not the field's.
		const description = namesAType(raw) ? undefined : raw.description;
		return Object.freeze({
			type: convert(
				namesAType(schema) ? withoutFieldAnnotations(schema) : withoutAnnotations(schema),
				hint,
			),
			isOptional: !required || hasDefault,
			...(isArray ? { isArray: true } : {}),
			...(isNullable ? { isNullable: true } : {}),
			...(typeof description === 'string' ? { description } : {}),
			...(hasDefault ? { default: raw.default } : {}),
			...(raw.deprecated === true ? { deprecated: true } : {}),
			...(Array.isArray(raw.examples) ? { examples: raw.examples } : {}),
		});
	}

	return convert(root, options.name);
}

/**
 * A union of documented string constants (`z.union([z.literal('A').describe('…'), …])`) is
 * how JSON Schema gives an enum's values their descriptions: it becomes an enum. ArkType copies
 * a titled union's own annotations onto every member: those describe the enum, not its values.
 */
function documentedEnum(schema: Schema): { const: string; description?: string }[] | undefined {
	const members = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
	if (!Array.isArray(members) || members.length === 0) return undefined;
	const values = members.map((m) => {
		if (typeof m.const !== 'string') return undefined;
		if (!Object.keys(m).every((k) => ['const', 'type', 'description', 'title'].includes(k)))
			return undefined;
		if (m.title !== undefined && m.title !== schema.title) return undefined;
		const copied = m.title !== undefined && m.description === schema.description;
		return {
			const: m.const,
			...(typeof m.description === 'string' && !copied ? { description: m.description } : {}),
		};
	});
	return values.every((v) => v !== undefined) ? values : undefined;
}

/** The extension keyword that names a Charter scalar a library cannot say (`ID`, `Decimal`...). */
export const SCALAR_KEYWORD = 'x-charter-scalar';

function scalarOf(schema: Schema): ScalarName | undefined {
	const named = schema[SCALAR_KEYWORD];
	if (typeof named === 'string' && Object.hasOwn(SCALARS, named)) return named as ScalarName;
	const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
	switch (schema.type) {
		case 'string':
			if (schema.format !== undefined && !format) return undefined;
			return format ?? 'String';
		case 'integer':
			return 'Int';
		case 'number':
			return 'Float';
		case 'boolean':
			return 'Boolean';
		default:
			return undefined;
	}
}

/** The constraints a scalar keeps: a format's own pattern (Zod adds one) and int64 bounds go. */
function constraintsOf(schema: Schema, name: ScalarName): ScalarConstraints | undefined {
	const out: Record<string, unknown> = {};
	const own = SCALARS[name].jsonSchema as Record<string, unknown>;
	for (const key of CONSTRAINTS) {
		if (!(key in schema) || own[key] === schema[key]) continue;
		if (key === 'pattern' && name !== 'String') continue;
		if (name === 'Int' && key === 'maximum' && schema[key] === Number.MAX_SAFE_INTEGER) continue;
		if (name === 'Int' && key === 'minimum' && schema[key] === Number.MIN_SAFE_INTEGER) continue;
		out[key] = schema[key];
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

function description(schema: Schema): { description?: string } {
	return typeof schema.description === 'string' ? { description: schema.description } : {};
}

function annotations(schema: Schema): Schema {
	return Object.fromEntries(Object.entries(schema).filter(([k]) => ANNOTATIONS.has(k)));
}

function withoutAnnotations(schema: Schema): Schema {
	// The field carries the annotations; a named type keeps its own title.
	const { description: _d, ...rest } = withoutFieldAnnotations(schema);
	return rest;
}

/** Drops what only a field says (its default, examples, deprecation); a type's description stays. */
function withoutFieldAnnotations(schema: Schema): Schema {
	const { default: _v, examples: _e, deprecated: _x, ...rest } = schema;
	return rest;
}

/** A schema that becomes a named model or enum by its own title (written inline, not in `$defs`). */
function namesAType(schema: Schema): boolean {
	if (typeof schema.title !== 'string' || !IDENTIFIER.test(schema.title)) return false;
	return (
		schema.type === 'object' || Array.isArray(schema.enum) || documentedEnum(schema) !== undefined
	);
}

function pick(schema: Schema, keys: readonly string[]): Schema {
	return Object.fromEntries(keys.filter((k) => k in schema).map((k) => [k, schema[k]]));
}

/** A native model strips keys it does not declare; an open object stays JSON Schema. */
function isClosed(schema: Schema): boolean {
	return schema.additionalProperties === undefined || schema.additionalProperties === false;
}

function usesRef(schema: unknown): boolean {
	return JSON.stringify(schema).includes('"$ref"');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLiteral(value: unknown): value is string | number | boolean | null {
	return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Gives `WorkflowInstancePause` for `workflow.instance-pause`: the name a place gives a type. */
export function pascal(key: string): string {
	return key
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((w) => w[0]!.toUpperCase() + w.slice(1))
		.join('');
}
