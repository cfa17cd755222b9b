import type { IncomingMessage, ServerResponse } from 'node:http';
import { createProblem, type Logger } from '@charter/runtime';
import { problemResponse } from '../router/rest-router.ts';
import { writeNodeResponse } from './node-request.ts';

/**
 * A node:http handler mounted beside the REST routes (the docs site, GraphQL, MCP): it answers
 * the requests it owns and gives false for the others.
 */
export type NodeMount = (
	request: IncomingMessage,
	response: ServerResponse,
) => boolean | Promise<boolean>;

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A listener that offers each request to the mounts in order; the REST router answers what
 * none of them owns (an unknown path is its 404 problem). A mount that throws is a 500
 * problem, logged.
 */
export function withMounts(mounts: readonly NodeMount[], rest: Listener, logger: Logger): Listener {
	return (request, response) => {
		offer(mounts, request, response).then(
			(answered) => {
				if (!answered) rest(request, response);
			},
			(error: unknown) => {
				logger.error('a mounted handler failed', { url: request.url, error: String(error) });
				writeNodeResponse(response, problemResponse(createProblem('INTERNAL')));
			},
		);
	};
}

async function offer(
	mounts: readonly NodeMount[],
	request: IncomingMessage,
	response: ServerResponse,
): Promise<boolean> {
	for (const mount of mounts) {
		if (await mount(request, response)) return true;
	}
	return false;
}

/** Mounts a handler on one path prefix: `/graphql` owns `/graphql` and `/graphql/...`. */
export function atPath(
	prefix: string,
	handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>,
): NodeMount {
	return async (request, response) => {
		const path = (request.url ?? '/').split('?')[0]!;
		if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;
		await handle(request, response);
		return true;
	};
}
