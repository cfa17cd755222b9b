/** Codes of faults found while building the GraphQL schema from the contracts. */
export const GRAPHQL_SCHEMA_ERROR_CODES = {
	CHARTER_GRAPHQL_NAME_CONFLICT:
		'Two different types (or an input and an output type) map to the same GraphQL type name. Rename one model.',
	CHARTER_GRAPHQL_INVALID_NAME:
		'A model field or type name is not a valid GraphQL name (letters, digits, underscore; not starting with "__").',
	CHARTER_WIRE_NAME_COLLISION:
		'Two operations or events claim the same GraphQL field. Rename one or override its transport names.',
} as const;

/** A code from {@link GRAPHQL_SCHEMA_ERROR_CODES}. */
export type GraphqlSchemaErrorCode = keyof typeof GRAPHQL_SCHEMA_ERROR_CODES;

/** Signals that the contracts cannot be served as GraphQL; `where` names the type or field. */
export class GraphqlSchemaError extends Error {
	override readonly name = 'GraphqlSchemaError';
	constructor(
		readonly code: GraphqlSchemaErrorCode,
		readonly where: string,
		readonly reason: string,
	) {
		super(`[${code}] ${where}: ${reason}. ${GRAPHQL_SCHEMA_ERROR_CODES[code]}`);
	}
}
