import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createAssetServer, defaultAssetsDir, loadAssets } from './static-assets.ts';

/** What `charter studio --url` needs: the server to operate, and optionally where the app is. */
export interface StudioProxyOptions {
	/** The running server (`https://api.example.com`): its Studio API and surfaces are used. */
	readonly target: string;
	readonly assetsDir?: string;
	readonly basePath?: string;
}

/** Request headers passed to the server; cookies and hop-by-hop headers are not. */
const FORWARDED = [
	'authorization',
	'content-type',
	'accept',
	'idempotency-key',
	'last-event-id',
	'x-trace-id',
	'traceparent',
];
/** Response headers passed back (fetch already decoded the body, so no content-encoding). */
const RETURNED = [
	'content-type',
	'cache-control',
	'retry-after',
	'x-trace-id',
	'idempotent-replayed',
	'deprecation',
	'sunset',
	'www-authenticate',
	'location',
];

/**
 * Studio against a running server: the app is served from this package (same strict CSP), and
 * every other request (Studio's API, REST, GraphQL, MCP) goes to the server as the browser sent
 * it, Authorization included, so the server's own access rules and policies decide every call.
 * Streams (the live events) are passed through as they arrive.
 */
export function createStudioProxy(
	options: StudioProxyOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
	const base = (options.basePath ?? '/studio').replace(/\/+$/, '');
	const target = new URL(options.target);
	const serveAsset = createAssetServer(loadAssets(options.assetsDir ?? defaultAssetsDir()));
	return async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const path = url.pathname;
		if (path === base || path === '/') {
			response.writeHead(308, { location: `${base}/${url.search}` }).end();
			return;
		}
		if (path.startsWith(`${base}/`) && !path.startsWith(`${base}/api/`)) {
			serveAsset(path.slice(base.length + 1), request, response);
			return;
		}
		await forward(target, url, request, response);
	};
}

async function forward(
	target: URL,
	url: URL,
	request: IncomingMessage,
	response: ServerResponse,
): Promise<void> {
	const headers = new Headers();
	for (const name of FORWARDED) {
		const value = request.headers[name];
		if (typeof value === 'string') headers.set(name, value);
	}
	const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
	const abort = new AbortController();
	response.once('close', () => abort.abort());
	let upstream: Response;
	try {
		upstream = await fetch(new URL(`${url.pathname}${url.search}`, target), {
			method: request.method ?? 'GET',
			headers,
			...(hasBody ? { body: Readable.toWeb(request) as ReadableStream, duplex: 'half' } : {}),
			signal: abort.signal,
			redirect: 'manual',
		} as RequestInit);
	} catch (error) {
		if (abort.signal.aborted) return;
		response.writeHead(502, { 'content-type': 'application/problem+json' }).end(
			JSON.stringify({
				type: 'urn:charter:problem:unavailable',
				title: 'The server does not answer',
				status: 502,
				detail: `${target.origin}: ${(error as Error).message}`,
			}),
		);
		return;
	}
	const returned: Record<string, string> = {};
	for (const name of RETURNED) {
		const value = upstream.headers.get(name);
		if (value !== null) returned[name] = value;
	}
	response.writeHead(upstream.status, returned);
	if (!upstream.body || request.method === 'HEAD') {
		response.end();
		return;
	}
	response.flushHeaders();
	try {
		for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) {
			response.write(chunk);
		}
	} catch {
		// The browser went away or the server closed the stream.
	}
	response.end();
}
