import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	CharterConfigError,
	type CompiledOriginPolicy,
	createProblem,
	type Executor,
	type HttpSurface,
	type OriginPolicy,
	surfaceOriginPolicy,
} from '@charter/runtime';
import type { ContractRegistry } from '@charter/spec';
import { fromFetchRequest, toResponse } from '../fetch/fetch-handler.ts';
import type { RestRequest, RestResponse } from '../http/rest-message.ts';
import { fromNodeRequest, writeNodeResponse } from '../node/node-request.ts';
import {
	createRestRouter,
	problemResponse,
	type RestOptions,
	type RestRouter,
} from '../router/rest-router.ts';

/**
 * The options of {@link createRestHandler}, in the shape every surface takes
 * (`{ executor, registry, bodyLimit, originPolicy }`).
 */
export interface RestHandlerOptions extends RestOptions {
	readonly executor: Executor;
	/** The executor's registry (the default): REST serves the operations its executor plans. */
	readonly registry?: ContractRegistry;
	/**
	 * The `Host` and `Origin` headers accepted (against DNS rebinding and cross-site calls): by
	 * default any host, and only the server's own origin and the CORS origins when a browser
	 * sends one. `false` when a host in front checks it (`createCharterServer`).
	 */
	readonly originPolicy?: OriginPolicy | CompiledOriginPolicy | false;
}

/** The REST surface for the Fetch API and node:http, over one router. */
export interface RestHandler extends HttpSurface {
	readonly router: RestRouter;
}

/**
 * Creates the REST surface of an executor: routes, `/openapi.json`, `/healthz` and `/readyz`,
 * answered the same to a fetch `Request` and to a node:http request.
 *
 * @example
 * const rest = createRestHandler({ executor, bodyLimit: 64 * 1024 });
 * http.createServer((req, res) => void rest.node(req, res)).listen(3000);
 */
export function createRestHandler(options: RestHandlerOptions): RestHandler {
	const { executor } = options;
	if (options.registry !== undefined && options.registry !== executor.registry)
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'registry',
			"must be the executor's own registry: REST serves the operations the executor plans",
		);
	const router = createRestRouter(executor, options);
	const policy = surfaceOriginPolicy(options, options.cors?.origins);
	const answer = (request: RestRequest): Promise<RestResponse> => {
		const refused = policy?.refused(request.headers.host, request.headers.origin);
		if (refused !== undefined)
			return Promise.resolve(problemResponse(createProblem('FORBIDDEN', { detail: refused })));
		return router.handle(request).catch((error: unknown) => {
			executor.logger.error({ error: String(error) }, 'REST router failed');
			return problemResponse(createProblem('INTERNAL'));
		});
	};
	return {
		router,
		fetch: async (request) => toResponse(await answer(fromFetchRequest(request))),
		node: async (req: IncomingMessage, res: ServerResponse) =>
			writeNodeResponse(res, await answer(fromNodeRequest(req, { response: res }))),
	};
}
