import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { type BuiltInProblemCode, createProblem, type Problem } from '@charter/runtime';

/** Headers every Studio response carries: nothing cached by shared caches, nothing sniffed. */
const COMMON = {
	'cache-control': 'no-store',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
} as const;

/** Whether the client takes gzip (every browser does; curl without --compressed does not). */
export function acceptsGzip(request: IncomingMessage): boolean {
	return /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
}

/** Sends JSON, gzipped when the client takes it and the body is worth it. */
export function sendJson(
	request: IncomingMessage,
	response: ServerResponse,
	status: number,
	value: unknown,
	contentType = 'application/json; charset=utf-8',
): void {
	const text = Buffer.from(JSON.stringify(value));
	const zip = text.length > 1024 && acceptsGzip(request);
	const body = zip ? gzipSync(text) : text;
	response.writeHead(status, {
		...COMMON,
		'content-type': contentType,
		'content-length': body.length,
		vary: 'accept-encoding',
		...(zip ? { 'content-encoding': 'gzip' } : {}),
	});
	response.end(request.method === 'HEAD' ? undefined : body);
}

/** Sends an RFC 9457 problem document. */
export function sendProblem(
	request: IncomingMessage,
	response: ServerResponse,
	problem: Problem,
): void {
	sendJson(request, response, problem.status, problem, 'application/problem+json; charset=utf-8');
}

/** Sends a built-in problem by code. */
export function refuse(
	request: IncomingMessage,
	response: ServerResponse,
	code: BuiltInProblemCode,
	detail: string,
): void {
	sendProblem(request, response, createProblem(code, { detail }));
}

/** Reads a small JSON request body (64 KiB at most); undefined when it is not JSON. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > 64 * 1024) return undefined;
		chunks.push(chunk as Buffer);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		return undefined;
	}
}

export { COMMON as COMMON_HEADERS };
