import type { AccessRecord, BodyResult, CallerSignal, RequestTarget } from '@charter/runtime';

export type { BodyResult };

/** An HTTP request as the shared router sees it, whatever the server or framework. */
export interface RestRequest {
	readonly method: string;
	/** Path and query, e.g. `/v1/todo/list?done=true`. */
	readonly url: string;
	/** `url` as a host in front already read it (`createCharterServer`), so it is read once. */
	readonly target?: RequestTarget;
	/** Lowercased header names; repeated headers joined with `, `. */
	readonly headers: Readonly<Record<string, string | undefined>>;
	/** Reads the body up to `limit` bytes. */
	readBody(limit: number): Promise<BodyResult>;
	/**
	 * The body's bytes as they arrive, for a multipart body with files (read instead of
	 * `readBody`); absent, or undefined, where the host owns the stream.
	 */
	bodyStream?(): AsyncIterable<Uint8Array> | undefined;
	/** Aborts when the client goes away (an `AbortSignal` fits). */
	readonly signal?: CallerSignal;
	/** A body a framework already parsed (Express `req.body`), used instead of reading. */
	readonly parsedBody?: unknown;
	/** Where the executor records the trace id and principal for the access log line. */
	readonly access?: AccessRecord;
	/** The peer's address from the socket, for per-client rate limits. */
	readonly clientAddress?: string | undefined;
}

/** An HTTP response from the shared router. */
export interface RestResponse {
	readonly status: number;
	readonly headers: Record<string, string>;
	readonly body?: string;
	/** `Set-Cookie` values, one header each (a handler's declared cookies). */
	readonly cookies?: readonly string[];
	/** A streamed body (a declared download) instead of `body`. */
	readonly stream?: AsyncIterable<Uint8Array | string>;
}
