import type { ScalarConstraints, ScalarNode, TypeNode } from './type-node.ts';

/** True when the node is the `File` scalar. */
export function isFileType(node: TypeNode): node is ScalarNode {
	return node.kind === 'scalar' && node.name === 'File';
}

/**
 * The `File` fields of an operation input, by name, with their constraints (`maxBytes`,
 * `mediaTypes`): top-level members of an object input, single or lists. Empty for most inputs.
 */
export function fileFields(input: TypeNode): Map<string, ScalarConstraints | undefined> {
	const files = new Map<string, ScalarConstraints | undefined>();
	if (input.kind !== 'model') return files;
	for (const [name, field] of Object.entries(input.fields)) {
		if (isFileType(field.type)) files.set(name, field.type.constraints);
	}
	return files;
}

/**
 * True when a `File` is anywhere in the node (nested models, lists, unions, records): where a
 * file cannot travel (outputs, nested members, GraphQL, MCP), this is what is checked.
 */
export function containsFile(node: TypeNode, seen = new Set<TypeNode>()): boolean {
	if (seen.has(node)) return false;
	seen.add(node);
	switch (node.kind) {
		case 'scalar':
			return node.name === 'File';
		case 'model':
			return Object.values(node.fields).some((f) => containsFile(f.type, seen));
		case 'array':
			return containsFile(node.items, seen);
		case 'union':
			return node.variants.some((v) => containsFile(v, seen));
		case 'record':
			return containsFile(node.values, seen);
		default:
			return false;
	}
}
