import { isObjectRoot } from '@charter/schema';
import { type OperationSpec, pathParameters, type WireNames } from '@charter/spec';

/** An operation's input laid out on its REST route, as the server reads it. */
export interface RestCall {
	readonly method: string;
	/** The path with its parameters filled in. */
	readonly path: string;
	/** Query pairs, in order (GET). */
	readonly query: readonly (readonly [string, string])[];
	/** The JSON body (any other method), or undefined. */
	readonly body?: unknown;
}

/**
 * Lays an input out on the REST route: path parameters into the path; for GET the other
 * members (or, for an input that is not an object, the whole of it as `input`) into the query,
 * repeated for lists; for other methods the rest as the JSON body.
 */
export function restCall(spec: OperationSpec, wire: WireNames, input: unknown): RestCall {
	const whole = !isObjectRoot(spec.io.input);
	const members: Record<string, unknown> =
		!whole && typeof input === 'object' && input !== null
			? Object.fromEntries(Object.entries(input))
			: {};
	let path = wire.rest.path;
	for (const name of pathParameters(path)) {
		path = path.replace(`{${name}}`, encodeURIComponent(String(members[name] ?? `{${name}}`)));
		delete members[name];
	}
	if (wire.rest.method !== 'GET') {
		return { method: wire.rest.method, path, query: [], body: whole ? (input ?? null) : members };
	}
	const query: [string, string][] = [];
	for (const [name, value] of whole ? [['input', input] as const] : Object.entries(members)) {
		for (const item of Array.isArray(value) ? value : [value]) {
			if (item === null || item === undefined) continue;
			query.push([name, typeof item === 'object' ? JSON.stringify(item) : String(item)]);
		}
	}
	return { method: wire.rest.method, path, query };
}

/** Gives the URL of a REST call under a base URL. */
export function restUrl(baseUrl: string, call: RestCall): string {
	const qs = new URLSearchParams(call.query as [string, string][]).toString();
	return `${baseUrl.replace(/\/+$/, '')}${call.path}${qs ? `?${qs}` : ''}`;
}
