import type { Server, ServerResponse } from 'node:http';

/** How often a draining server closes the keep-alive connections that went idle. */
const IDLE_SWEEP_MS = 50;

/** What an event stream gets before a draining server ends it: reconnect soon, elsewhere. */
const GOODBYE = ': the server is shutting down; reconnect\nretry: 1000\n\n';

/** The Server-Sent Event streams a server has open, so a drain can end them. */
export interface EventStreams {
	/** Ends every open stream (once it has sent its headers) with a comment and `retry`. */
	endAll(): void;
}

/**
 * Keeps the responses of the requests that ask for Server-Sent Events (`Accept:
 * text/event-stream`: GraphQL subscriptions, Studio's live view) while they are open. Call it
 * before the server listens; other requests cost one header test.
 */
export function trackEventStreams(server: Server): EventStreams {
	const open = new Set<ServerResponse>();
	server.prependListener('request', (request, response) => {
		if (!request.headers.accept?.includes('text/event-stream')) return;
		open.add(response);
		response.once('close', () => open.delete(response));
	});
	return {
		endAll() {
			for (const response of open) {
				// Not yet answered: its handler is still deciding; the next sweep ends it.
				if (!response.headersSent || response.writableEnded) continue;
				response.end(GOODBYE);
			}
		},
	};
}

/**
 * Drains an HTTP server: stops accepting connections, answers every request it already took,
 * and closes each keep-alive connection once its response is out, so a client that keeps
 * sending on an open connection moves to another node instead of holding this one until the
 * deadline. Open event streams (`streams`) are ended at once, politely (a comment and a
 * `retry` the client's EventSource follows to another node): they never finish on their own
 * and would hold the drain until its deadline. Requests still running at `timeoutMs` are cut
 * (their connections destroyed). Resolves once every connection is closed.
 */
export async function drainServer(
	server: Server,
	timeoutMs: number,
	streams?: EventStreams,
): Promise<void> {
	// A request that arrives on a kept-alive connection is still answered, then the
	// connection closes (`Connection: close`): it was accepted, so it must not be dropped.
	server.prependListener('request', (_request, response) => {
		if (!response.headersSent) response.setHeader('connection', 'close');
	});
	const forced = setTimeout(() => server.closeAllConnections(), timeoutMs);
	// Connections busy at the signal go idle when their response ends; close them then.
	// A stream opened since the last sweep is ended by the next.
	const sweep = setInterval(() => {
		streams?.endAll();
		server.closeIdleConnections();
	}, IDLE_SWEEP_MS);
	streams?.endAll();
	server.closeIdleConnections();
	try {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	} finally {
		clearTimeout(forced);
		clearInterval(sweep);
	}
}
