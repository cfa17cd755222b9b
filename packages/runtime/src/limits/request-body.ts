import type { IncomingMessage } from 'node:http';

/** The largest request body every surface accepts by default (`bodyLimit`): 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** A request body read within its limit, or the news that it was larger. */
export type BodyResult = { readonly text: string } | { readonly tooLarge: true };

/** Beyond this many times the limit, an oversized body is no longer drained but cut off. */
const DRAIN_FACTOR = 8;

/**
 * Reads a node:http request body as UTF-8 text, at most `limit` bytes: the one body reader of
 * the REST, GraphQL and MCP endpoints. A moderately oversized body is drained so the client
 * reads the 413; a flood (over 8 times the limit) is cut off.
 *
 * @example
 * const body = await readNodeBody(req, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
 * if ('tooLarge' in body) return reply(413);
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
	// `resolve` keeps the first result and ignores the later ones. A client that goes away
	// mid-body gets no answer: node then ends the request with an 'error' (or nothing at all).
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				chunks.length = 0;
				// Drain a moderately oversized body so the client reads our 413; cut off a flood.
				if (size > limit * DRAIN_FACTOR) {
					resolve({ tooLarge: true });
					req.destroy();
				}
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			resolve(size > limit ? { tooLarge: true } : { text: joinChunks(chunks) });
		});
		req.on('error', () => resolve({ tooLarge: true }));
		// Ask for the body now: node then counts the request as consumed, and does not dump
		// it (dropping listeners, resuming the stream once more) when the response finishes.
		req.read(0);
	});
}

/**
 * Reads a fetch `Request` body as UTF-8 text, at most `limit` bytes, streaming: a larger body
 * is cancelled as soon as it passes the limit. The fetch twin of {@link readNodeBody}.
 */
export async function readFetchBody(request: Request, limit: number): Promise<BodyResult> {
	if (!request.body) return { text: '' };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			return { tooLarge: true };
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return { text: new TextDecoder().decode(bytes) };
}

/** The body as text; a body in one chunk (the usual case) is decoded without a copy. */
function joinChunks(chunks: readonly Buffer[]): string {
	if (chunks.length === 1) return chunks[0]!.toString('utf8');
	return Buffer.concat(chunks).toString('utf8');
}
