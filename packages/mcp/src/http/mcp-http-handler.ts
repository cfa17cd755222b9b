import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	accessRecordOf,
	DEFAULT_BODY_LIMIT,
	type InvocationMetadata,
	type OriginPolicy,
	readNodeBody,
	refusedOrigin,
} from '@charter/runtime';
import type { ContractRegistry } from '@charter/spec';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
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
	 * one. A server on a loopback address should set `allowedHosts: LOOPBACK_HOSTS`.
	 */
	readonly origins?: OriginPolicy;
}

/** A node:http request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Creates the MCP Streamable HTTP endpoint (stateless: every POST is answered on its own, as
 * JSON). The request's headers go to the executor, so the bearer token is resolved by the
 * runtime's context provider like on every other surface. Bad requests get a JSON-RPC error
 * with a 4xx status; the handler never throws.
 *
 * @example
 * const mcp = createMcpHttpHandler(executor, registry);
 * http.createServer((req, res) => void mcp(req, res)).listen(3000);
 */
export function createMcpHttpHandler(
	executor: ExecutorPort,
	registry: ContractRegistry,
	options: McpHttpOptions = {},
): NodeHandler {
	const catalog = createMcpCatalog(registry, options.docs);
	const path = options.path ?? '/mcp';
	const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
	const origins = options.origins ?? {};
	return async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (url.pathname !== path)
				return reply(res, 404, -32601, `no MCP endpoint at ${url.pathname}`);
			const refused = refusedOrigin(origins, req.headers.host, req.headers.origin);
			if (refused !== undefined) return reply(res, 403, -32000, `Forbidden: ${refused}`);
			if (req.method !== 'POST') {
				res.setHeader('allow', 'POST');
				return reply(res, 405, -32000, 'this stateless MCP endpoint accepts POST only');
			}
			const read = await readNodeBody(req, bodyLimit);
			if ('tooLarge' in read) return reply(res, 413, -32600, `the body exceeds ${bodyLimit} bytes`);
			const parsed = parseEnvelope(read.text);
			if ('refusal' in parsed) return reply(res, 400, parsed.refusal.code, parsed.refusal.message);
			const body = parsed.message;
			const server = createMcpServer(executor, registry, {
				...options,
				catalog,
				// A refusal for a while (rate limit, outage) says when to retry, as on REST.
				onProblem: (problem) => {
					if (problem.retryAfter !== undefined && !res.headersSent)
						res.setHeader('retry-after', String(problem.retryAfter));
				},
				metadata: withAccess(req, {
					headers: headerRecord(req),
					transport: 'mcp',
					...(req.socket?.remoteAddress ? { clientAddress: req.socket.remoteAddress } : {}),
				}),
			});
			const transport = new StreamableHTTPServerTransport({
				sessionIdGenerator: undefined,
				enableJsonResponse: true,
			});
			res.on('close', () => {
				void transport.close();
				void server.close();
			});
			await connectGuarded(server, transport);
			await transport.handleRequest(req, res, body);
		} catch {
			if (!res.headersSent) reply(res, 500, -32603, 'Internal error');
			else res.end();
		}
	};
}

function reply(res: ServerResponse, status: number, code: number, message: string): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/** Adds the request's access record (when its server keeps an access log) to the metadata. */
function withAccess(req: IncomingMessage, metadata: InvocationMetadata): InvocationMetadata {
	const access = accessRecordOf(req);
	return access ? { ...metadata, access } : metadata;
}

function headerRecord(req: IncomingMessage): Record<string, string> {
	const record: Record<string, string> = {};
	for (const [key, value] of Object.entries(req.headers)) {
		if (value !== undefined) record[key] = Array.isArray(value) ? value.join(', ') : value;
	}
	return record;
}
