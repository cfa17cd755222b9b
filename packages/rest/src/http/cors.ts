import { CharterConfigError } from '@charter/runtime';
/** Cross-origin settings; off unless given. */
export interface CorsOptions {
	/** Allowed origins, or `*` for any. */
	readonly origins: readonly string[] | '*';
	readonly credentials?: boolean;
	/** Preflight cache lifetime in seconds (600 by default). */
	readonly maxAge?: number;
}

const ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'traceparent'];
const EXPOSED_HEADERS = ['x-trace-id', 'idempotent-replayed', 'deprecation', 'sunset'];

/**
 * The `Access-Control-Expose-Headers` value: Charter's own response headers and every header
 * the contracts declare (`transport.rest.response.headers`), so a browser can read a `Location`.
 */
export function exposedHeaders(declared: Iterable<string>): string {
	return headerList(EXPOSED_HEADERS, declared);
}

const DEFAULT_EXPOSED = exposedHeaders([]);

/**
 * The `Access-Control-Allow-Headers` value of a preflight: the request headers Charter reads and
 * every header parameter the contracts declare (`transport.rest.parameters`, `in: 'header'`),
 * so a page on another origin may send them.
 */
export function allowedHeaders(declared: Iterable<string>): string {
	return headerList(ALLOWED_HEADERS, declared);
}

/** Charter's own header names, then the declared ones lower-cased, each once, comma-separated. */
function headerList(own: readonly string[], declared: Iterable<string>): string {
	const names = new Set(own);
	for (const name of declared) names.add(name.toLowerCase());
	return [...names].join(', ');
}

const DEFAULT_ALLOWED = allowedHeaders([]);

/** The header lists of a router's CORS answers, computed once from its contracts. */
export interface CorsHeaderNames {
	readonly exposed: string;
	readonly allowed: string;
}

const DEFAULT_NAMES: CorsHeaderNames = { exposed: DEFAULT_EXPOSED, allowed: DEFAULT_ALLOWED };

/**
 * Refuses CORS options that would open a signed-in user's answers to every site: any origin
 * (`*`) with credentials, which would reflect each request's Origin with
 * `Access-Control-Allow-Credentials` (browsers refuse `*` with credentials for that reason).
 */
export function checkCorsOptions(cors: CorsOptions | undefined): void {
	if (cors?.origins === '*' && cors.credentials === true) {
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'cors',
			"origins '*' with credentials lets every site read a signed-in user's answers; list the origins allowed",
		);
	}
}

/** What an answer sends when its CORS headers depend on the Origin but it gives none. */
const VARY_ORIGIN: Readonly<Record<string, string>> = Object.freeze({ vary: 'Origin' });

/**
 * Gives the CORS headers for a request's origin. When the answer depends on the Origin (a list
 * of origins, or credentials), a request without one or from an origin not allowed still gets
 * `Vary: Origin`, so a shared cache never hands that answer to an allowed origin.
 */
export function corsHeaders(
	cors: CorsOptions | undefined,
	origin: string | undefined,
	preflight: boolean,
	names: CorsHeaderNames = DEFAULT_NAMES,
): Readonly<Record<string, string>> {
	if (!cors) return {};
	const any = cors.origins === '*';
	const varies = !any || cors.credentials === true;
	if (!origin || (!any && !cors.origins.includes(origin))) return varies ? VARY_ORIGIN : {};
	const headers: Record<string, string> = {
		'access-control-allow-origin': any && !cors.credentials ? '*' : origin,
		'access-control-expose-headers': names.exposed,
	};
	if (varies) headers.vary = 'Origin';
	if (cors.credentials) headers['access-control-allow-credentials'] = 'true';
	if (preflight) {
		headers['access-control-allow-methods'] = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
		headers['access-control-allow-headers'] = names.allowed;
		headers['access-control-max-age'] = String(cors.maxAge ?? 600);
	}
	return headers;
}
