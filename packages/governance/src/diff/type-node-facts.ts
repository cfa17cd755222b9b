// Facts read off any type node that the walkers compare: its name and its description.
import type { TypeNode } from '@charter/schema';

/** Returns the description of a node that has one. */
export function descriptionOf(node: TypeNode): string | undefined {
	return 'description' in node ? node.description : undefined;
}

/** Returns the name of a named node (model, enum, union). */
export function nameOf(node: TypeNode): string | undefined {
	return node.kind === 'model' || node.kind === 'enum' || node.kind === 'union'
		? node.name
		: undefined;
}
