export {
	type AnyOperation,
	type CallOptions,
	type Client,
	type ClientMethod,
	type ClientOptions,
	type ClientTree,
	createClient,
} from '@charter/client';
export { isProblem, type Problem, ProblemError } from '@charter/runtime';
export { generateClientSdk, type SdkOptions } from './client/sdk-generator.ts';
export { createFetchHandler, fromFetchRequest, toResponse } from './fetch/fetch-handler.ts';
export {
	createRestHandler,
	type RestHandler,
	type RestHandlerOptions,
} from './handler/rest-handler.ts';
export type { CorsOptions } from './http/cors.ts';
export { deprecationHeaders } from './http/deprecation-headers.ts';
export type { BodyResult, RestRequest, RestResponse } from './http/rest-message.ts';
export { atPath, type NodeMount } from './node/node-mounts.ts';
export {
	fromNodeRequest,
	type NodeRequestOptions,
	writeNodeResponse,
} from './node/node-request.ts';
export {
	createNodeServer,
	createRestServer,
	DEFAULT_SERVER_TIMEOUTS,
	type NodeHttpServer,
	type NodeServerOptions,
	type RestServer,
	type RestServerOptions,
	type ServerTimeouts,
} from './node/node-server.ts';
export {
	type OpenApiDocument,
	type OpenApiOptions,
	toOpenApi,
} from './openapi/openapi-export.ts';
export {
	createRestRouter,
	DEFAULT_BODY_LIMIT,
	problemResponse,
	type RestOptions,
	type RestRouter,
} from './router/rest-router.ts';
