import { isProblem, type Problem, ProblemError } from '@charter/runtime/problems';
import { isObjectRoot } from '@charter/schema';
import { type OperationSpec, wireNames } from '@charter/spec';
import { WHOLE_INPUT_PARAMETER } from '../http/whole-input.ts';
import type { AnyOperation, CallOptions, Client } from './client-types.ts';

/** Where and how the client calls. */
export interface ClientOptions {
	/** Base URL of the API, e.g. `http://localhost:3000` (a path prefix is kept). */
	readonly baseUrl: string;
	/** Bearer token, or a function giving one per call (for refresh). */
	readonly token?: string | (() => string | undefined | Promise<string | undefined>);
	/** A fetch implementation; the global one by default. */
	readonly fetch?: typeof fetch;
	readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Creates a typed REST client from contracts, without code generation. Methods nest by key
 * segments; failures throw a `ProblemError` carrying the problem document.
 *
 * @example
 * const client = createClient([PauseWorkflowContract], { baseUrl, token });
 * const instance = await client.workflow.instance.pause({ instanceId: 'inst-1' });
 */
export function createClient<const C extends readonly AnyOperation[]>(
	contracts: C,
	options: ClientOptions,
): Client<C> {
	const doFetch = options.fetch ?? fetch;
	const base = options.baseUrl.replace(/\/+$/, '');

	async function call(
		spec: OperationSpec,
		input: unknown,
		callOptions: CallOptions = {},
	): Promise<unknown> {
		const wire = wireNames(spec).rest;
		// An input that is not an object travels whole (see whole-input.ts).
		const whole = !isObjectRoot(spec.io.input);
		const rest: Record<string, unknown> = whole
			? { [WHOLE_INPUT_PARAMETER]: input }
			: { ...(input as Record<string, unknown>) };
		const path = wire.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
			const value = rest[name];
			delete rest[name];
			return encodeURIComponent(String(value));
		});
		const token = typeof options.token === 'function' ? await options.token() : options.token;
		const headers: Record<string, string> = {
			accept: 'application/json, application/problem+json',
			...options.headers,
			...callOptions.headers,
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(callOptions.idempotencyKey ? { 'idempotency-key': callOptions.idempotencyKey } : {}),
		};
		let url = base + path;
		let body: string | undefined;
		if (wire.method === 'GET') {
			const query = toQuery(rest);
			if (query) url += `?${query}`;
		} else {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(whole ? input : rest);
		}
		const response = await doFetch(url, {
			method: wire.method,
			headers,
			...(body !== undefined ? { body } : {}),
			...(callOptions.signal ? { signal: callOptions.signal } : {}),
		});
		const text = await response.text();
		const data = text ? safeParse(text) : undefined;
		if (response.ok) return data;
		throw new ProblemError(isProblem(data) ? data : fallbackProblem(response, data));
	}

	const root: Record<string, unknown> = {};
	for (const spec of contracts) {
		const segments = spec.meta.key.split('.');
		let node: Record<string, unknown> = root;
		segments.forEach((segment, i) => {
			const last = i === segments.length - 1;
			const existing = node[segment] as Record<string, unknown> | undefined;
			if (last) {
				const method = (input: unknown, o?: CallOptions) => call(spec, input, o);
				node[segment] = Object.assign(method, existing);
			} else {
				if (!existing) node[segment] = {};
				node = node[segment] as Record<string, unknown>;
			}
		});
	}
	root.call = (spec: OperationSpec, input: unknown, o?: CallOptions) => call(spec, input, o);
	return root as Client<C>;
}

function toQuery(input: Record<string, unknown>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(input)) {
		if (value === undefined) continue;
		const values = Array.isArray(value) ? value : [value];
		for (const v of values)
			params.append(key, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
	}
	return params.toString();
}

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function fallbackProblem(response: Response, data: unknown): Problem {
	return {
		type: 'about:blank',
		title: response.statusText || 'HTTP error',
		status: response.status >= 400 ? response.status : 500,
		code: `HTTP_${response.status}`,
		...(typeof data === 'string' && data ? { detail: data.slice(0, 500) } : {}),
	};
}
