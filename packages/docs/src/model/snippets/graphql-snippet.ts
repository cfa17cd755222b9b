import type { TypeNode } from '@charter/schema';
import type { OperationSpec, WireNames } from '@charter/spec';

/** Writes the GraphQL operation of a call and its variables (as JSON). */
export function graphqlDocument(
	spec: OperationSpec,
	wire: WireNames,
	input: unknown,
): { readonly document: string; readonly variables: string } {
	const operation = wire.graphql.type === 'Query' ? 'query' : 'mutation';
	const field = wire.graphql.field;
	const opName = field[0]!.toUpperCase() + field.slice(1);
	const inputType = 'name' in spec.io.input && spec.io.input.name ? spec.io.input.name : 'JSON';
	const selection = selectionSet(spec.io.output, 1);
	return {
		document: [
			`${operation} ${opName}($input: ${inputType}!) {`,
			`  ${field}(input: $input)${selection ? ` ${selection}` : ''}`,
			'}',
		].join('\n'),
		variables: JSON.stringify({ input }, null, 2),
	};
}

/** Selects leaf fields, and nested models two levels deep; unions need fragments and are left out. */
function selectionSet(node: TypeNode, depth: number): string {
	const target = node.kind === 'array' ? node.items : node;
	if (target.kind !== 'model') return '';
	const pad = '  '.repeat(depth + 1);
	const lines: string[] = [];
	for (const [name, field] of Object.entries(target.fields)) {
		const type = field.type.kind === 'array' ? field.type.items : field.type;
		if (type.kind === 'model') {
			if (depth < 2) lines.push(`${pad}${name} ${selectionSet(type, depth + 1)}`);
		} else if (type.kind !== 'union') {
			lines.push(`${pad}${name}`);
		}
	}
	return lines.length > 0 ? `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}` : '';
}
