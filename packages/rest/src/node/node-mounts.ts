import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessRecordOf, createProblem, type Logger } from '@charter/runtime';
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
 * problem, logged; one that throws after it began answering has its connection closed.
 * Mounts that decline synchronously cost the REST routes no promise.
 */
export function withMounts(mounts: readonly NodeMount[], rest: Listener, logger: Logger): Listener {
	const failed = (request: IncomingMessage, response: ServerResponse, error: unknown) => {
		logger.error({ url: request.url, error: String(error) }, 'a mounted handler failed');
		if (response.headersSent) response.destroy();
		else writeNodeResponse(response, problemResponse(createProblem('INTERNAL')));
	};
	const offer = (request: IncomingMessage, response: ServerResponse, from: number): void => {
		for (let i = from; i < mounts.length; i++) {
			let answered: boolean | Promise<boolean>;
			try {
				answered = mounts[i]!(request, response);
			} catch (error) {
				failed(request, response, error);
				return;
			}
			if (answered === true) return;
			if (answered instanceof Promise) {
				answered.then(
					(done) => {
						if (!done) offer(request, response, i + 1);
					},
					(error: unknown) => failed(request, response, error),
				);
				return;
			}
		}
		rest(request, response);
	};
	return (request, response) => offer(request, response, 0);
}

/** Mounts a handler on one path prefix: `/graphql` owns `/graphql` and `/graphql/...`. */
export function atPath(
	prefix: string,
	handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>,
): NodeMount {
	return (request, response) => {
		const path = (request.url ?? '/').split('?')[0]!;
		if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;
		const access = accessRecordOf(request);
		if (access !== undefined) access.route = prefix;
		const handled = handle(request, response);
		return handled instanceof Promise ? handled.then(() => true) : true;
	};
}
