import { createProblem, type Executor, readFetchBody } from '@charter/runtime';
import type { RestRequest, RestResponse } from '../http/rest-message.ts';
import { createRestRouter, problemResponse, type RestOptions } from '../router/rest-router.ts';

/**
 * Creates a fetch-standard handler (`Request -> Response`) over the shared router, for Bun,
 * Deno, Cloudflare Workers, Hono and any server that speaks the Fetch API.
 *
 * @example
 * const handle = createFetchHandler(executor);
 * Bun.serve({ fetch: handle });
 */
export function createFetchHandler(
	executor: Executor,
	options: RestOptions = {},
): (request: Request) => Promise<Response> {
	const router = createRestRouter(executor, options);
	return async (request) => {
		try {
			return toResponse(await router.handle(fromFetchRequest(request)));
		} catch (error) {
			executor.logger.error({ error: String(error) }, 'REST router failed');
			return toResponse(problemResponse(createProblem('INTERNAL')));
		}
	};
}

/** Translates a Fetch API request to the router's request. */
export function fromFetchRequest(request: Request): RestRequest {
	const url = new URL(request.url);
	const headers: Record<string, string> = {};
	request.headers.forEach((value, name) => {
		headers[name] = value;
	});
	return {
		method: request.method,
		url: url.pathname + url.search,
		headers,
		signal: request.signal,
		readBody: (limit) => readFetchBody(request, limit),
	};
}

/** Translates the router's response to a Fetch API response. */
export function toResponse(response: RestResponse): Response {
	return new Response(response.body ?? null, {
		status: response.status,
		headers: response.headers,
	});
}
