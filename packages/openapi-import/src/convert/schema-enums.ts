// Enumerations and constants: a list of distinct strings is an enum declaration, anything else
// a literal or a union of literals.
import type { JsonObject } from '../document/openapi-source.ts';
import { descriptionOf } from './schema-annotations.ts';
import { type Converted, JSON_ANY, type SchemaScope, type SchemaSite } from './schema-scope.ts';
import type { Expr } from './type-expr.ts';

/** Converts an `enum`: distinct non-empty strings declare an enum; a `null` value makes it nullable. */
export function convertEnum(
	scope: SchemaScope,
	schema: JsonObject,
	site: SchemaSite,
	nullable: boolean,
): Converted {
	const all = schema.enum as unknown[];
	const values = all.filter((v) => v !== null);
	const hasNull = values.length < all.length;
	const strings =
		values.length > 0 &&
		values.every((v) => typeof v === 'string' && v.length > 0) &&
		new Set(values).size === values.length;
	if (!strings) {
		const literals = values.map((value) => literalOf(value, site, scope, false).expr);
		const expr: Expr =
			literals.length === 1
				? literals[0]!
				: literals.length === 0
					? JSON_ANY
					: { kind: 'union', variants: literals };
		return { expr, nullable: nullable || hasNull };
	}
	const decl = scope.newDecl({
		kind: 'enum',
		name: scope.inlineName(site),
		module: site.module,
		values: values as string[],
		...descriptionOf(schema),
	});
	return { expr: { kind: 'ref', decl }, nullable: nullable || hasNull };
}

/** Converts a `const` (or an enum value) to a literal; a non-scalar is any JSON (reported). */
export function literalOf(
	value: unknown,
	site: SchemaSite,
	converter: SchemaScope,
	nullable: boolean,
): Converted {
	if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
		return {
			expr: { kind: 'literal', value: value as string | number | boolean | null },
			nullable,
		};
	}
	converter.note(
		'fallback',
		site,
		`constant ${JSON.stringify(value)} is not a scalar; typed as any JSON`,
	);
	return { expr: JSON_ANY, nullable };
}
