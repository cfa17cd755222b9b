// Object and array schemas: closed models, string-keyed records and lists, and the inline models
// they declare.
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { pascalCase } from './naming.ts';
import { descriptionOf } from './schema-annotations.ts';
import { JSON_ANY, type SchemaScope, type SchemaSite, withNull } from './schema-scope.ts';
import type { Decl, Expr, FieldExpr } from './type-expr.ts';

/** Converts an array schema; a tuple (`items` as a list) is an array of any JSON. */
export function convertArray(scope: SchemaScope, schema: JsonObject, site: SchemaSite): Expr {
	const items =
		schema.items === undefined || Array.isArray(schema.items)
			? { expr: JSON_ANY, nullable: false }
			: scope.convert(schema.items, {
					...site,
					pointer: child(site.pointer, 'items'),
					hint: `${site.hint}Item`,
				});
	return {
		kind: 'array',
		items: withNull(items),
		...(typeof schema.minItems === 'number' ? { minItems: schema.minItems } : {}),
		...(typeof schema.maxItems === 'number' ? { maxItems: schema.maxItems } : {}),
	};
}

/** Converts an object schema to a model, a record of its `additionalProperties`, or any object. */
export function convertObject(scope: SchemaScope, schema: JsonObject, site: SchemaSite): Expr {
	const properties = isObject(schema.properties) ? schema.properties : undefined;
	const extra = schema.additionalProperties;
	if (!properties || Object.keys(properties).length === 0) {
		if (isObject(extra)) {
			const values = scope.convert(extra, {
				...site,
				pointer: child(site.pointer, 'additionalProperties'),
				hint: `${site.hint}Value`,
			});
			return { kind: 'record', values: withNull(values) };
		}
		if (extra === false) return { kind: 'ref', decl: inlineModel(scope, site, {}, schema) };
		return { kind: 'scalar', name: 'JSONObject' };
	}
	if (extra !== undefined && extra !== false) {
		scope.note(
			'normalized',
			site,
			'`additionalProperties` beside `properties`: Charter models are closed, extra keys are not described',
		);
	}
	const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
	const fields: Record<string, FieldExpr> = {};
	for (const [prop, value] of Object.entries(properties)) {
		if (
			isUnsafe(scope, prop, { file: site.file, pointer: child(site.pointer, 'properties', prop) })
		)
			continue;
		fields[prop] = scope.field(
			value,
			{
				...site,
				pointer: child(site.pointer, 'properties', prop),
				hint: `${site.hint}${pascalCase(prop)}`,
			},
			required.has(prop),
		);
	}
	return { kind: 'ref', decl: inlineModel(scope, site, fields, schema) };
}

/** Declares the model a site's object schema becomes, in the site's module. */
export function inlineModel(
	scope: SchemaScope,
	site: SchemaSite,
	fields: Record<string, FieldExpr>,
	schema: JsonObject,
): Decl {
	return scope.newDecl({
		kind: 'model',
		name: scope.inlineName(site, schema),
		module: site.module,
		fields,
		...descriptionOf(schema),
	});
}

/** Skips (and reports) a property name that would turn into an object's prototype. */
export function isUnsafe(
	scope: SchemaScope,
	name: string,
	site: Pick<SchemaSite, 'file' | 'pointer'>,
): boolean {
	if (name !== '__proto__') return false;
	scope.note(
		'skipped',
		site,
		'a property named __proto__ cannot be a field (and Charter refuses it in input)',
	);
	return true;
}
