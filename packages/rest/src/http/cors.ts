/** Cross-origin settings; off unless given. */
export interface CorsOptions {
	/** Allowed origins, or `*` for any. */
	readonly origins: readonly string[] | '*';
	readonly credentials?: boolean;
	/** Preflight cache lifetime in seconds (600 by default). */
	readonly maxAge?: number;
}

const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, traceparent';
const EXPOSED_HEADERS = 'x-trace-id, idempotent-replayed, deprecation, sunset';

/** Gives the CORS headers for a request's origin, or none when the origin is not allowed. */
export function corsHeaders(
	cors: CorsOptions | undefined,
	origin: string | undefined,
	preflight: boolean,
): Record<string, string> {
	if (!cors || !origin) return {};
	const any = cors.origins === '*';
	if (!any && !cors.origins.includes(origin)) return {};
	const headers: Record<string, string> = {
		'access-control-allow-origin': any && !cors.credentials ? '*' : origin,
		'access-control-expose-headers': EXPOSED_HEADERS,
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
