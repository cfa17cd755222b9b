import { DEFAULT_BODY_LIMIT } from '@charter/runtime';
import type { ContractRegistry } from '@charter/spec';
import type { ExecutorPort } from '../executor/executor-port.ts';
import { createMcpServer, type McpServerOptions } from '../server/mcp-server.ts';
import { connectGuarded } from '../server/params-guard.ts';
import { LineTransport } from './line-transport.ts';

/**
 * Serves the registry's tools and resources over stdio (what `charter mcp` runs). There are
 * no headers on stdio: pass the configured principal as `options.metadata`, e.g.
 * `{ headers: { authorization: `Bearer ${process.env.CHARTER_TOKEN}` } }`, which the runtime's
 * context provider resolves; without it every call is anonymous. A line longer than
 * `bodyLimit` (default 1 MiB, as on HTTP), a batch or a non-JSON-RPC line is answered with a
 * JSON-RPC error and the server keeps serving.
 *
 * @example
 * const { close } = await serveMcpStdio(executor, registry, { metadata });
 */
export async function serveMcpStdio(
	executor: ExecutorPort,
	registry: ContractRegistry,
	options: McpServerOptions & {
		readonly stdin?: NodeJS.ReadableStream;
		readonly stdout?: NodeJS.WritableStream;
		/** Longest line (one message), in bytes (default 1 MiB): the same option on every surface. */
		readonly bodyLimit?: number;
	} = {},
): Promise<{ close(): Promise<void> }> {
	const server = createMcpServer(executor, registry, {
		...options,
		metadata: { ...options.metadata, transport: 'mcp' },
	});
	const transport = new LineTransport(
		options.stdin ?? process.stdin,
		options.stdout ?? process.stdout,
		options.bodyLimit ?? DEFAULT_BODY_LIMIT,
	);
	await connectGuarded(server, transport);
	return { close: () => server.close() };
}
