import type { Server } from 'node:http';

/** How often a draining server closes the keep-alive connections that went idle. */
const IDLE_SWEEP_MS = 50;

/**
 * Drains an HTTP server: stops accepting connections, answers every request it already took,
 * and closes each keep-alive connection once its response is out, so a client that keeps
 * sending on an open connection moves to another node instead of holding this one until the
 * deadline. Requests still running at `timeoutMs` are cut (their connections destroyed).
 * Resolves once every connection is closed.
 */
export async function drainServer(server: Server, timeoutMs: number): Promise<void> {
	// A request that arrives on a kept-alive connection is still answered, then the
	// connection closes (`Connection: close`): it was accepted, so it must not be dropped.
	server.prependListener('request', (_request, response) => {
		if (!response.headersSent) response.setHeader('connection', 'close');
	});
	const forced = setTimeout(() => server.closeAllConnections(), timeoutMs);
	// Connections busy at the signal go idle when their response ends; close them then.
	const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
	server.closeIdleConnections();
	try {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	} finally {
		clearTimeout(forced);
		clearInterval(sweep);
	}
}
