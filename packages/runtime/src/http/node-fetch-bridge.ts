import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvocationMetadata } from '../context/principal.ts';
import { readNodeBody } from '../limits/request-body.ts';
import { accessRecordOf, attachAccessRecord } from '../logging/access-record.ts';
import { fetchHeaders } from './http-headers.ts';

const CLIENT_ADDRESS = Symbol.for('charter.clientAddress');

/** The socket address of the client that sent `request`, when a node:http server received it. */
export function clientAddressOf(request: object): string | undefined {
	return (request as { [CLIENT_ADDRESS]?: string })[CLIENT_ADDRESS];
}

/**
 * The call metadata of a fetch request for `transport`: its headers, and the client's address
 * and access record when a node:http server received it.
 */
export function fetchRequestMetadata(
	request: Request,
	transport: NonNullable<InvocationMetadata['transport']>,
): InvocationMetadata {
	const address = clientAddressOf(request);
	const access = accessRecordOf(request);
	return {
		headers: fetchHeaders(request.headers),
		transport,
		...(address !== undefined ? { clientAddress: address } : {}),
		...(access !== undefined ? { access } : {}),
	};
}

/**
 * Converts a node:http request into a fetch `Request`, reading at most `bodyLimit` bytes
 * (undefined when the body is larger). The request's signal aborts when the client goes away;
 * the client's address ({@link clientAddressOf}) and the access record go with it.
 */
export async function toFetchRequest(
	req: IncomingMessage,
	res: ServerResponse,
	bodyLimit: number,
): Promise<Request | undefined> {
	const controller = new AbortController();
	res.on('close', () => controller.abort());
	const headers = new Headers();
	for (const [key, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
	}
	const method = req.method ?? 'GET';
	let body: string | undefined;
	if (method !== 'GET' && method !== 'HEAD') {
		const read = await readNodeBody(req, bodyLimit);
		if ('tooLarge' in read) return undefined;
		body = read.text;
	}
	// A malformed Host header must not make the URL invalid: the path is what routes.
	const host = URL.canParse(`http://${req.headers.host}/`) ? req.headers.host : 'localhost';
	const target = req.url?.startsWith('/') ? req.url : '/';
	const request = new Request(`http://${host}${target}`, {
		method,
		headers,
		...(body !== undefined ? { body } : {}),
		signal: controller.signal,
	});
	const address = req.socket?.remoteAddress;
	if (address !== undefined)
		(request as unknown as { [CLIENT_ADDRESS]?: string })[CLIENT_ADDRESS] = address;
	const access = accessRecordOf(req);
	if (access) attachAccessRecord(request, access);
	return request;
}

/** Writes a fetch `Response` (streamed bodies included) to a node:http response. */
export async function writeFetchResponse(
	response: Response,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const headers: Record<string, string> = {};
	response.headers.forEach((value, key) => {
		headers[key] = value;
	});
	res.writeHead(response.status, headers);
	if (!response.body) {
		res.end();
		return;
	}
	const reader = response.body.getReader();
	const stop = () => void reader.cancel().catch(() => {});
	req.on('close', stop);
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			res.write(value);
		}
	} catch {
		// The client went away mid-stream; nothing left to tell it.
	} finally {
		req.off('close', stop);
		res.end();
	}
}
