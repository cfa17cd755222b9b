import type { DocsHandler, SiteFiles } from '@charter/docs';
import type { NodeMount } from '@charter/rest';
import type { Logger } from '@charter/runtime';

/** How long after listening a deferred site starts building unless /docs is asked for first. */
const BUILD_AFTER_MS = 1_000;

/**
 * Serves the docs site, built once the server runs: on the first request under /docs, or a
 * second after listening, whichever comes first. Other paths never wait for it, so /healthz
 * and the API answer while the site is made. A site that fails to build is logged and its
 * paths fall through to the REST router (404).
 */
export function deferredDocs(build: () => Promise<SiteFiles>, logger: Logger): NodeMount {
	let handler: Promise<DocsHandler | undefined> | undefined;
	const start = () => {
		handler ??= build()
			.then(async (files) => {
				const { createDocsHandler } = await import('@charter/docs');
				return createDocsHandler(files);
			})
			.catch((error: unknown) => {
				logger.error({ err: error }, 'the docs site failed to build; /docs is not served');
				return undefined;
			});
		return handler;
	};
	setTimeout(start, BUILD_AFTER_MS).unref();
	return async (request, response) => {
		const path = request.url ?? '/';
		if (path !== '/docs' && !path.startsWith('/docs/') && !path.startsWith('/docs?')) return false;
		const docs = await start();
		return docs ? docs(request, response) : false;
	};
}
