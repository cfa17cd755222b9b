import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	type CompiledOriginPolicy,
	DEFAULT_BODY_LIMIT,
	fetchRequestMetadata,
	type HttpSurface,
	type OriginPolicy,
	readFetchBody,
	surfaceOriginPolicy,
	toFetchRequest,
	writeFetchResponse,
} from '@charter/runtime';
import type { ContractRegistry } from '@charter/spec';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { ExecutorPort } from '../executor/executor-port.ts';
import { createMcpCatalog, createMcpServer, type McpServerOptions } from '../server/mcp-server.ts';
import { parseEnvelope } from '../server/message-envelope.ts';
import { connectGuarded } from '../server/params-guard.ts';

/** Options of the Streamable HTTP endpoint. */
export interface McpHttpOptions
	extends Omit<McpServerOptions, 'metadata' | 'catalog' | 'onProblem'> {
	/** The path the handler answers on (default `/mcp`). */
	readonly path?: string;
	/** Largest request body, in bytes (default 1 MiB): the same option on every surface. */
	readonly bodyLimit?: number;
	/**
	 * The `Host` and `Origin` headers accepted (the MCP transport's defence against DNS
	 * rebinding): by default any host, and only the server's own origin when a browser sends
	 * one. A server on a loopback address should set `allowedHosts: LOOPBACK_HOSTS`. `false`
	 * when a host in front checks it (`createCharterServer`).
	 */
	readonly originPolicy?: OriginPolicy | CompiledOriginPolicy | false;
}

/**
 * The options of {@link createMcpHandler}, in the shape every surface takes
 * (`{ executor, registry, bodyLimit, originPolicy }`).
 */
export interface McpHandlerOptions extends McpHttpOptions {
	readonly executor: ExecutorPort;
	readonly registry: ContractRegistry;
}

/** A node:http request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Creates the MCP Streamable HTTP endpoint (stateless: every POST is answered on its own, as
 * JSON), for the Fetch API and node:http alike: a node request is read by the shared body
 * reader and answered by the same fetch path. The request's headers go to the executor, so
 * the bearer token is resolved by the runtime's context provider like on every other surface.
 * Bad requests get a JSON-RPC error with a 4xx status; the handler never throws.
 *
 * @example
 * const mcp = createMcpHandler({ executor, registry });
 * http.createServer((req, res) => void mcp.node(req, res)).listen(3000);
 * Bun.serve({ fetch: mcp.fetch });
 */
export function createMcpHandler(options: McpHandlerOptions): HttpSurface {
	const { executor, registry } = options;
	const catalog = createMcpCatalog(registry, options.docs);
	const path = options.path ?? '/mcp';
	const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
	const originPolicy = surfaceOriginPolicy(options);
	const serverOptions: McpServerOptions = {
		...(options.name !== undefined ? { name: options.name } : {}),
		...(options.version !== undefined ? { version: options.version } : {}),
		...(options.docs !== undefined ? { docs: options.docs } : {}),
		...(options.tracer !== undefined ? { tracer: options.tracer } : {}),
		catalog,
	};
	const tooLarge = () => reply(413, -32600, `the body exceeds ${bodyLimit} bytes`);

	async function handle(request: Request): Promise<Response> {
		try {
			const url = new URL(request.url);
			if (url.pathname !== path) return reply(404, -32601, `no MCP endpoint at ${url.pathname}`);
			const refused = originPolicy?.refused(
				request.headers.get('host') ?? url.host,
				request.headers.get('origin') ?? undefined,
			);
			if (refused !== undefined) return reply(403, -32000, `Forbidden: ${refused}`);
			if (request.method !== 'POST')
				return reply(405, -32000, 'this stateless MCP endpoint accepts POST only', {
					allow: 'POST',
				});
			const read = await readFetchBody(request, bodyLimit);
			if ('tooLarge' in read) return tooLarge();
			const parsed = parseEnvelope(read.text);
			if ('refusal' in parsed) return reply(400, parsed.refusal.code, parsed.refusal.message);
			// A refusal for a while (rate limit, outage) says when to retry, as on REST.
			let retryAfter: number | undefined;
			const server = createMcpServer(executor, registry, {
				...serverOptions,
				onProblem: (problem) => {
					if (problem.retryAfter !== undefined) retryAfter = problem.retryAfter;
				},
				metadata: fetchRequestMetadata(request, 'mcp'),
			});
			const transport = new WebStandardStreamableHTTPServerTransport({
				sessionIdGenerator: undefined,
				enableJsonResponse: true,
			});
			try {
				await connectGuarded(server, transport);
				const response = await transport.handleRequest(request, { parsedBody: parsed.message });
				if (retryAfter === undefined) return response;
				const headers = new Headers(response.headers);
				headers.set('retry-after', String(retryAfter));
				return new Response(await response.text(), { status: response.status, headers });
			} finally {
				void transport.close();
				void server.close();
			}
		} catch {
			return reply(500, -32603, 'Internal error');
		}
	}

	return {
		fetch: handle,
		node: async (req, res) => {
			const request = await toFetchRequest(req, res, bodyLimit);
			await writeFetchResponse(request ? await handle(request) : tooLarge(), req, res);
		},
	};
}

/**
 * The node:http handler of {@link createMcpHandler}, in the older form (executor and registry
 * first).
 */
export function createMcpHttpHandler(
	executor: ExecutorPort,
	registry: ContractRegistry,
	options: McpHttpOptions = {},
): NodeHandler {
	return createMcpHandler({ ...options, executor, registry }).node;
}

function reply(
	status: number,
	code: number,
	message: string,
	headers: Record<string, string> = {},
): Response {
	return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), {
		status,
		headers: { 'content-type': 'application/json', ...headers },
	});
}
