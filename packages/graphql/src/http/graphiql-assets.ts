import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXPLORER_SCRIPT, EXPLORER_STYLE } from './graphiql-boot.ts';

/** One file the explorer page loads, held in memory. */
interface ExplorerAsset {
	readonly body: Uint8Array<ArrayBuffer>;
	readonly contentType: string;
	/** Short content hash: the `?v=` of the page's URLs and the ETag. */
	readonly hash: string;
	gzip?: Uint8Array<ArrayBuffer>;
}

/** The explorer's browser files, read once, served from memory under `<endpoint>/assets/`. */
export interface ExplorerAssets {
	/** The names served, in the order the page loads them. */
	readonly names: readonly string[];
	/** Returns the versioned URL of an asset under an endpoint path. */
	url(endpoint: string, name: string): string;
	/** Answers a GET or HEAD for one asset (404 for an unknown name). */
	serve(name: string, request: Request): Response;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Where each asset comes from: a file of an installed package (found through its
 * `package.json`, since the packages' `exports` do not list their browser builds), or text.
 */
const SOURCES: readonly (readonly [
	string,
	{ package: string; file: string } | { text: string },
	string,
])[] = [
	['graphiql.css', { package: 'graphiql', file: 'dist/style.css' }, CSS],
	['explorer.css', { text: EXPLORER_STYLE }, CSS],
	['react.js', { package: 'react', file: 'umd/react.production.min.js' }, JS],
	['react-dom.js', { package: 'react-dom', file: 'umd/react-dom.production.min.js' }, JS],
	['graphql-sse.js', { package: 'graphql-sse', file: 'umd/graphql-sse.min.js' }, JS],
	['graphiql.js', { package: 'graphiql', file: 'dist/index.umd.js' }, JS],
	['explorer.js', { text: EXPLORER_SCRIPT }, JS],
];

/** How assets are found and what happens when they are not. */
export interface LoadExplorerAssetsOptions {
	/** Resolves `<package>/package.json` to a path (default: Node resolution from this package). */
	readonly resolve?: (specifier: string) => string;
	/** Receives the line that says the explorer falls back (default `console.warn`). */
	readonly warn?: (message: string) => void;
}

let loaded: ExplorerAssets | undefined | null = null;

/**
 * Loads the GraphiQL explorer's files (GraphiQL 3 UMD build and stylesheet, React 18 UMD,
 * the graphql-sse browser client, and Charter's boot script) into memory, once per process.
 * Returns undefined, after one warning line, when a file cannot be resolved or read; the
 * handler then serves the minimal explorer page instead.
 */
export function loadExplorerAssets(
	options: LoadExplorerAssetsOptions = {},
): ExplorerAssets | undefined {
	const memoize = options.resolve === undefined;
	if (memoize && loaded !== null) return loaded;
	const resolve = options.resolve ?? createRequire(import.meta.url).resolve;
	const warn = options.warn ?? ((message: string) => console.warn(message));
	const assets = new Map<string, ExplorerAsset>();
	for (const [name, source, contentType] of SOURCES) {
		let body: Uint8Array<ArrayBuffer>;
		if ('text' in source) {
			body = new TextEncoder().encode(source.text);
		} else {
			try {
				const root = dirname(resolve(`${source.package}/package.json`));
				body = new Uint8Array(readFileSync(join(root, source.file)));
			} catch (error) {
				warn(
					`[charter/graphql] GraphiQL explorer unavailable (cannot load ${source.package}/${source.file}: ${
						(error as Error).message.split('\n')[0]
					}); serving the minimal explorer page at GET /graphql instead`,
				);
				if (memoize) loaded = undefined;
				return undefined;
			}
		}
		const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
		assets.set(name, { body, contentType, hash });
	}
	const result = createServer(assets);
	if (memoize) loaded = result;
	return result;
}

function createServer(assets: Map<string, ExplorerAsset>): ExplorerAssets {
	return {
		names: [...assets.keys()],
		url: (endpoint, name) => {
			const asset = assets.get(name);
			if (!asset) throw new Error(`unknown explorer asset "${name}"`);
			return `${endpoint}/assets/${name}?v=${asset.hash}`;
		},
		serve: (name, request) => {
			const asset = assets.get(name);
			if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) {
				return new Response(asset ? 'method not allowed' : 'not found', {
					status: asset ? 405 : 404,
					headers: {
						'content-type': 'text/plain; charset=utf-8',
						...(asset ? { allow: 'GET, HEAD' } : {}),
					},
				});
			}
			const etag = `"${asset.hash}"`;
			// A URL carrying the current hash never changes content; any other URL revalidates.
			const versioned = new URL(request.url).searchParams.get('v') === asset.hash;
			const headers: Record<string, string> = {
				'content-type': asset.contentType,
				'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
				etag,
				vary: 'accept-encoding',
				'x-content-type-options': 'nosniff',
				'cross-origin-resource-policy': 'same-origin',
			};
			if (request.headers.get('if-none-match') === etag) {
				return new Response(null, { status: 304, headers });
			}
			let body = asset.body;
			if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
				asset.gzip ??= new Uint8Array(gzipSync(asset.body));
				body = asset.gzip;
				headers['content-encoding'] = 'gzip';
			}
			headers['content-length'] = String(body.byteLength);
			return new Response(request.method === 'HEAD' ? null : body, { headers });
		},
	};
}
