import {
	accessRecordOf,
	clientAddressOf,
	createProblem,
	type Executor,
	fetchHeaders,
	readFetchBody,
	requestTargetOf,
} from '@charter/runtime';
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

/**
 * Translates a Fetch API request to the router's request; with the access record a host
 * attached to it (for its access log or HTTP span: the router records the route there).
 */
export function fromFetchRequest(request: Request): RestRequest {
	// The target a host in front read, or the request's URL read here: the router reads neither again.
	let target = requestTargetOf(request);
	if (target === undefined) {
		const url = new URL(request.url);
		target = { pathname: url.pathname, search: url.search };
	}
	const access = accessRecordOf(request);
	return {
		method: request.method,
		url: target.pathname + target.search,
		target,
		headers: fetchHeaders(request.headers),
		signal: request.signal,
		clientAddress: clientAddressOf(request),
		readBody: (limit) => readFetchBody(request, limit),
		// Node's web streams are async iterables (the DOM typings do not say so).
		bodyStream: () => (request.body as AsyncIterable<Uint8Array> | null) ?? emptyBody(),
		...(access !== undefined ? { access } : {}),
	};
}

/** Translates the router's response to a Fetch API response. */
export function toResponse(response: RestResponse): Response {
	if (response.cookies === undefined && response.stream === undefined) {
		return new Response(response.body ?? null, {
			status: response.status,
			headers: response.headers,
		});
	}
	const headers = new Headers(response.headers);
	for (const cookie of response.cookies ?? []) headers.append('set-cookie', cookie);
	const body = response.stream === undefined ? (response.body ?? null) : webStream(response.stream);
	return new Response(body, { status: response.status, headers });
}

const encoder = new TextEncoder();

/** An async iterable of chunks as a web stream, ended when the reader cancels. */
function webStream(chunks: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
	const iterator = chunks[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await iterator.next();
			if (done) controller.close();
			else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
		},
		async cancel() {
			await iterator.return?.();
		},
	});
}

/** A body that has no bytes. */
async function* emptyBody(): AsyncIterable<Uint8Array> {}
