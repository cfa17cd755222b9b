/** Cross-origin settings; off unless given. */
export interface CorsOptions {
	/** Allowed origins, or `*` for any. */
	readonly origins: readonly string[] | '*';
	readonly credentials?: boolean;
	/** Preflight cache lifetime in seconds (600 by default). */
	readonly maxAge?: number;
}

const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, traceparent';
const EXPOSED_HEADERS = ['x-trace-id', 'idempotent-replayed', 'deprecation', 'sunset'];

/**
 * The `Access-Control-Expose-Headers` value: Charter's own response headers and every header
 * the contracts declare (`transport.rest.response.headers`), so a browser can read a `Location`.
 */
export function exposedHeaders(declared: Iterable<string>): string {
	const names = new Set(EXPOSED_HEADERS);
	for (const name of declared) names.add(name.toLowerCase());
	return [...names].join(', ');
}

const DEFAULT_EXPOSED = exposedHeaders([]);

/** Gives the CORS headers for a request's origin, or none when the origin is not allowed. */
export function corsHeaders(
	cors: CorsOptions | undefined,
	origin: string | undefined,
	preflight: boolean,
	exposed: string = DEFAULT_EXPOSED,
): Record<string, string> {
	if (!cors || !origin) return {};
	const any = cors.origins === '*';
	if (!any && !cors.origins.includes(origin)) return {};
	const headers: Record<string, string> = {
		'access-control-allow-origin': any && !cors.credentials ? '*' : origin,
		'access-control-expose-headers': exposed,
	};
	if (!any || cors.credentials) headers.vary = 'Origin';
	if (cors.credentials) headers['access-control-allow-credentials'] = 'true';
	if (preflight) {
		headers['access-control-allow-methods'] = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
		headers['access-control-allow-headers'] = ALLOWED_HEADERS;
		headers['access-control-max-age'] = String(cors.maxAge ?? 600);
	}
	return headers;
}
