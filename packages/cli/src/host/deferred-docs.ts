import type { SiteFiles } from '@charter/docs';
import { createDocsHandler } from '@charter/docs';
import type { NodeMount } from '@charter/rest';
import type { Logger } from '@charter/runtime';

/**
 * Serves the docs site once it is built: a request for /docs waits for the build, so the
 * server listens (and /healthz answers) while the site is still being made. A site that fails
 * to build is logged and its paths fall through to the REST router (404).
 */
export function deferredDocs(site: Promise<SiteFiles>, logger: Logger): NodeMount {
	const handler = site.then(createDocsHandler, (error: unknown) => {
		logger.error({ err: error }, 'the docs site failed to build; /docs is not served');
		return undefined;
	});
	return async (request, response) => {
		const docs = await handler;
		return docs ? docs(request, response) : false;
	};
}
