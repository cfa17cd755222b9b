import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
	type AccessRecord,
	accessRecordOf,
	type CallerSignal,
	endStreamSource,
	nodeHeaders,
	type RequestTarget,
	readNodeBody,
	requestTargetOf,
} from '@charter/runtime';
import type { BodyResult, RestRequest, RestResponse } from '../http/rest-message.ts';

/** What a host framework adds to a node:http request it hands over. */
export interface NodeRequestOptions {
	/** The body, when the host already parsed it (Express's `req.body`). */
	readonly parsedBody?: unknown;
	/** The response: a client that goes away before it is finished aborts the call. */
	readonly response?: ServerResponse;
	/** Reads the body, when the host owns the stream (Fastify); node's own stream otherwise. */
	readonly readBody?: (limit: number) => Promise<BodyResult>;
	/** The body's bytes as they arrive, when the host owns the stream (Fastify). */
	readonly bodyStream?: () => AsyncIterable<Uint8Array>;
}

/** Translates a node:http request to the router's request. */
export function fromNodeRequest(req: IncomingMessage, options?: NodeRequestOptions): RestRequest {
	return new NodeRestRequest(req, options);
}

/** The router's view of a node:http request; its body is read on demand. */
class NodeRestRequest implements RestRequest {
	readonly method: string;
	readonly url: string;
	readonly target?: RequestTarget;
	readonly headers: Readonly<Record<string, string | undefined>>;
	readonly signal: ClientGoneSignal;
	readonly clientAddress: string | undefined;
	readonly parsedBody?: unknown;
	readonly access?: AccessRecord;
	readonly #req: IncomingMessage;
	readonly #readBody: ((limit: number) => Promise<BodyResult>) | undefined;
	readonly #bodyStream: (() => AsyncIterable<Uint8Array>) | undefined;

	constructor(req: IncomingMessage, options: NodeRequestOptions | undefined) {
		this.#req = req;
		this.method = req.method ?? 'GET';
		this.url = req.url ?? '/';
		const target = requestTargetOf(req);
		if (target !== undefined) this.target = target;
		this.headers = nodeHeaders(req);
		this.clientAddress = req.socket?.remoteAddress;
		this.signal = new ClientGoneSignal(req, options?.response);
		this.#readBody = options?.readBody;
		this.#bodyStream = options?.bodyStream;
		if (options?.parsedBody !== undefined) this.parsedBody = options.parsedBody;
		const access = accessRecordOf(req);
		if (access !== undefined) this.access = access;
	}

	readBody(limit: number): Promise<BodyResult> {
		return this.#readBody ? this.#readBody(limit) : readNodeBody(this.#req, limit);
	}

	/**
	 * The stream the host hands on (Fastify), else the request's own unless the host reads it.
	 * A method, not a closure set per request: every request keeps one shape and allocates
	 * nothing for a body that is rarely a multipart upload (a per-request closure here cost
	 * ~20% CPU per request in the REST bench).
	 */
	bodyStream(): AsyncIterable<Uint8Array> | undefined {
		if (this.#bodyStream !== undefined) return this.#bodyStream();
		return this.#readBody === undefined ? this.#req : undefined;
	}
}

/**
 * Aborts when the client goes away before its response is finished: mid-body (the request is
 * cut off) or later, while a handler runs (the response closes unfinished; known only when the
 * response was given). A plain listener list instead of an `AbortController`: one of those per
 * request (and the executor's listener on it) cost more than the rest of the request
 * translation together, for a signal that almost never fires. It listens to the request and
 * the response only once someone listens to it.
 */
class ClientGoneSignal implements CallerSignal {
	#aborted = false;
	reason: unknown;
	#listeners: (() => void)[] | undefined;
	readonly #req: IncomingMessage;
	readonly #res: ServerResponse | undefined;

	constructor(req: IncomingMessage, res: ServerResponse | undefined) {
		this.#req = req;
		this.#res = res;
	}

	get aborted(): boolean {
		// Nobody listened yet: tell from the request and the response whether the client left.
		if (!this.#aborted && this.#listeners === undefined && this.#clientGone()) this.abort();
		return this.#aborted;
	}

	#clientGone(): boolean {
		const req = this.#req;
		const res = this.#res;
		return (req.destroyed && !req.complete) || (res?.destroyed === true && !res.writableFinished);
	}

	addEventListener(_type: 'abort', listener: () => void): void {
		if (this.aborted) return;
		if (this.#listeners === undefined) {
			this.#listeners = [];
			this.#req.on('close', () => {
				if (!this.#req.complete) this.abort();
			});
			this.#res?.on('close', () => {
				if (!this.#res!.writableFinished) this.abort();
			});
		}
		this.#listeners.push(listener);
	}

	removeEventListener(_type: 'abort', listener: () => void): void {
		const at = this.#listeners?.indexOf(listener) ?? -1;
		if (at >= 0) this.#listeners!.splice(at, 1);
	}

	abort(): void {
		if (this.#aborted) return;
		this.#aborted = true;
		this.reason = new DOMException('This operation was aborted', 'AbortError');
		const listeners = this.#listeners ?? [];
		this.#listeners = [];
		for (const listener of listeners) listener();
	}
}

/** Writes the router's response to a node:http response. */
export function writeNodeResponse(res: ServerResponse, response: RestResponse): void {
	if (res.headersSent || res.destroyed) {
		endStreamSource(response.stream);
		return;
	}
	const { body } = response;
	if (response.cookies !== undefined || response.stream !== undefined) {
		writeControlled(res, response);
		return;
	}
	if (body === undefined) {
		res.writeHead(response.status, response.headers);
		res.end();
		return;
	}
	// Headers as a flat [name, value, ...] list, not an object spread with `content-length`
	// added: on Node 20 the spread copies kept each response's header strings alive through two
	// young-generation collections, which copied and promoted them ("Benchmarks" in the README).
	const flat: string[] = [];
	for (const name in response.headers) {
		// The length is the body's own: a stale one given in the headers would make two.
		if (name.toLowerCase() !== 'content-length') flat.push(name, response.headers[name]!);
	}
	flat.push('content-length', String(Buffer.byteLength(body, 'utf8')));
	res.writeHead(response.status, flat);
	// A string body goes out in one write with the head; a Buffer would be a second chunk.
	res.end(body, 'utf8');
}

/** A response with cookies or a streamed body: one `Set-Cookie` line per cookie, chunks piped. */
function writeControlled(res: ServerResponse, response: RestResponse): void {
	const flat: string[] = [];
	for (const name in response.headers) {
		if (response.stream !== undefined || name.toLowerCase() !== 'content-length') {
			flat.push(name, response.headers[name]!);
		}
	}
	for (const cookie of response.cookies ?? []) flat.push('set-cookie', cookie);
	const { body, stream } = response;
	if (stream === undefined) {
		if (body !== undefined) flat.push('content-length', String(Buffer.byteLength(body, 'utf8')));
		res.writeHead(response.status, flat);
		res.end(body, 'utf8');
		return;
	}
	res.writeHead(response.status, flat);
	// pipeline ends the source when the client goes away, and destroys the socket when the
	// source throws mid-way (the client sees a cut body, not a complete-looking one).
	pipeline(Readable.from(stream, { objectMode: false }), res).catch(() => {});
}
