import type { TypeNode } from '../ir/type-node.ts';
import { toJsonSchema } from './json-schema-emitter.ts';

/**
 * Tells whether a type's JSON Schema is an object at its root (a model, a record). Surfaces
 * carry such an input member by member; any other (a string, a list, a union, whose schema is
 * a `oneOf`/`anyOf`) travels whole: REST's body or `input` parameter, MCP's `{ input }`
 * wrapper. Worked out once per (frozen) node.
 */
export function isObjectRoot(node: TypeNode): boolean {
	let known = objectRoots.get(node);
	if (known === undefined) {
		known = toJsonSchema(node).type === 'object';
		objectRoots.set(node, known);
	}
	return known;
}

const objectRoots = new WeakMap<TypeNode, boolean>();

/**
 * Tells whether an input may be left out altogether: a model none of whose fields is
 * required. Every surface then reads an absent input as `{}` (REST: no body or parameters,
 * GraphQL: no `input` argument, MCP: no arguments).
 */
export function mayOmitInput(node: TypeNode): boolean {
	return node.kind === 'model' && Object.values(node.fields).every((field) => field.isOptional);
}
