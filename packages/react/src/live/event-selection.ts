import type { ModelNode, TypeNode } from '@charter/schema';
import { graphqlFieldName } from '@charter/spec';

type Selector = (node: never, seen: ReadonlySet<ModelNode>) => string;

const leaf = () => '';
const isObjectModel = (node: TypeNode): node is ModelNode =>
	node.kind === 'model' && Object.keys(node.fields).length > 0;

/*
 * The selection of a type as the GraphQL surface maps it: a model with fields is an object
 * type (select every field), an output union of such models is a GraphQL union (one inline
 * fragment per model), and every other kind is a scalar or an enum (no selection).
 */
const selectors: { [K in TypeNode['kind']]: Selector } = {
	scalar: leaf,
	enum: leaf,
	literal: leaf,
	record: leaf,
	'json-schema': leaf,
	array: (node: TypeNode & { kind: 'array' }, seen) => selectionOf(node.items, seen),
	model: (node: ModelNode, seen) => {
		if (!isObjectModel(node)) return '';
		const inner = new Set(seen).add(node);
		const fields = Object.entries(node.fields)
			// A model met again inside itself is left out: the selection must end.
			.filter(([, field]) => !(field.type.kind === 'model' && seen.has(field.type)))
			.map(([name, field]) => name + selectionOf(field.type, inner));
		return ` { ${fields.join(' ')} }`;
	},
	union: (node: TypeNode & { kind: 'union' }, seen) => {
		if (!node.variants.every(isObjectModel)) return '';
		const fragments = (node.variants as ModelNode[]).map(
			(variant) => `... on ${variant.name}${selectionOf(variant, seen)}`,
		);
		return ` { __typename ${fragments.join(' ')} }`;
	},
};

function selectionOf(node: TypeNode, seen: ReadonlySet<ModelNode>): string {
	return (selectors[node.kind] as (node: TypeNode, seen: ReadonlySet<ModelNode>) => string)(
		node,
		seen,
	);
}

/**
 * Gives the GraphQL subscription document of an event: its field (`workflowInstancePaused`,
 * `…V2` from major 2) with every field of its payload selected.
 *
 * @example eventSubscription('workflow.instance.paused', '1.0.0', WorkflowInstanceModel)
 * // 'subscription { workflowInstancePaused { id status … } }'
 */
export function eventSubscription(key: string, version: string, payload: TypeNode): string {
	return `subscription { ${graphqlFieldName(key, version)}${selectionOf(payload, new Set())} }`;
}
