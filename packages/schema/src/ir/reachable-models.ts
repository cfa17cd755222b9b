import { type ModelNode, recursionTarget, type TypeNode } from './type-node.ts';

/**
 * Lists every model reachable from the given types (through fields, list items, union
 * variants, record values and references back to a recursive type), each node once, in the
 * order first reached.
 */
export function reachableModels(roots: Iterable<TypeNode>): ModelNode[] {
	const models: ModelNode[] = [];
	const seen = new Set<TypeNode>();
	const visit = (node: TypeNode): void => {
		if (seen.has(node)) return;
		seen.add(node);
		switch (node.kind) {
			case 'model':
				models.push(node);
				for (const field of Object.values(node.fields)) visit(field.type);
				return;
			case 'array':
				visit(node.items);
				return;
			case 'union':
				for (const variant of node.variants) visit(variant);
				return;
			case 'record':
				visit(node.values);
				return;
			case 'json-schema': {
				const target = recursionTarget(node);
				if (target) visit(target);
				return;
			}
			default:
				return;
		}
	};
	for (const root of roots) visit(root);
	return models;
}
