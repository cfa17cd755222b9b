// Composed schemas: `allOf` flattened into one model, `oneOf` / `anyOf` as unions.
import { child, lastSegment } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { pascalCase } from './naming.ts';
import { inlineModel, isUnsafe } from './schema-objects.ts';
import type { Converted, SchemaScope, SchemaSite } from './schema-scope.ts';
import type { Decl, Expr, FieldExpr } from './type-expr.ts';

interface PropertySource {
	readonly schema: unknown;
	readonly file: string;
	readonly pointer: string;
}

/** Keywords that describe a schema without constraining it. */
const ANNOTATIONS = new Set([
	'description',
	'title',
	'example',
	'examples',
	'default',
	'deprecated',
	'externalDocs',
	'readOnly',
	'writeOnly',
	'nullable',
	'xml',
	'$comment',
]);

/** Tells whether a schema only annotates (`{ description }`): it adds no constraint to an allOf. */
function annotatesOnly(member: unknown): boolean {
	return (
		isObject(member) &&
		member.$ref === undefined &&
		Object.keys(member).every((key) => ANNOTATIONS.has(key) || key.startsWith('x-'))
	);
}

/**
 * Converts an `allOf`. Members that only annotate (`{ description }`, `{ nullable: true }`)
 * add no constraint; when one constraining member is left (and no `properties` beside the
 * allOf), the type is that member's, nullable when it or an annotation allows null. More are
 * merged into one model.
 */
export function convertAllOf(scope: SchemaScope, schema: JsonObject, site: SchemaSite): Converted {
	const members = schema.allOf as unknown[];
	const constraining = members
		.map((member, i) => ({ member, i }))
		.filter(({ member }) => !annotatesOnly(member));
	const annotatedNull = members.some((m) => isObject(m) && m.nullable === true);
	if (constraining.length === 1 && schema.properties === undefined) {
		const { member, i } = constraining[0]!;
		const converted = scope.convert(member, { ...site, pointer: child(site.pointer, 'allOf', i) });
		return { expr: converted.expr, nullable: converted.nullable || annotatedNull };
	}
	// Merge every member's properties into one closed model (inheritance is flattened).
	const props = new Map<string, PropertySource>();
	const required = new Set<string>();
	collect(scope, schema, site.file, site.pointer, props, required, site, 0);
	scope.note('normalized', site, 'allOf is flattened into one model');
	const fields: Record<string, FieldExpr> = {};
	for (const [prop, from] of props) {
		if (isUnsafe(scope, prop, from)) continue;
		fields[prop] = scope.field(
			from.schema,
			{
				...site,
				file: from.file,
				pointer: from.pointer,
				hint: `${site.hint}${pascalCase(prop)}`,
			},
			required.has(prop),
		);
	}
	return { expr: { kind: 'ref', decl: inlineModel(scope, site, fields, schema) }, nullable: false };
}

function collect(
	scope: SchemaScope,
	schema: JsonObject,
	file: string,
	pointer: string,
	props: Map<string, PropertySource>,
	required: Set<string>,
	site: SchemaSite,
	depth: number,
): void {
	if (depth > 32) {
		scope.note('fallback', { file, pointer }, 'allOf nests too deep; the rest is left out');
		return;
	}
	if (isObject(schema.properties)) {
		for (const [prop, value] of Object.entries(schema.properties)) {
			props.set(prop, { schema: value, file, pointer: child(pointer, 'properties', prop) });
		}
	}
	if (Array.isArray(schema.required)) for (const r of schema.required) required.add(String(r));
	if (!Array.isArray(schema.allOf)) return;
	schema.allOf.forEach((member, i) => {
		const target = scope.source.deref(member, file, child(pointer, 'allOf', i));
		const value = target.value;
		if (!isObject(value) || annotatesOnly(value)) return;
		const isObjectLike =
			isObject(value.properties) || value.type === 'object' || Array.isArray(value.allOf);
		if (!isObjectLike) {
			scope.note(
				'fallback',
				{ file: target.file, pointer: target.pointer },
				'allOf member is not an object; it is left out of the merged model',
			);
			return;
		}
		collect(scope, value, target.file, target.pointer, props, required, site, depth + 1);
	});
}

/** Converts a `oneOf` / `anyOf` to a union; `null` members make it nullable instead. */
export function convertUnion(
	scope: SchemaScope,
	schema: JsonObject,
	keyword: 'oneOf' | 'anyOf',
	site: SchemaSite,
	nullable: boolean,
): Converted {
	const list = schema[keyword] as unknown[];
	let isNull = nullable;
	const variants: Expr[] = [];
	list.forEach((member, i) => {
		if (isObject(member) && member.type === 'null') {
			isNull = true;
			return;
		}
		const converted = scope.convert(member, {
			...site,
			pointer: child(site.pointer, keyword, i),
			hint: `${site.hint}${i + 1}`,
		});
		if (converted.nullable) isNull = true;
		variants.push(converted.expr);
	});
	const discriminator = discriminatorOf(scope, schema.discriminator, list, variants, site);
	if (schema.discriminator !== undefined && discriminator === undefined) {
		scope.note(
			'dropped',
			site,
			'`discriminator` is not kept: it is kept only when every variant is a model with a required string field of that name and one distinct value selects each (its `const` or one-value `enum`, else its `mapping` value, else its component name), and every mapping entry names a variant; variants are told apart by their shape',
		);
	}
	// A kept discriminator selects exactly one variant (oneOf with discriminator in JSON Schema).
	if (keyword === 'oneOf' && variants.length > 1 && discriminator === undefined) {
		scope.note('normalized', site, 'oneOf becomes a union (anyOf): exclusivity is not checked');
	}
	if (variants.length === 0) return { expr: { kind: 'literal', value: null }, nullable: false };
	if (variants.length === 1) return { expr: variants[0]!, nullable: isNull };
	return {
		expr: { kind: 'union', variants, ...(discriminator ? { discriminator } : {}) },
		nullable: isNull,
	};
}

/**
 * The discriminator property of a union, when Charter can keep it: every variant is a model
 * with a required field of that name whose value selects it, one value per variant, all
 * distinct. The value is the field's own single string (a `const`, or a one-value `enum`,
 * which becomes that literal); for a plain `type: string` field it is the one value the
 * `mapping` gives the variant, else (OpenAPI's implicit mapping) the name of the component the
 * variant refers to, and the field becomes that literal in a model of the union's own (see
 * `narrowVariant`). A mapping that disagrees with a variant's own value, or names a schema that
 * is not a variant, keeps nothing.
 */
function discriminatorOf(
	scope: SchemaScope,
	discriminator: unknown,
	members: readonly unknown[],
	variants: Expr[],
	site: SchemaSite,
): string | undefined {
	if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return undefined;
	const property = discriminator.propertyName;
	// The mapping's values per variant (declaration name).
	const mapped = new Map<string, string[]>();
	const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
	for (const [value, ref] of Object.entries(mapping)) {
		if (typeof ref !== 'string') return undefined;
		// A mapping names a schema by ref (`#/components/schemas/Dog`) or by name (`Dog`).
		const target = ref.includes('/') || ref.includes('#') ? ref : `#/components/schemas/${ref}`;
		const converted = scope.convert({ $ref: target }, site);
		if (converted.expr.kind !== 'ref') return undefined;
		const name = converted.expr.decl.name;
		mapped.set(name, [...(mapped.get(name) ?? []), value]);
	}
	const seen = new Set<string>();
	const narrowed: { index: number; decl: ModelDecl; value: string }[] = [];
	for (const [i, variant] of variants.entries()) {
		const decl = variant.kind === 'ref' ? variant.decl : undefined;
		const field = decl?.kind === 'model' ? decl.fields[property] : undefined;
		if (decl?.kind !== 'model' || !field || field.isOptional || field.isArray) return undefined;
		const own = singleValue(field.type);
		const given = mapped.get(decl.name);
		mapped.delete(decl.name);
		let value: string | undefined;
		if (own !== undefined) {
			if (given && (given.length !== 1 || given[0] !== own)) return undefined;
			value = own;
		} else if (field.type.kind === 'scalar' && field.type.name === 'String') {
			value = given ? (given.length === 1 ? given[0] : undefined) : componentName(members[i]);
		}
		if (value === undefined || seen.has(value)) return undefined;
		seen.add(value);
		if (field.type.kind !== 'literal') narrowed.push({ index: i, decl, value });
	}
	// Every mapping entry names a variant.
	if (mapped.size > 0) return undefined;
	for (const { index, decl, value } of narrowed) {
		variants[index] = narrowVariant(scope, members[index], decl, property, value, site);
	}
	return property;
}

type ModelDecl = Extract<Decl, { kind: 'model' }>;

/** The narrowed copies of shared models, per model and discriminator value (see `narrowVariant`). */
const narrowedCopies = new WeakMap<Decl, Map<string, ModelDecl>>();

/**
 * The variant a discriminator on a plain string field selects by `value`: the field becomes
 * that literal. An inline model written in the union is its own and is narrowed in place; any
 * other model (a component, which other unions or operations may use with another value or as
 * a plain string) is left as it is, and the union uses a copy of it named `<Model>As<Value>`
 * (`DogAsCanine`), one per model, property and value, shared by the unions that agree on it.
 */
function narrowVariant(
	scope: SchemaScope,
	member: unknown,
	decl: ModelDecl,
	property: string,
	value: string,
	site: SchemaSite,
): Expr {
	const narrowedField = (fields: Record<string, FieldExpr>): FieldExpr => ({
		...fields[property]!,
		type: { kind: 'literal', value },
	});
	const ownInline = isObject(member) && member.$ref === undefined && isObject(member.properties);
	if (ownInline) {
		decl.fields[property] = narrowedField(decl.fields);
		return { kind: 'ref', decl };
	}
	const copies = narrowedCopies.get(decl) ?? new Map<string, ModelDecl>();
	narrowedCopies.set(decl, copies);
	const key = JSON.stringify([property, value]);
	let copy = copies.get(key);
	if (copy === undefined) {
		// A fresh name (never the claimed name of the component being converted).
		const hint = `${decl.name}As${pascalCase(value)}`;
		const name = scope.inlineName({
			file: site.file,
			pointer: site.pointer,
			module: decl.module,
			hint,
		});
		copy = scope.newDecl({
			kind: 'model',
			name,
			module: decl.module,
			fields: { ...decl.fields, [property]: narrowedField(decl.fields) },
			...(decl.description !== undefined ? { description: decl.description } : {}),
		});
		copies.set(key, copy);
	}
	return { kind: 'ref', decl: copy };
}

/** The component a `$ref` names (`#/components/schemas/Dog` gives `Dog`), for an implicit mapping. */
function componentName(member: unknown): string | undefined {
	if (!isObject(member) || typeof member.$ref !== 'string') return undefined;
	return /#\/components\/schemas\/[^/]+$/.test(member.$ref) ? lastSegment(member.$ref) : undefined;
}

/** The one string a type allows: a string literal, or a one-value enum. */
function singleValue(type: Expr): string | undefined {
	if (type.kind === 'literal') return typeof type.value === 'string' ? type.value : undefined;
	if (type.kind === 'ref' && type.decl.kind === 'enum' && type.decl.values.length === 1)
		return type.decl.values[0];
	return undefined;
}
