import { setTimeout as delay } from 'node:timers/promises';
import type { DocsHandler, SiteFiles } from '@charter/docs';
import type { NodeMount } from '@charter/rest';
import type { Logger } from '@charter/runtime';

/** How long after listening a deferred site starts building unless /docs is asked for first. */
const BUILD_AFTER_MS = 1_000;
/** How long a request under /docs waits for a site being built before it is told to come back. */
const WAIT_MS = 5_000;
/** The Retry-After (and page refresh) of that answer, in seconds. */
const RETRY_AFTER_S = 5;

/** What a wait for the site gives when the site is not ready by then. */
const BUILDING = Symbol('building');

export interface DeferredDocsOptions {
	/** How long a /docs request waits for the build before the "being built" answer (ms). */
	readonly waitMs?: number;
}

/**
 * Serves the docs site, built once the server runs: on the first request under /docs, or a
 * second after listening, whichever comes first (`build` should give the event loop turns, as
 * `buildSiteInSlices` does, so the API answers while the site is made). Other paths never
 * wait for it. A /docs request waits up to 5 s for the site; past that it gets a 503 page
 * saying the site is being built, with Retry-After (a browser reloads it by itself). A site
 * that fails to build is logged and its paths fall through to the REST router (404).
 */
export function deferredDocs(
	build: () => Promise<SiteFiles>,
	logger: Logger,
	options: DeferredDocsOptions = {},
): NodeMount {
	let handler: Promise<DocsHandler | undefined> | undefined;
	let startedAt = 0;
	const start = () => {
		if (handler) return handler;
		startedAt = performance.now();
		handler = build()
			.then(async (files) => {
				const { createDocsHandler } = await import('@charter/docs');
				logger.info(
					{ pages: files.size, ms: Math.round(performance.now() - startedAt) },
					'docs site built',
				);
				return createDocsHandler(files);
			})
			.catch((error: unknown) => {
				logger.error({ err: error }, 'the docs site failed to build; /docs is not served');
				return undefined;
			});
		return handler;
	};
	setTimeout(start, BUILD_AFTER_MS).unref();
	const waitMs = options.waitMs ?? WAIT_MS;
	return async (request, response) => {
		const path = request.url ?? '/';
		if (path !== '/docs' && !path.startsWith('/docs/') && !path.startsWith('/docs?')) return false;
		const waited = new AbortController();
		const docs = await Promise.race([
			start(),
			delay<typeof BUILDING>(waitMs, BUILDING, { signal: waited.signal }).catch(
				(): typeof BUILDING => BUILDING,
			),
		]);
		waited.abort();
		if (docs === BUILDING) {
			const seconds = Math.round((performance.now() - startedAt) / 1000);
			response
				.writeHead(503, {
					'content-type': 'text/html; charset=utf-8',
					'retry-after': String(RETRY_AFTER_S),
					'cache-control': 'no-store',
				})
				.end(buildingPage(seconds));
			return true;
		}
		return docs ? docs(request, response) : false;
	};
}

/** The page answered while the site is being built: says so, and reloads itself. */
function buildingPage(seconds: number): string {
	return [
		'<!doctype html>',
		'<html lang="en"><head><meta charset="utf-8">',
		`<meta http-equiv="refresh" content="${RETRY_AFTER_S}">`,
		'<title>Docs being built</title></head><body>',
		'<h1>The docs site is being built</h1>',
		`<p>The server started ${seconds} s ago and builds its docs while it already serves the API. This page reloads every ${RETRY_AFTER_S} s until the site is ready.</p>`,
		'</body></html>',
		'',
	].join('\n');
}
