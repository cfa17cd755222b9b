import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerOptions,
	type ServerResponse,
} from 'node:http';
import {
	CharterConfigError,
	type CompiledOriginPolicy,
	compileOriginPolicy,
	createProblem,
	type Executor,
	isServedPath,
	type Logger,
	type OriginPolicy,
	originPolicyOption,
	type Tracer,
	traceHttpRequests,
} from '@charter/runtime';
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
	/** Makes each request a SERVER span (`GET /v1/todo/{id}`), the parent of its operation's span. */
	readonly tracer?: Tracer;
	/** How long a connection may take to send its request (slow clients are cut off). */
	readonly timeouts?: ServerTimeouts;
	/**
	 * Refuse (403) requests whose `Host` or `Origin` the policy does not accept, on every route
	 * and mount: the defence against DNS rebinding. The CORS origins count as allowed origins.
	 */
	readonly originPolicy?: OriginPolicy;
}

/**
 * Connection timeouts, in milliseconds. A client that trickles its headers or body (slowloris)
 * is answered 408 and disconnected once its time is up, instead of holding a socket for
 * Node's defaults (a minute for headers, five for the request).
 */
export interface ServerTimeouts {
	/** Time to receive the request's headers (10 s by default). */
	readonly headersMs?: number;
	/** Time to receive the whole request, body included (30 s by default); responses are not bounded by it (streams stay open). */
	readonly requestMs?: number;
	/** How long an idle keep-alive connection stays open for the next request (5 s by default). */
	readonly keepAliveMs?: number;
}

/** The timeouts `createRestServer` applies when not told otherwise. */
export const DEFAULT_SERVER_TIMEOUTS = {
	headersMs: 10_000,
	requestMs: 30_000,
	keepAliveMs: 5_000,
} as const satisfies Required<ServerTimeouts>;

/** A node:http server with Charter's connection handling (timeouts, bad requests, access log). */
export interface NodeHttpServer {
	readonly server: Server;
	/** Starts listening (port 0 picks a free port); resolves with the base URL. */
	listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
	/** Stops accepting connections and closes idle ones. */
	close(): Promise<void>;
}

/** A node:http server serving an executor over REST. */
export interface RestServer extends NodeHttpServer {
	/** The REST request listener (without the mounts), to mount on a server you own. */
	readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Options of {@link createNodeServer}. */
export interface NodeServerOptions {
	/** How long a connection may take to send its request (slow clients are cut off). */
	readonly timeouts?: ServerTimeouts;
	/** Writes one line per request to this logger (method, path, status, duration, trace id, principal). */
	readonly accessLog?: Logger;
	/** Makes each request a SERVER span (`GET /v1/todo/{id}`), the parent of its operation's span. */
	readonly tracer?: Tracer;
}

/**
 * A node:http server around `listener`, as every Charter server runs: the connection
 * timeouts, 400/408/431 for requests Node cannot read, and the access log and a SERVER span
 * per request when asked.
 *
 * @example
 * const { listen } = createNodeServer((req, res) => res.end('ok'), { timeouts: { headersMs: 5_000 } });
 * const { url } = await listen(0);
 */
export function createNodeServer(
	listener: (req: IncomingMessage, res: ServerResponse) => void,
	options: NodeServerOptions = {},
): NodeHttpServer {
	const traced = options.tracer ? traceHttpRequests(options.tracer, listener) : listener;
	const server = createServer(
		serverOptions(options.timeouts),
		options.accessLog ? withAccessLog(traced, options.accessLog) : traced,
	);
	server.keepAliveTimeout = options.timeouts?.keepAliveMs ?? DEFAULT_SERVER_TIMEOUTS.keepAliveMs;
	server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
		if (socket.writable)
			socket.end(`HTTP/1.1 ${clientErrorStatus(error)}\r\nConnection: close\r\n\r\n`);
		else socket.destroy();
	});
	return {
		server,
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
	const originPolicy = originPolicyOption(options);
	const policed = originPolicy
		? withOriginPolicy(routed, compileOriginPolicy(originPolicy, options.cors?.origins))
		: routed;
	return { ...createNodeServer(withWellFormedTarget(policed), options), listener };
}

/** node:http's options for the timeouts, checked: a value Node would misread is a config error. */
function serverOptions(timeouts: ServerTimeouts = {}): ServerOptions {
	const { headersMs, requestMs, keepAliveMs } = { ...DEFAULT_SERVER_TIMEOUTS, ...timeouts };
	for (const [name, ms] of Object.entries({ headersMs, requestMs, keepAliveMs })) {
		if (!(Number.isInteger(ms) && ms > 0))
			throw new CharterConfigError(
				'CHARTER_INVALID_OPTION',
				`timeouts.${name}`,
				'must be a positive whole number of milliseconds',
			);
	}
	if (headersMs > requestMs)
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'timeouts.headersMs',
			`must not exceed timeouts.requestMs (${requestMs} ms)`,
		);
	return {
		headersTimeout: headersMs,
		requestTimeout: requestMs,
		// Node checks the two above on this interval (30 s by default, which a slow client gains).
		connectionsCheckingInterval: Math.min(1_000, headersMs),
	};
}

/** The status line of a request Node could not read: too slow, headers too large, or malformed. */
function clientErrorStatus(error: NodeJS.ErrnoException): string {
	if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
	if (error.code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
	return '400 Bad Request';
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Answers 403 to a request whose Host or Origin `policy` refuses; passes the others on. */
function withOriginPolicy(listener: Listener, policy: CompiledOriginPolicy): Listener {
	return (req, res) => {
		const refused = policy.refused(req.headers.host, req.headers.origin);
		if (refused === undefined) return listener(req, res);
		writeNodeResponse(res, problemResponse(createProblem('FORBIDDEN', { detail: refused })));
	};
}

/**
 * Answers 400 to a request target that is not a path this server can serve (`isServedPath`:
 * `//`, `/\\`, `//other.host/`... read against a base, as every mount reads it, a host), before
 * any mount sees it.
 */
function withWellFormedTarget(listener: Listener): Listener {
	return (req, res) => {
		if (isServedPath(req.url ?? '/')) return listener(req, res);
		writeNodeResponse(
			res,
			problemResponse(
				createProblem('BAD_REQUEST', { detail: 'the request target is not a valid path' }),
			),
		);
	};
}
