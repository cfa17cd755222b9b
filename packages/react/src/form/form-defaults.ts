import type { FieldNode, TypeNode } from '@charter/schema';

/**
 * Gives the starting values of a model's form: each field's declared default, `false` for a
 * required yes/no (an unchecked box means no), `null` for a required nullable field (empty
 * means null), a literal's one value, and the same inside nested models. Given values win.
 */
export function formDefaults(node: TypeNode, given: unknown): unknown {
	if (node.kind !== 'model') return given;
	const out: Record<string, unknown> = {};
	for (const [name, field] of Object.entries(node.fields)) {
		const value = defaultOf(field);
		if (value !== undefined) out[name] = value;
	}
	if (typeof given !== 'object' || given === null) return out;
	for (const [name, value] of Object.entries(given)) {
		const field = node.fields[name];
		out[name] =
			field && !field.isArray && typeof value === 'object' && value !== null
				? formDefaults(field.type, value)
				: value;
	}
	return out;
}

function defaultOf(field: FieldNode): unknown {
	if (field.default !== undefined) return structuredClone(field.default);
	if (field.isArray) return undefined;
	const type = field.type;
	if (type.kind === 'literal') return type.value;
	if (field.isOptional) return undefined;
	if (field.isNullable) return null;
	if (type.kind === 'scalar' && type.name === 'Boolean') return false;
	if (type.kind === 'model') return formDefaults(type, undefined);
	return undefined;
}
