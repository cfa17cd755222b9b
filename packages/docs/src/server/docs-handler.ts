import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SiteFiles } from '../site/render-site.ts';

const TYPES: Record<string, string> = {
	html: 'text/html; charset=utf-8',
	css: 'text/css; charset=utf-8',
	js: 'text/javascript; charset=utf-8',
	json: 'application/json; charset=utf-8',
	md: 'text/markdown; charset=utf-8',
	txt: 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy of the docs site: scripts, styles and images from the site only,
 * no inline script or style, no frames. Requests (`connect-src`) may go to this origin or any
 * http(s) server, because the try-it panel calls the server the reader configures.
 */
export const DOCS_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"connect-src 'self' http: https:",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
].join('; ');

export interface DocsHandlerOptions {
	/** Path the site is mounted at; `/docs` by default. */
	readonly basePath?: string;
}

/** Serves the site for requests under the base path; gives `false` for any other path. */
export type DocsHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Creates a node:http handler that serves a generated site from memory under `/docs`, so
 * `charter docs` and `charter serve` can mount the same site.
 *
 * @example
 * const handle = createDocsHandler(buildSite(registry));
 * createServer((req, res) => { if (!handle(req, res)) { res.statusCode = 404; res.end(); } });
 */
export function createDocsHandler(files: SiteFiles, options: DocsHandlerOptions = {}): DocsHandler {
	const base = (options.basePath ?? '/docs').replace(/\/+$/, '');
	return (request, response) => {
		// A target that is not a path (`//`, `//[`, `/\\`) is not the site's: the REST router
		// answers it with its 400 or 404 problem.
		const target = request.url ?? '/';
		if (
			!target.startsWith('/') ||
			target.startsWith('//') ||
			!URL.canParse(target, 'http://localhost')
		)
			return false;
		const url = new URL(target, 'http://localhost');
		const path = url.pathname;
		if (path !== base && !path.startsWith(`${base}/`)) return false;
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response
				.writeHead(405, { allow: 'GET, HEAD', 'content-type': TYPES.html! })
				.end('Method not allowed');
			return true;
		}
		if (path === base) {
			response.writeHead(308, { location: `${base}/${url.search}` }).end();
			return true;
		}
		let relative: string;
		try {
			relative = decodeURIComponent(path.slice(base.length + 1));
		} catch {
			relative = '';
		}
		if (relative === '' || relative.endsWith('/')) relative += 'index.html';
		const body = files.get(relative);
		if (body === undefined) {
			response
				.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
				.end(`Not found: ${relative}`);
			return true;
		}
		const ext = relative.slice(relative.lastIndexOf('.') + 1);
		response.writeHead(200, {
			'content-type': TYPES[ext] ?? 'application/octet-stream',
			'content-length': Buffer.byteLength(body),
			'cache-control': 'no-cache',
			'x-content-type-options': 'nosniff',
			'content-security-policy': DOCS_CSP,
			'referrer-policy': 'no-referrer',
		});
		response.end(request.method === 'HEAD' ? undefined : body);
		return true;
	};
}

/**
 * Serves a site on its own HTTP server at `/docs` (`/` redirects there) and gives its URL.
 * Port 0 picks a free port.
 */
export async function serveDocs(
	files: SiteFiles,
	options: { port?: number; host?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
	const handle = createDocsHandler(files);
	const server = createServer((request, response) => {
		if (handle(request, response)) return;
		if (request.url === '/' || request.url === '') {
			response.writeHead(302, { location: '/docs/' }).end();
			return;
		}
		response
			.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
			.end('Not found; the docs are at /docs/');
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${host}:${port}/docs/`,
		close: () =>
			new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			),
	};
}
