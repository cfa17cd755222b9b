import {
	createJsonSchemaEmitter,
	isObjectRoot,
	JSON_SCHEMA_DIALECT,
	type JsonSchema,
	type TypeNode,
	toJsonSchema,
} from '@charter/schema';

/** The JSON Schema of an RFC 9457 problem, as failing tool calls return it. */
export const PROBLEM_SCHEMA: JsonSchema = {
	type: 'object',
	title: 'Problem',
	description: 'An RFC 9457 problem: why the call failed.',
	properties: {
		type: { type: 'string' },
		title: { type: 'string' },
		status: { type: 'integer', minimum: 400, maximum: 599 },
		code: { type: 'string' },
		detail: { type: 'string' },
		traceId: { type: 'string' },
		issues: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					path: { type: 'string' },
					code: { type: 'string' },
					message: { type: 'string' },
				},
				required: ['path', 'code', 'message'],
			},
		},
		data: {},
	},
	required: ['type', 'title', 'status', 'code'],
};

/**
 * Gives a tool's `inputSchema`: the contract's JSON Schema 2020-12 when its root is an
 * object; otherwise the input wrapped as `{ input: <schema> }` (MCP requires an object).
 */
export function toolInputSchema(node: TypeNode): { schema: JsonSchema; wrapped: boolean } {
	const schema = toJsonSchema(node);
	if (isObjectRoot(node)) return { schema, wrapped: false };
	return { schema: wrap(schema, 'input'), wrapped: true };
}

/**
 * Gives a tool's `outputSchema`: the contract's output (wrapped as `{ result: <schema> }` when
 * its root is not an object) or, for a failed call (`isError: true`), a problem document.
 * Both are declared so clients that check `structuredContent` accept either outcome.
 */
export function toolOutputSchema(node: TypeNode): { schema: JsonSchema; wrapped: boolean } {
	const emitter = createJsonSchemaEmitter();
	const wrapped = !isObjectRoot(node);
	const success = emitter.emit(node);
	const defs = emitter.definitions();
	const branch: JsonSchema = wrapped
		? {
				type: 'object',
				properties: { result: success },
				required: ['result'],
				additionalProperties: false,
			}
		: success;
	return {
		schema: {
			$schema: JSON_SCHEMA_DIALECT,
			type: 'object',
			anyOf: [branch, { $ref: '#/$defs/Problem' }],
			$defs: { ...defs, Problem: PROBLEM_SCHEMA },
		},
		wrapped,
	};
}

function wrap(schema: JsonSchema, property: string): JsonSchema {
	const { $schema, $defs, ...body } = schema;
	return {
		$schema: $schema ?? JSON_SCHEMA_DIALECT,
		type: 'object',
		properties: { [property]: body },
		required: [property],
		additionalProperties: false,
		...($defs ? { $defs } : {}),
	};
}
