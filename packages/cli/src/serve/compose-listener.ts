import type { IncomingMessage, ServerResponse } from 'node:http';

/** A node:http handler that answers the requests it owns and returns false for the others. */
export type MountedHandler = (
	request: IncomingMessage,
	response: ServerResponse,
) => boolean | Promise<boolean>;

/**
 * Chains mounted handlers in order; the last word goes to `fallback` (the REST router, which
 * answers unknown paths with a 404 problem).
 */
export function composeListener(
	mounts: readonly MountedHandler[],
	fallback: (request: IncomingMessage, response: ServerResponse) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		void (async () => {
			for (const mount of mounts) {
				if (await mount(request, response)) return;
			}
			fallback(request, response);
		})().catch(() => {
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
			response.end('internal error');
		});
	};
}

/** Mounts a handler on one path prefix. */
export function atPath(
	prefix: string,
	handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>,
): MountedHandler {
	return async (request, response) => {
		const path = (request.url ?? '/').split('?')[0]!;
		if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;
		await handle(request, response);
		return true;
	};
}
