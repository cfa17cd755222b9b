import {
	isProblem,
	type Problem,
	ProblemError,
	type RestRoute,
	WHOLE_INPUT_PARAMETER,
} from '@charter/spec';
import {
	type CallOptions,
	type ClientOptions,
	type Download,
	type Method,
	NETWORK_ERROR,
} from './client-types.ts';
import { withDeclaredErrors } from './declared-error.ts';
import { backoff, retryPolicy, sleep } from './retry.ts';
import { encodeForm, encodeParameters, encodePathParameter } from './wire-encoding.ts';

/** One operation on the wire, as `restRoute(spec)` gives it. */
export type WireRoute = RestRoute;

/**
 * The outcome of one call: the parsed output, or the problem the call ended with (and, when no
 * answer came, the error behind it as `cause`).
 */
export type Outcome =
	| { ok: true; value: unknown; status: number; headers: Headers }
	| { ok: false; problem: Problem; cause?: unknown; headers?: Headers };

/** Sends calls over HTTP; `send` never throws except for the caller's own abort. */
export interface HttpCaller {
	send(route: WireRoute, input: unknown, options?: CallOptions): Promise<Outcome>;
	/**
	 * Like `send`, but resolves to the output (`{ data, status, headers }` with `withResponse`)
	 * and throws a `ProblemError` on failure.
	 */
	call(route: WireRoute, input: unknown, options?: CallOptions): Promise<unknown>;
	/**
	 * One route as a typed method, what a generated SDK's methods are; `errors` are the codes
	 * its contract declares (for `declaredError`).
	 */
	method<I, O, St extends number = number, E = never>(
		route: WireRoute,
		errors?: readonly string[],
	): Method<I, O, St, E>;
}

/**
 * Creates the transport every client shares, `createClient` and the generated SDK alike:
 * the wire rules (path parameters, query or JSON body, whole inputs), the bearer token, the
 * status checked before the body is read, timeouts, and retries of idempotent calls.
 *
 * @example
 * const caller = createHttpCaller({ baseUrl, timeoutMs: 5000 });
 * await caller.call({ method: 'GET', path: '/v1/todos/{id}' }, { id: 't1' });
 */
export function createHttpCaller(options: ClientOptions): HttpCaller {
	const doFetch = options.fetch ?? fetch;
	const base = options.baseUrl.replace(/\/+$/, '');

	async function send(
		route: WireRoute,
		input: unknown,
		callOptions: CallOptions = {},
	): Promise<Outcome> {
		const rest: Record<string, unknown> = route.whole
			? { [WHOLE_INPUT_PARAMETER]: input }
			: { ...(input as Record<string, unknown>) };
		const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
			const value = rest[name];
			delete rest[name];
			const declared = route.parameters?.[name];
			return encodePathParameter(declared?.in === 'path' ? declared : undefined, name, value);
		});
		const token = typeof options.token === 'function' ? await options.token() : options.token;
		const headers: Record<string, string> = {
			accept: 'application/json, application/problem+json',
			...options.headers,
			...callOptions.headers,
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(callOptions.idempotencyKey ? { 'idempotency-key': callOptions.idempotencyKey } : {}),
		};
		const declared = route.parameters ? encodeParameters(route.parameters, rest) : undefined;
		if (declared) {
			Object.assign(headers, declared.headers);
			if (declared.cookies.length > 0) headers.cookie = declared.cookies.join('; ');
		}
		const query = new URLSearchParams(declared?.query);
		let body: string | undefined;
		if (route.method === 'GET') appendQuery(query, rest);
		else {
			const value = route.whole
				? input
				: route.bodyField !== undefined
					? rest[route.bodyField]
					: rest;
			const json = route.bodyMediaTypes?.includes('application/json') ?? true;
			if (json) {
				headers['content-type'] = 'application/json';
				body = JSON.stringify(value);
			} else {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				body = encodeForm((value ?? {}) as Record<string, unknown>).toString();
			}
		}
		const search = query.toString();
		const url = base + path + (search ? `?${search}` : '');
		const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs;
		const deadline = createDeadline(callOptions.signal, timeoutMs);
		const retry = retryPolicy(route, headers, callOptions.retry ?? options.retry);
		let streaming = false;
		try {
			for (let attempt = 0; ; attempt++) {
				let response: Response | undefined;
				let error: unknown;
				try {
					response = await doFetch(url, {
						method: route.method,
						headers,
						...(body !== undefined ? { body } : {}),
						...(deadline.signal ? { signal: deadline.signal } : {}),
					});
				} catch (thrown) {
					if (callOptions.signal?.aborted || deadline.expired) throw thrown;
					error = thrown;
				}
				const wait =
					retry && attempt < retry.retries ? backoff(retry, attempt, response) : undefined;
				if (wait === undefined) {
					if (response) {
						const outcome = await readOutcome(response, route);
						// A download is read after the call resolves: the caller's abort still ends it.
						streaming = outcome.ok && outcome.value !== undefined && route.download !== undefined;
						return outcome;
					}
					return {
						...failure(0, NETWORK_ERROR, 'The server could not be reached', messageOf(error)),
						cause: error,
					};
				}
				await response?.body?.cancel();
				await sleep(wait, deadline.signal);
			}
		} catch (error) {
			if (callOptions.signal?.aborted) throw callOptions.signal.reason;
			if (deadline.expired) {
				return failure(
					504,
					'DEADLINE_EXCEEDED',
					'Deadline exceeded',
					`no answer within ${timeoutMs} ms`,
				);
			}
			return {
				...failure(0, NETWORK_ERROR, 'The server could not be reached', messageOf(error)),
				cause: error,
			};
		} finally {
			deadline.clear(streaming);
		}
	}

	async function call(route: WireRoute, input: unknown, callOptions?: CallOptions) {
		const outcome = await send(route, input, callOptions);
		if (outcome.ok) {
			if (!callOptions?.withResponse) return outcome.value;
			return { data: outcome.value, status: outcome.status, headers: outcome.headers };
		}
		throw new ProblemError(
			outcome.problem,
			'cause' in outcome ? { cause: outcome.cause } : undefined,
		);
	}

	return {
		send,
		call,
		method: <I, O, St extends number, E>(route: WireRoute, errors: readonly string[] = []) =>
			withDeclaredErrors(
				(input: I, callOptions?: CallOptions) => call(route, input, callOptions),
				errors,
			) as Method<I, O, St, E>,
	};
}

/**
 * Reads a response: the status first, then the body as JSON (a problem when it fails), or, for
 * a route that declares a download answered with something other than JSON, the body unread.
 */
async function readOutcome(response: Response, route: WireRoute): Promise<Outcome> {
	const { status, headers } = response;
	if (status === 204 || status === 205) {
		await response.body?.cancel();
		return { ok: true, value: undefined, status, headers };
	}
	const mediaType = headers.get('content-type') ?? '';
	if (response.ok && route.download !== undefined && !/\bjson\b/i.test(mediaType)) {
		return { ok: true, value: download(response, mediaType), status, headers };
	}
	const text = await response.text();
	const parsed = parseJson(text);
	if (!response.ok) {
		if (parsed.ok && isProblem(parsed.value)) return { ok: false, problem: parsed.value, headers };
		return {
			...failure(
				status >= 400 ? status : 502,
				`HTTP_${status}`,
				response.statusText || 'HTTP error',
				text.slice(0, 500) || undefined,
			),
			headers,
		};
	}
	if (!text) return { ok: true, value: undefined, status, headers };
	if (parsed.ok) return { ok: true, value: parsed.value, status, headers };
	return {
		...failure(502, `HTTP_${status}`, 'The response body is not JSON', text.slice(0, 500)),
		headers,
	};
}

/** A streamed answer as a {@link Download}: nothing is read until the caller reads it. */
function download(response: Response, mediaType: string): Download {
	return {
		mediaType,
		body: response.body ?? new ReadableStream({ start: (c) => c.close() }),
		text: () => response.text(),
		blob: () => response.blob(),
		arrayBuffer: () => response.arrayBuffer(),
	};
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (!text) return { ok: false };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function failure(
	status: number,
	code: string,
	title: string,
	detail?: string,
): Extract<Outcome, { ok: false }> {
	return {
		ok: false,
		problem: {
			type: 'about:blank',
			title,
			status,
			code,
			...(detail !== undefined ? { detail } : {}),
		},
	};
}

/** One signal for the caller's abort and the timeout; `expired` tells which one fired. */
function createDeadline(signal: AbortSignal | undefined, timeoutMs: number | undefined) {
	if (timeoutMs === undefined) return { signal, expired: false, clear(_keepAbort?: boolean) {} };
	const controller = new AbortController();
	// `AbortSignal.any` keeps no listener on the caller's signal (a long-lived one, an app's
	// shutdown signal, say), so a download still read after the call leaves nothing behind on it.
	// Without it (an older browser), a listener links them, removed unless a download is read.
	const any = signal !== undefined && typeof AbortSignal.any === 'function';
	const abort = () => controller.abort(signal?.reason);
	if (!any) {
		if (signal?.aborted) abort();
		signal?.addEventListener('abort', abort, { once: true });
	}
	const deadline = {
		signal: (any ? AbortSignal.any([signal, controller.signal]) : controller.signal) as
			| AbortSignal
			| undefined,
		expired: false,
		/** Stops the timer; `keepAbort` leaves the caller's abort linked (a download being read). */
		clear(keepAbort = false) {
			clearTimeout(timer);
			if (!any && !keepAbort) signal?.removeEventListener('abort', abort);
		},
	};
	const timer = setTimeout(() => {
		deadline.expired = true;
		controller.abort();
	}, timeoutMs);
	return deadline;
}

/** A GET's fields as query values: a list as repeated keys, structured values as JSON. */
function appendQuery(params: URLSearchParams, input: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(input)) {
		if (value === undefined) continue;
		const values = Array.isArray(value) ? value : [value];
		for (const v of values)
			params.append(key, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
