import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A node:http server a test started on a free loopback port. */
export interface TestServer {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	readonly origin: string;
	close(): Promise<void>;
}

/**
 * Serves a node:http handler on a free port of 127.0.0.1 for a test; `close` ends open
 * connections too, so `afterAll` never waits on a keep-alive socket.
 *
 * @example
 * const server = await serveNode((req, res) => void handler(req, res));
 * await fetch(`${server.origin}/mcp`);
 */
export async function serveNode(
	handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestServer> {
	const server = createServer(handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
