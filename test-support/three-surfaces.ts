import { createGraphqlHandler, type GraphqlHandler } from '@charter/graphql';
import { createMcpHttpHandler } from '@charter/mcp';
import { createFetchHandler } from '@charter/rest';
import type { Executor } from '@charter/runtime';
import { type OperationSpec, wireNames } from '@charter/spec';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { serveNode, type TestServer } from './node-server.ts';

/** What a GraphQL call answered: the HTTP response's status and headers, and its JSON. */
export interface GraphqlAnswer {
	readonly status: number;
	readonly headers: Headers;
	readonly body: { data?: any; errors?: any[] };
}

/** One executor served on REST (fetch), GraphQL (fetch) and MCP (over HTTP, a real client). */
export interface ThreeSurfaces {
	/** The REST call of an operation on its declared route: a query's input goes in the query string. */
	rest(
		operation: OperationSpec,
		input?: unknown,
		headers?: Record<string, string>,
	): Promise<Response>;
	/** A raw REST request, for what `rest` does not cover. */
	restFetch(request: Request): Promise<Response>;
	/** A GraphQL document. */
	graphql(document: string, variables?: Record<string, unknown>): Promise<GraphqlAnswer>;
	readonly graphqlHandler: GraphqlHandler;
	/** The MCP tool call of an operation. */
	mcp(operation: OperationSpec, args?: Record<string, unknown>): ReturnType<Client['callTool']>;
	readonly mcpClient: Client;
	close(): Promise<void>;
}

/**
 * Serves `makeExecutor()` on the three surfaces, each over its own executor (as separate
 * processes would be) made by the same factory, so a test states one behaviour and checks it on
 * REST, GraphQL and MCP alike.
 *
 * @example
 * const surfaces = await serveThreeSurfaces(() => createExecutor({ bindings }));
 * afterAll(() => surfaces.close());
 * const result = await surfaces.mcp(Submit, { id: 'x' });
 */
export async function serveThreeSurfaces(makeExecutor: () => Executor): Promise<ThreeSurfaces> {
	const restHandler = createFetchHandler(makeExecutor());
	const graphqlExecutor = makeExecutor();
	const graphqlHandler = createGraphqlHandler(graphqlExecutor.registry, {
		executor: graphqlExecutor,
	});
	const mcpExecutor = makeExecutor();
	const mcpHandler = createMcpHttpHandler(mcpExecutor, mcpExecutor.registry);
	const server: TestServer = await serveNode((req, res) => void mcpHandler(req, res));
	const mcpClient = new Client({ name: 'three-surfaces', version: '1.0.0' });
	await mcpClient.connect(new StreamableHTTPClientTransport(new URL(`${server.origin}/mcp`)));
	return {
		rest(operation, input, headers = {}) {
			const { method, path } = wireNames(operation).rest;
			if (method === 'GET') {
				const query = new URLSearchParams(
					Object.entries((input ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
				).toString();
				return restHandler(
					new Request(`http://api.example.com${path}${query ? `?${query}` : ''}`, { headers }),
				);
			}
			return restHandler(
				new Request(`http://api.example.com${path}`, {
					method,
					headers: { 'content-type': 'application/json', ...headers },
					body: input === undefined ? undefined : JSON.stringify(input),
				}),
			);
		},
		restFetch: (request) => restHandler(request),
		async graphql(document, variables) {
			const response = await graphqlHandler.fetch(
				new Request('http://api.example.com/graphql', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ query: document, ...(variables ? { variables } : {}) }),
				}),
			);
			return { status: response.status, headers: response.headers, body: await response.json() };
		},
		graphqlHandler,
		mcp: (operation, args) =>
			mcpClient.callTool({
				name: wireNames(operation).mcp.tool,
				...(args === undefined ? {} : { arguments: args }),
			}),
		mcpClient,
		async close() {
			await mcpClient.close();
			await server.close();
		},
	};
}
