import type { FieldNode, TypeNode } from '@charter/schema';

/**
 * Makes a copy of a type in which every model field, at any depth, is optional: the shape an
 * example's expected output is checked against (it names only the fields it cares about,
 * but each of those must still have the right type, enum value and format).
 */
export function partialType(node: TypeNode): TypeNode {
	switch (node.kind) {
		case 'model': {
			const fields: Record<string, FieldNode> = {};
			for (const [name, field] of Object.entries(node.fields)) {
				fields[name] = { ...field, isOptional: true, type: partialType(field.type) };
			}
			return { ...node, fields };
		}
		case 'array':
			return { ...node, items: partialType(node.items), minItems: undefined };
		case 'record':
			return { ...node, values: partialType(node.values) };
		case 'union':
			return { ...node, variants: node.variants.map(partialType) };
		default:
			return node;
	}
}
