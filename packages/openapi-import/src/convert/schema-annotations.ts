// The documentation a schema carries (description, default, deprecation, examples), as it is
// copied onto declarations and fields.
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import type { FieldExpr } from './type-expr.ts';

/** Gives a schema's non-blank description, ready to spread into a declaration. */
export function descriptionOf(schema: unknown): { description?: string } {
	return isObject(schema) && typeof schema.description === 'string' && schema.description.trim()
		? { description: schema.description }
		: {};
}

/** Description, default, deprecation and examples of a schema, as field annotations. */
export function annotations(schema: JsonObject): Partial<FieldExpr> {
	const examples = Array.isArray(schema.examples)
		? schema.examples
		: schema.example !== undefined
			? [schema.example]
			: undefined;
	return {
		...descriptionOf(schema),
		...(schema.default !== undefined ? { default: schema.default } : {}),
		...(schema.deprecated === true ? { deprecated: true } : {}),
		...(examples && examples.length > 0 ? { examples } : {}),
	};
}
