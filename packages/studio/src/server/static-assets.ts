import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Where `npm run build -w @charter/studio` puts the app, found by package name: a path relative
 * to this file would point elsewhere once `charter build` has bundled it into a server. Resolved
 * only when asked (no `assetsDir` given), so a bundle deployed without the package still imports.
 */
export function defaultAssetsDir(): string {
	return join(
		dirname(createRequire(import.meta.url).resolve('@charter/studio/package.json')),
		'dist/app',
	);
}

const TYPES: Record<string, string> = {
	html: 'text/html; charset=utf-8',
	js: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	svg: 'image/svg+xml',
	json: 'application/json; charset=utf-8',
	ico: 'image/x-icon',
	png: 'image/png',
	woff2: 'font/woff2',
};

/** One built file, kept in memory with its gzipped twin. */
export interface Asset {
	readonly type: string;
	readonly body: Buffer;
	readonly gzip: Buffer;
	/** Vite names bundles by content hash: those may be cached for good. */
	readonly immutable: boolean;
}

/**
 * Loads the built app (a folder of files) into memory, gzipped once; undefined when the app was
 * not built (the handler then says how to build it).
 */
export function loadAssets(dir: string): Map<string, Asset> | undefined {
	if (!existsSync(join(dir, 'index.html'))) return undefined;
	const assets = new Map<string, Asset>();
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) {
				walk(path);
				continue;
			}
			const body = readFileSync(path);
			const file = relative(dir, path).split(sep).join('/');
			assets.set(file, {
				type: TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
				body,
				gzip: gzipSync(body, { level: 9 }),
				immutable: file.startsWith('assets/'),
			});
		}
	};
	walk(dir);
	return assets;
}

/**
 * Studio's Content-Security-Policy: scripts, styles, fonts and images from Studio only, calls to
 * this origin only, no inline script or style element, no frames, no form posts elsewhere.
 */
export const STUDIO_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"manifest-src 'self'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = [
	'Studio is not built.',
	'Run `npm run build -w @charter/studio` (npm start does it), then restart the server.',
].join('\n');

/**
 * Serves the built app: a path under Studio (`''` for its root) gets its file with the strict
 * CSP, gzipped when the browser takes it; 503 saying how to build when the app is not built.
 */
export function createAssetServer(
	assets: Map<string, Asset> | undefined,
): (path: string, request: IncomingMessage, response: ServerResponse) => void {
	return (path, request, response) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		if (!assets) {
			response
				.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' })
				.end(NOT_BUILT);
			return;
		}
		const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
		const asset = assets.get(file);
		if (!asset) {
			response
				.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
				.end(`Not found: ${file}`);
			return;
		}
		sendAsset(asset, request, response);
	};
}

function sendAsset(asset: Asset, request: IncomingMessage, response: ServerResponse) {
	const zip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
	const body = zip ? asset.gzip : asset.body;
	response.writeHead(200, {
		'content-type': asset.type,
		'content-length': body.length,
		'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		'content-security-policy': STUDIO_CSP,
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer',
		'cross-origin-opener-policy': 'same-origin',
		vary: 'accept-encoding',
		...(zip ? { 'content-encoding': 'gzip' } : {}),
	});
	response.end(request.method === 'HEAD' ? undefined : body);
}
