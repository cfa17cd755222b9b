import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../../test/fixtures/fixture-contracts.ts';
import { createFixtureExecutor } from '../../test/fixtures/fixture-executor.ts';
import { loadExplorerAssets } from './graphiql-assets.ts';
import { GRAPHIQL_CSP } from './graphiql-page.ts';
import { createGraphqlHandler } from './graphql-handler.ts';

const handler = createGraphqlHandler(fixtureRegistry(), { executor: createFixtureExecutor() });
const get = (path: string, headers: Record<string, string> = {}) =>
	handler.fetch(new Request(`http://localhost${path}`, { headers }));

async function pageUrls(): Promise<string[]> {
	const html = await (await get('/graphql', { accept: 'text/html' })).text();
	return [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
		.map((m) => m[1]!.replaceAll('&#38;', '&'))
		.filter((url) => url !== 'data:,'); // the empty favicon, so the browser asks for none
}

describe('GraphiQL explorer over HTTP', () => {
	it('GET /graphql for a browser is the GraphiQL page, under a self-only CSP', async () => {
		const response = await get('/graphql', { accept: 'text/html,application/xhtml+xml' });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
		expect(GRAPHIQL_CSP).toContain("default-src 'none'");
		expect(GRAPHIQL_CSP).toContain("script-src 'self';");
		expect(GRAPHIQL_CSP).not.toMatch(/unsafe|https?:|\*/);
		const html = await response.text();
		expect(html).toContain('<div id="graphiql" data-endpoint="/graphql">');
		// No inline code: the CSP forbids it, so it must not be needed.
		expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|<style|style=/);
	});

	it('the page references only local /graphql/assets/ URLs, one per asset, in load order', async () => {
		const urls = await pageUrls();
		expect(urls.map((u) => u.replace(/\?v=[\w-]{12}$/, ''))).toEqual([
			'/graphql/assets/graphiql.css',
			'/graphql/assets/explorer.css',
			'/graphql/assets/react.js',
			'/graphql/assets/react-dom.js',
			'/graphql/assets/graphql-sse.js',
			'/graphql/assets/graphiql.js',
			'/graphql/assets/explorer.js',
		]);
	});

	it('serves every asset 200 with its content type, nosniff and a year-long immutable cache', async () => {
		for (const url of await pageUrls()) {
			const response = await get(url);
			expect(response.status, url).toBe(200);
			expect(response.headers.get('content-type'), url).toBe(
				url.includes('.css?') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
			);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			const body = await response.text();
			expect(body.length, url).toBeGreaterThan(40);
			expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
		}
	});

	it('serves the real GraphiQL 3 and React 18 production builds', async () => {
		const text = async (name: string) => (await get(`/graphql/assets/${name}`)).text();
		expect(await text('graphiql.js')).toMatch(/\.GraphiQL=t\(e\.React,e\.ReactDOM\)/);
		expect(await text('graphiql.css')).toContain('.graphiql-container');
		expect(await text('react.js')).toMatch(
			/^\/\*\*\s*\n\s*\* @license React\s*\n\s*\* react\.production\.min\.js/,
		);
		expect(await text('react-dom.js')).toContain('react-dom.production.min.js');
		expect(await text('graphql-sse.js')).toContain('graphqlSse');
	});

	it('an unversioned asset URL revalidates; a matching ETag is 304 with no body', async () => {
		const first = await get('/graphql/assets/react.js');
		expect(first.headers.get('cache-control')).toBe('no-cache');
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]{12}"$/);
		const again = await get('/graphql/assets/react.js', { 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});

	it('gzips an asset for a client that accepts it, byte-identical once decompressed', async () => {
		const plain = new Uint8Array(await (await get('/graphql/assets/graphiql.js')).arrayBuffer());
		const zipped = await get('/graphql/assets/graphiql.js', { 'accept-encoding': 'gzip' });
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		const raw = new Uint8Array(await zipped.arrayBuffer());
		expect(raw.byteLength).toBeLessThan(plain.byteLength / 2);
		expect(new Uint8Array(gunzipSync(raw))).toEqual(plain);
	});

	it('an unknown asset is 404, a POST to an asset is 405', async () => {
		expect((await get('/graphql/assets/nope.js')).status).toBe(404);
		expect((await get('/graphql/assets/../package.json')).status).toBe(404);
		const post = await handler.fetch(
			new Request('http://localhost/graphql/assets/react.js', { method: 'POST', body: 'x' }),
		);
		expect(post.status).toBe(405);
		expect(post.headers.get('allow')).toBe('GET, HEAD');
	});

	it('with explorer: false there is neither a page nor assets', async () => {
		const off = createGraphqlHandler(fixtureRegistry(), {
			executor: createFixtureExecutor(),
			explorer: false,
		});
		const asset = await off.fetch(new Request('http://localhost/graphql/assets/react.js'));
		expect(asset.status).toBe(404);
		const page = await off.fetch(
			new Request('http://localhost/graphql', { headers: { accept: 'text/html' } }),
		);
		expect(page.headers.get('content-type')).not.toContain('text/html');
	});

	it('a custom path serves its assets under that path', async () => {
		const mounted = createGraphqlHandler(fixtureRegistry(), {
			executor: createFixtureExecutor(),
			path: '/api/gql',
		});
		const html = await (
			await mounted.fetch(
				new Request('http://localhost/api/gql', { headers: { accept: 'text/html' } }),
			)
		).text();
		expect(html).toContain('data-endpoint="/api/gql"');
		expect(html).toMatch(/src="\/api\/gql\/assets\/graphiql\.js\?v=/);
		expect(
			(await mounted.fetch(new Request('http://localhost/api/gql/assets/graphiql.js'))).status,
		).toBe(200);
	});
});

describe('explorer assets that cannot be resolved', () => {
	it('load as undefined after one warning line that names the missing file and the fallback', () => {
		const warnings: string[] = [];
		const assets = loadExplorerAssets({
			resolve: (specifier) => {
				if (specifier.startsWith('graphiql/')) throw new Error(`Cannot find module '${specifier}'`);
				return specifier;
			},
			warn: (line) => warnings.push(line),
		});
		expect(assets).toBeUndefined();
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(
			/GraphiQL explorer unavailable \(cannot load graphiql\/dist\/style\.css/,
		);
		expect(warnings[0]).toContain('minimal explorer page');
	});

	it('resolve from this package when nothing is injected, and keep every file in memory', () => {
		const assets = loadExplorerAssets();
		expect(assets?.names).toContain('graphiql.js');
		expect(loadExplorerAssets()).toBe(assets);
	});
});
