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
 * Keeps the responses that are Server-Sent Event streams (GraphQL subscriptions, Studio's live
 * view) while they are open. A response counts once it sends its headers with the content type
 * `text/event-stream`: a request that accepts one but is answered otherwise (an MCP POST sends
 * `Accept: application/json, text/event-stream` and gets JSON) is a request in flight, answered
 * in full by a drain. Only the requests that accept an event stream are watched, so others
 * cost one header test. Call it before the server listens.
 */
export function trackEventStreams(server: Server): EventStreams {
	const open = new Set<ServerResponse>();
	server.prependListener('request', (request, response) => {
		if (!request.headers.accept?.includes('text/event-stream')) return;
		// Every way of answering sends the headers through writeHead (write and end call it too).
		const writeHead = response.writeHead;
		response.writeHead = function watched(this: ServerResponse, ...args: unknown[]) {
			const written = (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
			if (isEventStream(contentTypeOf(this, args.at(-1)))) {
				open.add(this);
				this.once('close', () => open.delete(this));
			}
			return written;
		} as ServerResponse['writeHead'];
	});
	return {
		endAll() {
			for (const response of open) if (!response.writableEnded) response.end(GOODBYE);
		},
	};
}

/** The content type a response was sent with: set with setHeader, or given to writeHead. */
function contentTypeOf(response: ServerResponse, headers: unknown): string | undefined {
	const set = response.getHeader('content-type');
	if (set !== undefined) return String(set);
	if (typeof headers !== 'object' || headers === null) return undefined;
	if (Array.isArray(headers)) {
		// [[name, value], ...] or the flat raw form [name, value, name, value, ...]
		const pairs: unknown[][] = Array.isArray(headers[0])
			? headers
			: headers.flatMap((v, i) => (i % 2 === 0 ? [[v, headers[i + 1]]] : []));
		const found = pairs.find(([name]) => String(name).toLowerCase() === 'content-type');
		return found === undefined ? undefined : String(found[1]);
	}
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() === 'content-type') return String(value);
	}
	return undefined;
}

function isEventStream(contentType: string | undefined): boolean {
	return contentType?.trimStart().toLowerCase().startsWith('text/event-stream') === true;
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
