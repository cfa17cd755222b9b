import { ContractError, type HandlerContext } from '@charter/runtime';
import { type OperationSpec, pathParameters, wireNames } from '@charter/spec';

/** What a legacy handler sees of the request, rebuilt from the typed input. */
export interface LegacyRequestParts {
	readonly method: string;
	/** Path with the parameters filled in, plus the query string for GET. */
	readonly url: string;
	readonly path: string;
	readonly params: Record<string, string>;
	readonly query: Record<string, string | string[]>;
	readonly body: Record<string, unknown> | undefined;
	/** Lowercased request headers, with header fields of the input filled in. */
	readonly headers: Record<string, string>;
}

/** Options shared by the wrappers. */
export interface WrapOptions {
	/** Input fields that are HTTP headers; by default the contract's `transport.rest` header parameters. */
	readonly headers?: readonly string[];
}

/**
 * Splits a typed input back into what the wire carried: path parameters, query string (GET)
 * or JSON body, and headers (the call's own headers, plus header fields of the input).
 */
export function legacyRequest(
	contract: OperationSpec,
	input: unknown,
	ctx: Pick<HandlerContext, 'metadata'>,
	options: WrapOptions = {},
): LegacyRequestParts {
	const wire = wireNames(contract).rest;
	const declared = Object.entries(contract.transport.rest?.parameters ?? {});
	const headerFields =
		options.headers ?? declared.filter(([, p]) => p.in === 'header').map(([name]) => name);
	const queryFields = new Set(declared.filter(([, p]) => p.in === 'query').map(([name]) => name));
	const fields = { ...((input ?? {}) as Record<string, unknown>) };
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(ctx.metadata.headers ?? {})) {
		if (value !== undefined) headers[name.toLowerCase()] = value;
	}
	for (const name of headerFields) {
		const value = fields[name];
		delete fields[name];
		if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
		else if (headers[name.toLowerCase()] !== undefined) fields[name] = undefined;
	}
	const params: Record<string, string> = {};
	for (const name of pathParameters(wire.path)) {
		params[name] = String(fields[name] ?? '');
		delete fields[name];
	}
	const path = wire.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
		encodeURIComponent(params[name] ?? ''),
	);
	const query: Record<string, string | string[]> = {};
	let body: Record<string, unknown> | undefined;
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || !(wire.method === 'GET' || queryFields.has(name))) continue;
		query[name] = Array.isArray(value) ? value.map(toQueryString) : toQueryString(value);
		delete fields[name];
	}
	if (wire.method !== 'GET') {
		body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
	}
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(query)) {
		for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
	}
	const qs = search.toString();
	return {
		method: wire.method,
		url: qs ? `${path}?${qs}` : path,
		path,
		params,
		query,
		body,
		headers,
	};
}

function toQueryString(value: unknown): string {
	return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * Turns what a legacy handler answered into the handler's result: the JSON body of a 2xx,
 * or a {@link ContractError} whose code the contract declares for that status (the body
 * becomes the problem's `data`). An undeclared error status is an opaque 500.
 */
export function legacyResult(contract: OperationSpec, status: number, body: unknown): unknown {
	if (status < 400) return body;
	const declared = Object.entries(contract.errors).find(([, e]) => e.status === status)?.[0];
	const builtIn = BUILT_IN_BY_STATUS[status];
	const code = declared ?? builtIn;
	const detail = detailOf(body);
	if (code) throw new ContractError(code, detail, declared ? body : undefined);
	throw new Error(
		`the wrapped handler answered ${status}${detail ? `: ${detail}` : ''}, which ${contract.meta.key} does not declare`,
	);
}

const BUILT_IN_BY_STATUS: Record<number, string> = {
	401: 'UNAUTHENTICATED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND',
	409: 'CONFLICT',
	422: 'VALIDATION_FAILED',
};

function detailOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body || undefined;
	if (typeof body === 'object' && body !== null) {
		const b = body as Record<string, unknown>;
		for (const key of ['detail', 'message', 'error', 'title'])
			if (typeof b[key] === 'string') return b[key] as string;
	}
	return undefined;
}
