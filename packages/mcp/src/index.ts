export type {
	ContextProvider,
	ExecutorPort,
	Invocation,
	InvocationMetadata,
	InvocationResult,
	Principal,
	Problem,
} from './executor/executor-port.ts';
export {
	createMcpHandler,
	createMcpHttpHandler,
	type McpHandlerOptions,
	type McpHttpOptions,
	type NodeHandler,
} from './http/mcp-http-handler.ts';
export {
	type ContractResource,
	contractResources,
	type DocsRenderer,
} from './resources/contract-resources.ts';
export {
	createMcpCatalog,
	createMcpServer,
	type McpCatalog,
	type McpServerOptions,
} from './server/mcp-server.ts';
export { connectGuarded } from './server/params-guard.ts';
export { serveMcpStdio } from './stdio/mcp-stdio.ts';
export { buildToolCatalog, McpToolNameCollision, type ToolBinding } from './tools/tool-catalog.ts';
export { PROBLEM_SCHEMA, toolInputSchema, toolOutputSchema } from './tools/tool-schemas.ts';
