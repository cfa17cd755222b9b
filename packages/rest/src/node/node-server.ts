import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createProblem, type Executor, type Logger } from '@charter/runtime';
import { createRestRouter, problemResponse, type RestOptions } from '../router/rest-router.ts';
import { withAccessLog } from './access-log.ts';
import { type NodeMount, withMounts } from './node-mounts.ts';
import { fromNodeRequest, writeNodeResponse } from './node-request.ts';

/** Options of the node:http server. */
export interface RestServerOptions extends RestOptions {
	/**
	 * Handlers offered each request first, in order (`atPath('/graphql', handler)`, a docs
	 * site): what none of them answers goes to the REST routes.
	 */
	readonly mounts?: readonly NodeMount[];
	/** Writes one line per request to this logger (method, path, status, duration, trace id, principal). */
	readonly accessLog?: Logger;
}

/** A node:http server serving an executor over REST. */
export interface RestServer {
	readonly server: Server;
	/** The REST request listener (without the mounts), to mount on a server you own. */
	readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
	/** Starts listening (port 0 picks a free port); resolves with the base URL. */
	listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
	/** Stops accepting connections and closes idle ones. */
	close(): Promise<void>;
}

/**
 * Creates a node:http server over the shared REST router.
 *
 * @example
 * const rest = createRestServer(executor, { cors: { origins: '*' } });
 * const { url } = await rest.listen(3000);
 */
export function createRestServer(executor: Executor, options: RestServerOptions = {}): RestServer {
	const router = createRestRouter(executor, options);
	const listener = (req: IncomingMessage, res: ServerResponse) => {
		router.handle(fromNodeRequest(req, { response: res })).then(
			(response) => writeNodeResponse(res, response),
			(error: unknown) => {
				executor.logger.error({ error: String(error) }, 'REST router failed');
				writeNodeResponse(res, problemResponse(createProblem('INTERNAL')));
			},
		);
	};
	const mounts = options.mounts ?? [];
	const routed = mounts.length === 0 ? listener : withMounts(mounts, listener, executor.logger);
	const server = createServer(
		options.accessLog ? withAccessLog(routed, options.accessLog) : routed,
	);
	server.on('clientError', (_error, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
		else socket.destroy();
	});
	return {
		server,
		listener,
		listen: (port = 0, host = '127.0.0.1') =>
			new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					server.off('error', reject);
					const address = server.address();
					const actual = typeof address === 'object' && address ? address.port : port;
					const shown = host.includes(':') ? `[${host}]` : host;
					resolve({ url: `http://${shown}:${actual}`, port: actual });
				});
			}),
		close: () =>
			new Promise((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
