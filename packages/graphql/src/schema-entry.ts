/*
 * The GraphQL schema of a registry alone (`@charter/graphql/schema`), without the HTTP handler
 * and what it loads (graphql-sse, query limits, GraphiQL, the runtime's executor): for tools
 * that describe or compare schemas, such as governance's diff.
 */

export {
	createGraphqlSchema,
	type GraphqlSchemaOptions,
	generateSdl,
} from './schema/graphql-schema.ts';
export { eventFieldName } from './schema/operation-fields.ts';
