import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyResult, RestRequest, RestResponse } from '../http/rest-message.ts';

/** Beyond this many times the limit, an oversized body is no longer drained but cut off. */
const DRAIN_FACTOR = 8;

/** Translates a node:http request to the router's request. */
export function fromNodeRequest(req: IncomingMessage, parsedBody?: unknown): RestRequest {
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	const controller = new AbortController();
	req.once('close', () => {
		if (!req.complete) controller.abort();
	});
	return {
		method: req.method ?? 'GET',
		url: req.url ?? '/',
		headers,
		signal: controller.signal,
		...(parsedBody !== undefined ? { parsedBody } : {}),
		readBody: (limit) => readNodeBody(req, limit),
	};
}

function readNodeBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const done = (result: BodyResult) => {
			if (!settled) {
				settled = true;
				resolve(result);
			}
		};
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				chunks.length = 0;
				// Drain a moderately oversized body so the client reads our 413; cut off a flood.
				if (size > limit * DRAIN_FACTOR) {
					done({ tooLarge: true });
					req.destroy();
				}
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () =>
			done(size > limit ? { tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8') }),
		);
		req.on('error', () => done({ tooLarge: true }));
		req.on('close', () =>
			done(size > limit ? { tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8') }),
		);
	});
}

/** Writes the router's response to a node:http response. */
export function writeNodeResponse(res: ServerResponse, response: RestResponse): void {
	if (res.headersSent || res.destroyed) return;
	const body = response.body === undefined ? undefined : Buffer.from(response.body, 'utf8');
	res.writeHead(response.status, {
		...response.headers,
		...(body ? { 'content-length': String(body.length) } : {}),
	});
	res.end(body);
}
