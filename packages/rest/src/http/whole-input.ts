import { type TypeNode, toJsonSchema } from '@charter/schema';

/*
 * REST carries an object input member by member: query parameters, body members, path
 * parameters. Any other input (a string, a number, a list...) travels whole: as the JSON body
 * of a command, or as the `input` query parameter of a query (repeated for a list), the name
 * MCP wraps such an input in too.
 */

/** The query parameter that carries a query's whole input when it is not an object. */
export const WHOLE_INPUT_PARAMETER = 'input';

/** Tells whether an input is an object, carried member by member. */
export function isObjectInput(node: TypeNode): boolean {
	let known = objectInputs.get(node);
	if (known === undefined) {
		known = toJsonSchema(node).type === 'object';
		objectInputs.set(node, known);
	}
	return known;
}

const objectInputs = new WeakMap<TypeNode, boolean>();
