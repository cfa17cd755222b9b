// A scalar node seen as JSON Schema: its base schema with its constraints, and what it accepts.
import { SCALARS, type ScalarNode } from '@charter/schema';

/** Returns the JSON Schema of a scalar: its base schema merged with the node's constraints. */
export function scalarSchema(node: ScalarNode): Record<string, unknown> {
	return { ...SCALARS[node.name].jsonSchema, ...node.constraints };
}

/** Whether a scalar's base type takes a value (constraints make it a false positive at worst). */
export function scalarAccepts(node: ScalarNode, value: unknown): boolean {
	const schema = scalarSchema(node);
	if (schema.format !== undefined || schema.pattern !== undefined) return false;
	switch (schema.type) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number';
		case 'integer':
			return Number.isInteger(value);
		case 'boolean':
			return typeof value === 'boolean';
		default:
			return false;
	}
}
