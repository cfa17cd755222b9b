import type { OperationSpec, ResponseCookieDeclaration } from '@charter/spec';
import { successStatuses } from '@charter/spec';

/** What a streamed download may come from: an async iterable of chunks, or a web stream. */
export type StreamSource =
	| AsyncIterable<Uint8Array | string>
	| { getReader(): { read(): Promise<{ done: boolean; value?: unknown }> } };

/** A cookie a handler set, before the REST surface writes it with its declared attributes. */
export interface ResponseCookie {
	readonly name: string;
	readonly value: string;
	/** Overrides the declared lifetime, in seconds (0 clears the cookie). */
	readonly maxAge?: number;
}

/**
 * What a handler set of its success response. Status, headers and cookies are plain JSON (status
 * and headers kept with an idempotency record, so a replay answers the same; cookies only as
 * `storedResponse` says); a stream is not.
 */
export interface ResponseState {
	status?: number;
	/** By declared name (`Location`). */
	headers?: Record<string, string>;
	cookies?: ResponseCookie[];
	/** The body of a declared download, in place of the JSON output (REST only). */
	stream?: AsyncIterable<Uint8Array | string>;
}

/** Marks the context of a handler whose contract's REST wire is not known as a type. */
interface AnyRestWire {
	readonly '~any': true;
}

type Declared<Rs, K extends string> = Rs extends { readonly response: infer R }
	? R extends { readonly [P in K]: infer V }
		? V
		: never
	: never;

/** The success statuses a contract lets its handler choose. */
export type DeclaredStatus<Rs> = unknown extends Rs
	? number
	: Rs extends AnyRestWire
		? number
		:
				| (Rs extends { readonly status: infer S extends number } ? S : 200)
				| StatusesOf<Declared<Rs, 'statuses'>>;

// Wrapped: `never` (no `statuses` declared) must not infer `X` as its constraint, `number`.
type StatusesOf<L> = [L] extends [never]
	? never
	: L extends readonly (infer X extends number)[]
		? X
		: never;

/** The response header names a contract declares. */
export type DeclaredHeader<Rs> = unknown extends Rs ? string : NamesOf<Declared<Rs, 'headers'>>;

/** The cookie names a contract declares. */
export type DeclaredCookie<Rs> = unknown extends Rs ? string : NamesOf<Declared<Rs, 'cookies'>>;

// Wrapped: `keyof never` is every key; nothing declared must give no name.
type NamesOf<D> = [D] extends [never] ? never : Extract<keyof D, string>;

/** What `stream()` accepts: a source when the contract declares a download, nothing otherwise. */
export type DeclaredStream<Rs> = unknown extends Rs
	? StreamSource
	: [Declared<Rs, 'stream'>] extends [never]
		? never
		: StreamSource;

/**
 * `ctx.response`: sets the success response within what the contract's `transport.rest`
 * declares. A status, header or cookie the contract does not declare does not compile, and is
 * refused at run time (a 500 `OUTPUT_CONTRACT_VIOLATION`, logged). GraphQL and MCP answer the
 * output and ignore what is set here (their wire has no status or headers).
 *
 * @example
 * ctx.response.status(201).header('Location', `/v1/invoices/${invoice.id}`);
 */
export interface ResponseControl<Rs = any> {
	/** The success status, one of `transport.rest.status` and `response.statuses`. */
	status(code: DeclaredStatus<Rs>): ResponseControl<Rs>;
	/** A declared response header (`response.headers`). */
	header(name: DeclaredHeader<Rs>, value: string): ResponseControl<Rs>;
	/** A declared cookie (`response.cookies`), with its declared attributes and safe defaults. */
	cookie(
		name: DeclaredCookie<Rs>,
		value: string,
		options?: { readonly maxAge?: number },
	): ResponseControl<Rs>;
	/** Expires a declared cookie in the browser. */
	clearCookie(name: DeclaredCookie<Rs>): ResponseControl<Rs>;
	/** The body of a declared download (`response.stream`), instead of the JSON output. */
	stream(source: DeclaredStream<Rs>): ResponseControl<Rs>;
}

/** What the contract declares of its response, compiled once per plan. */
export interface ResponseRules {
	readonly statuses: ReadonlySet<number>;
	/** Lower-cased name -> declared name. */
	readonly headers: ReadonlyMap<string, string>;
	readonly cookies: ReadonlyMap<string, ResponseCookieDeclaration>;
	readonly stream: string | undefined;
}

/** The response rules of an operation. */
export function responseRules(spec: OperationSpec): ResponseRules {
	const rest = spec.transport.rest;
	const response = rest?.response;
	return {
		statuses: new Set(successStatuses(rest)),
		headers: new Map(
			Object.keys(response?.headers ?? {}).map((name) => [name.toLowerCase(), name]),
		),
		cookies: new Map(Object.entries(response?.cookies ?? {})),
		stream: response?.stream?.mediaType,
	};
}

/** A response a handler set outside what its contract declares: a contract bug. */
export class ResponseContractViolation extends Error {
	override readonly name = 'ResponseContractViolation';
}

const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The `ctx.response` of one call; made only when a handler (or middleware) reads it. */
export class CallResponse implements ResponseControl<unknown> {
	readonly state: ResponseState = {};
	constructor(
		readonly rules: ResponseRules,
		readonly operation: string,
	) {}

	status(code: number): this {
		if (!this.rules.statuses.has(code)) {
			this.#refuse(`status ${code}`, `declare it in transport.rest.status or response.statuses`);
		}
		this.state.status = code;
		return this;
	}

	header(name: string, value: string): this {
		const declared =
			typeof name === 'string' ? this.rules.headers.get(name.toLowerCase()) : undefined;
		if (declared === undefined) {
			this.#refuse(
				`header ${JSON.stringify(name)}`,
				'declare it in transport.rest.response.headers',
			);
		}
		if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
			throw new ResponseContractViolation(
				`${this.operation}: the value of header ${declared} is not a valid header value`,
			);
		}
		this.state.headers ??= {};
		this.state.headers[declared] = value;
		return this;
	}

	cookie(name: string, value: string, options?: { readonly maxAge?: number }): this {
		if (!this.rules.cookies.has(name)) {
			this.#refuse(
				`cookie ${JSON.stringify(name)}`,
				'declare it in transport.rest.response.cookies',
			);
		}
		if (typeof value !== 'string') {
			throw new ResponseContractViolation(`${this.operation}: cookie ${name} needs a string value`);
		}
		const maxAge = options?.maxAge;
		if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0)) {
			throw new ResponseContractViolation(
				`${this.operation}: cookie ${name}: maxAge must be a whole number of seconds`,
			);
		}
		this.state.cookies ??= [];
		const cookies = this.state.cookies;
		const at = cookies.findIndex((c) => c.name === name);
		const cookie: ResponseCookie = maxAge === undefined ? { name, value } : { name, value, maxAge };
		if (at >= 0) cookies[at] = cookie;
		else cookies.push(cookie);
		return this;
	}

	clearCookie(name: string): this {
		return this.cookie(name, '', { maxAge: 0 });
	}

	stream(source: StreamSource): this {
		if (this.rules.stream === undefined) {
			this.#refuse('a stream', 'declare transport.rest.response.stream with its media type');
		}
		this.state.stream = asyncChunks(source);
		return this;
	}

	#refuse(what: string, hint: string): never {
		throw new ResponseContractViolation(
			`${this.operation}: the handler set ${what}, which its contract does not declare; ${hint}`,
		);
	}
}

/**
 * Ends a download no one will write (a failed call, a HEAD request, a surface without streams):
 * its iterator's `return()` runs, so a generator's `finally` does. A `return()` that throws or
 * rejects is swallowed: ending a source must never become an unhandled rejection.
 */
export function endStreamSource(stream: AsyncIterable<unknown> | undefined): void {
	if (stream === undefined) return;
	void Promise.resolve()
		.then(() => stream[Symbol.asyncIterator]().return?.())
		.catch(() => {});
}

/** A web ReadableStream or an async iterable as an async iterable of chunks. */
function asyncChunks(source: StreamSource): AsyncIterable<Uint8Array | string> {
	if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) {
		return source as AsyncIterable<Uint8Array | string>;
	}
	if (source !== null && typeof source === 'object' && typeof source.getReader === 'function') {
		const reader = source.getReader() as {
			read(): Promise<{ done: boolean; value?: unknown }>;
			cancel?(reason?: unknown): Promise<void>;
		};
		return {
			[Symbol.asyncIterator]: () => ({
				next: async () => {
					const { done, value } = await reader.read();
					return done
						? { done: true, value: undefined }
						: { done: false, value: value as Uint8Array | string };
				},
				return: async () => {
					await reader.cancel?.();
					return { done: true, value: undefined };
				},
			}),
		};
	}
	throw new ResponseContractViolation(
		'ctx.response.stream() needs an async iterable or a ReadableStream',
	);
}

/**
 * The status a success answers with: what the handler chose (`ctx.response.status`), else the
 * contract's REST status, else 200. The REST wire, the audit record and a replay agree on it.
 */
export function successStatus(spec: OperationSpec, state: ResponseState | undefined): number {
	return state?.status ?? spec.transport.rest?.status ?? 200;
}

/**
 * What a replay keeps of a response: the status and headers (never a stream), and of the
 * cookies only those whose value is no secret: a cleared one, or one declared `replay: true`.
 * A cookie's value (a session token, say) is otherwise never written to the idempotency
 * store, so a replay answers without its `Set-Cookie`.
 */
export function storedResponse(
	spec: OperationSpec,
	state: ResponseState | undefined,
): ResponseState | undefined {
	if (state === undefined) return undefined;
	const kept: ResponseState = {};
	if (state.status !== undefined) kept.status = state.status;
	if (state.headers !== undefined) kept.headers = state.headers;
	if (state.cookies !== undefined) {
		const declared = spec.transport.rest?.response?.cookies;
		const cookies: ResponseCookie[] = [];
		for (const cookie of state.cookies) {
			if (declared?.[cookie.name]?.replay === true) cookies.push(cookie);
			// Expired: whatever value it was set with (`cookie(name, token, { maxAge: 0 })`) is not
			// kept, only that it is cleared.
			else if (cookie.maxAge === 0) cookies.push({ name: cookie.name, value: '', maxAge: 0 });
		}
		if (cookies.length > 0) kept.cookies = cookies;
	}
	return Object.keys(kept).length > 0 ? kept : undefined;
}
