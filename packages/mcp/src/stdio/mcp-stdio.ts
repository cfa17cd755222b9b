import type { ContractRegistry } from '@charter/spec';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ExecutorPort } from '../executor/executor-port.ts';
import { createMcpServer, type McpServerOptions } from '../server/mcp-server.ts';
import { connectGuarded } from '../server/params-guard.ts';

/**
 * Serves the registry's tools and resources over stdio (what `charter mcp` runs). There are
 * no headers on stdio: pass the configured principal as `options.metadata`, e.g.
 * `{ headers: { authorization: `Bearer ${process.env.CHARTER_TOKEN}` } }`, which the runtime's
 * context provider resolves; without it every call is anonymous.
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
	} = {},
): Promise<{ close(): Promise<void> }> {
	const server = createMcpServer(executor, registry, {
		...options,
		metadata: { ...options.metadata, transport: 'mcp' },
	});
	const transport = new StdioServerTransport(
		options.stdin as NodeJS.ReadStream | undefined,
		options.stdout as NodeJS.WriteStream | undefined,
	);
	await connectGuarded(server, transport);
	return { close: () => server.close() };
}
