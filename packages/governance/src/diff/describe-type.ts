import type { TypeNode } from '@charter/schema';

/** Describes a type node in a few words, for findings: `Int`, `enum Status`, `list of Item`. */
export function describeType(node: TypeNode): string {
	switch (node.kind) {
		case 'scalar': {
			const c = node.constraints && Object.keys(node.constraints).length > 0;
			return c ? `${node.name} ${JSON.stringify(node.constraints)}` : node.name;
		}
		case 'enum':
			return `enum ${node.name}`;
		case 'model':
			return `model ${node.name}`;
		case 'array':
			return `list of ${describeType(node.items)}`;
		case 'record':
			return `record of ${describeType(node.values)}`;
		case 'union':
			return node.name
				? `union ${node.name}`
				: `union of ${node.variants.map(describeType).join(' | ')}`;
		case 'literal':
			return JSON.stringify(node.value);
		case 'json-schema':
			return node.name ? `JSON Schema ${node.name}` : 'JSON Schema';
	}
}
