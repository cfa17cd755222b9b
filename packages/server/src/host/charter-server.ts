import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphqlHandlerOptions } from '@charter/graphql';
import type { McpHttpOptions } from '@charter/mcp';
import {
	type CorsOptions,
	createNodeServer,
	createRestHandler,
	type NodeHttpServer,
	type NodeMount,
	type OpenApiOptions,
	problemResponse,
	type ServerTimeouts,
	toResponse,
	writeNodeResponse,
} from '@charter/rest';
import {
	accessRecordOf,
	attachRequestTarget,
	compileOriginPolicy,
	createProblem,
	DEFAULT_BODY_LIMIT,
	type Executor,
	type HttpSurface,
	type Logger,
	type OriginPolicy,
	originPolicyOption,
	parseServedTarget,
	type Readiness,
	type RequestTarget,
	type Tracer,
	traceFetchRequests,
} from '@charter/runtime';

/** A node:http mount whose handler is made on its first request, or when the server warms up. */
export interface LazyMount {
	readonly load: () => Promise<NodeMount>;
}

/** What `createCharterServer` serves and how. */
export interface CharterServerOptions {
	/** Runs every call, on every surface. */
	readonly executor: Executor;
	/** Largest request body, in bytes, on every surface (1 MiB by default). */
	readonly bodyLimit?: number;
	/**
	 * The `Host` and `Origin` headers accepted, checked once per request before any surface:
	 * by default any host, and only the server's own origin and the CORS origins when a
	 * browser sends one. A server on a loopback address should set `allowedHosts: LOOPBACK_HOSTS`.
	 */
	readonly originPolicy?: OriginPolicy;
	/** Lets browsers on these origins call the REST routes. */
	readonly cors?: CorsOptions;
	/** What `/readyz` reports; the host adds nothing to it (see {@link CharterServer.warm}). */
	readonly readiness?: Pick<Readiness, 'report'>;
	/** The document at `/openapi.json`; `false` to not serve it. */
	readonly openapi?: OpenApiOptions | false;
	/** GraphQL at `/graphql` (its options but the shared ones); `false` to not serve it. */
	readonly graphql?:
		| Omit<GraphqlHandlerOptions, 'executor' | 'bodyLimit' | 'originPolicy' | 'path'>
		| false;
	/** MCP (Streamable HTTP) at `/mcp`; `false` to not serve it. */
	readonly mcp?: Omit<McpHttpOptions, 'bodyLimit' | 'originPolicy' | 'path'> | false;
	/**
	 * node:http handlers on path prefixes (`{ '/docs': docs, '/studio': studio }`): a request
	 * under the prefix is offered to the handler, and goes to the REST routes (404) when it
	 * declines. Served on the node:http path only: a mount writes to the node:http response
	 * itself, which a fetch request has none of (docs/guides/operate/one-host.md).
	 */
	readonly mounts?: Readonly<Record<string, NodeMount | LazyMount>>;
	/** Writes one line per request to this logger. */
	readonly accessLog?: Logger;
	/**
	 * Traces each request as a SERVER span named by its route (the operation span its child),
	 * on the node:http and the fetch side alike, each MCP tool call and each GraphQL
	 * subscription; the executor takes the same tracer for its own spans.
	 */
	readonly tracer?: Tracer;
	/** Connection timeouts of the node:http server. */
	readonly timeouts?: ServerTimeouts;
}

/** REST, GraphQL, MCP, health and the mounts on one port, for node:http and for fetch. */
export interface CharterServer extends NodeHttpServer {
	/** The host as a node:http listener, to run on a server you own. */
	node(req: IncomingMessage, res: ServerResponse): void;
	/** The host as a fetch handler (Bun, Deno, workers): the same answers, the mounts excepted. */
	fetch(request: Request): Promise<Response>;
	/**
	 * Builds what is built on first use (the GraphQL schema, the MCP tool list, lazy mounts),
	 * one after another, letting waiting requests through between them; resolves when all are.
	 * `/healthz` answers before; call it after `listen` and only then tell `/readyz` the server
	 * is ready.
	 */
	warm(): Promise<void>;
}

const GRAPHQL = '/graphql';
const MCP = '/mcp';

/**
 * One host for every surface of an executor, on one port: REST (with `/openapi.json`,
 * `/healthz`, `/readyz`), GraphQL at `/graphql`, MCP at `/mcp`, and node:http mounts (the docs
 * site, Studio, metrics). One request layer: the target is parsed and the Host/Origin policy
 * checked once per request, the same `bodyLimit` holds on every surface, and the surfaces are
 * built from the same options. GraphQL and MCP load on their first request (or {@link
 * CharterServer.warm}), so the server answers `/healthz` without them.
 *
 * @example
 * const server = createCharterServer({ executor, originPolicy: { allowedHosts: LOOPBACK_HOSTS } });
 * const { url } = await server.listen(3000);
 * await server.warm();
 * readiness.setPhase('ready');
 */
export function createCharterServer(options: CharterServerOptions): CharterServer {
	const { executor } = options;
	const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
	const policy = compileOriginPolicy(originPolicyOption(options), options.cors?.origins);
	// Every surface is built from these; the host checks the policy, so they do not.
	const shared = { executor, registry: executor.registry, bodyLimit, originPolicy: false } as const;
	const rest = createRestHandler({
		...shared,
		...(options.cors ? { cors: options.cors } : {}),
		...(options.openapi !== undefined ? { openapi: options.openapi } : {}),
		...(options.readiness ? { readiness: options.readiness } : {}),
	});
	const graphqlOptions = options.graphql;
	const graphql =
		graphqlOptions === false
			? undefined
			: once<HttpSurface>(async () =>
					(await import('@charter/graphql')).createGraphqlHandler({
						...(options.tracer ? { tracer: options.tracer } : {}),
						...graphqlOptions,
						...shared,
					}),
				);
	const mcpOptions = options.mcp;
	const mcp =
		mcpOptions === false
			? undefined
			: once<HttpSurface>(async () =>
					(await import('@charter/mcp')).createMcpHandler({
						...(options.tracer ? { tracer: options.tracer } : {}),
						...mcpOptions,
						...shared,
					}),
				);
	const mounts = Object.entries(options.mounts ?? {}).map(([prefix, mount]) => ({
		prefix: prefix.replace(/\/+$/, ''),
		handler: typeof mount === 'function' ? async () => mount : once(mount.load),
	}));

	// The surfaces on, with the route each records for its requests (as a mount's prefix).
	const surfaces = [
		...(graphql ? [{ route: GRAPHQL, build: graphql }] : []),
		...(mcp ? [{ route: MCP, build: mcp }] : []),
	];
	/** The surface a path belongs to, or undefined for the REST routes and the mounts. */
	const surfaceOf = (path: string) => surfaces.find((s) => under(path, s.route));

	const problem = (status: 'BAD_REQUEST' | 'FORBIDDEN' | 'INTERNAL', detail?: string) =>
		problemResponse(createProblem(status, detail === undefined ? {} : { detail }));

	const failed = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
		executor.logger.error({ url: req.url, error: String(error) }, 'a surface failed');
		if (res.headersSent) res.destroy();
		else writeNodeResponse(res, problem('INTERNAL'));
	};

	async function serveNode(req: IncomingMessage, res: ServerResponse, target: RequestTarget) {
		const surface = surfaceOf(target.pathname);
		if (surface) {
			routed(req, surface.route);
			return (await surface.build()).node(req, res);
		}
		for (const mount of mounts) {
			if (!under(target.pathname, mount.prefix)) continue;
			routed(req, mount.prefix);
			if (await (await mount.handler())(req, res)) return;
			break;
		}
		return rest.node(req, res);
	}

	const node = (req: IncomingMessage, res: ServerResponse): void => {
		const target = parseServedTarget(req.url);
		if (!target) {
			writeNodeResponse(res, problem('BAD_REQUEST', 'the request target is not a valid path'));
			return;
		}
		const refused = policy.refused(req.headers.host, req.headers.origin);
		if (refused !== undefined) {
			writeNodeResponse(res, problem('FORBIDDEN', refused));
			return;
		}
		attachRequestTarget(req, target);
		// The REST routes (health included) answer without a detour through a promise chain.
		if (!surfaceOf(target.pathname) && !mounts.some((m) => under(target.pathname, m.prefix))) {
			rest.node(req, res).catch((error: unknown) => failed(req, res, error));
			return;
		}
		serveNode(req, res, target).catch((error: unknown) => failed(req, res, error));
	};

	async function fetchHandler(request: Request): Promise<Response> {
		let url: URL;
		try {
			url = new URL(request.url);
		} catch {
			return toResponse(problem('BAD_REQUEST', 'the request URL is not valid'));
		}
		const refused = policy.refused(
			request.headers.get('host') ?? url.host,
			request.headers.get('origin') ?? undefined,
		);
		if (refused !== undefined) return toResponse(problem('FORBIDDEN', refused));
		attachRequestTarget(request, { pathname: url.pathname, search: url.search });
		try {
			const surface = surfaceOf(url.pathname);
			if (surface) routed(request, surface.route);
			return await (surface ? (await surface.build()).fetch(request) : rest.fetch(request));
		} catch (error) {
			executor.logger.error({ url: request.url, error: String(error) }, 'a surface failed');
			return toResponse(problem('INTERNAL'));
		}
	}

	const server = createNodeServer(node, {
		...(options.timeouts ? { timeouts: options.timeouts } : {}),
		...(options.accessLog ? { accessLog: options.accessLog } : {}),
		...(options.tracer ? { tracer: options.tracer } : {}),
	});
	return {
		...server,
		node,
		fetch: options.tracer ? traceFetchRequests(options.tracer, fetchHandler) : fetchHandler,
		async warm() {
			// One at a time, each after the requests already waiting (a first /healthz) are
			// answered: building a surface holds the event loop for a while.
			for (const build of [graphql, mcp, ...mounts.map((m) => m.handler)]) {
				if (!build) continue;
				await new Promise((resolve) => setImmediate(resolve));
				await build();
			}
		},
	};
}

/**
 * Records the route that serves a request (node:http or fetch), for its HTTP span (when it is
 * traced or logged).
 */
function routed(req: object, route: string): void {
	const access = accessRecordOf(req);
	if (access !== undefined) access.route = route;
}

/** True when `path` is `prefix` or below it. */
function under(path: string, prefix: string): boolean {
	return path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47);
}

/** Calls `make` once, on first use; a failure is not kept (the next use tries again). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
	let made: Promise<T> | undefined;
	return () => {
		made ??= make().catch((error: unknown) => {
			made = undefined;
			throw error;
		});
		return made;
	};
}
