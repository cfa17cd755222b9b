export type {
	ContextProvider,
	EventEnvelope,
	EventSource,
	ExecutorPort,
	Invocation,
	InvocationMetadata,
	InvocationResult,
	Principal,
	Problem,
} from './executor/executor-port.ts';
export { renderExplorerPage } from './http/graphiql-page.ts';
export {
	createGraphqlHandler,
	type GraphqlHandler,
	type GraphqlHandlerOptions,
} from './http/graphql-handler.ts';
export {
	type GraphqlParams,
	type GraphqlResponse,
	prepareOperation,
	runGraphqlRequest,
} from './http/graphql-request.ts';
export {
	checkQueryLimits,
	DEFAULT_LIMITS,
	measureQuery,
	type QueryLimits,
	type QueryMeasure,
	resolveLimits,
} from './limits/query-limits.ts';
export { problemToGraphqlError } from './problems/problem-error.ts';
export {
	createGraphqlSchema,
	type GraphqlContext,
	type GraphqlSchemaOptions,
	generateSdl,
} from './schema/graphql-schema.ts';
export { eventFieldName, operationsByField } from './schema/operation-fields.ts';
export { type SubscribableEvent, subscribableEvents } from './subscriptions/event-catalog.ts';
export { DEFAULT_STREAM_LIMITS, type StreamLimits } from './subscriptions/stream-limits.ts';
export {
	GRAPHQL_SCHEMA_ERROR_CODES,
	GraphqlSchemaError,
	type GraphqlSchemaErrorCode,
} from './types/graphql-schema-error.ts';
