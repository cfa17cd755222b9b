/**
 * Which `Host` and `Origin` headers an HTTP server accepts: the defence against DNS
 * rebinding (a page on another site that resolves its own name to this server's address) and
 * against cross-site calls from browsers. Every HTTP surface checks it with {@link refusedOrigin}.
 */
export interface OriginPolicy {
	/**
	 * `Host` values accepted: a name (`localhost`, any port) or a name and port
	 * (`api.example.com:8443`); `'*'` (the default) accepts any. A server on a loopback address
	 * should accept only {@link LOOPBACK_HOSTS}.
	 */
	readonly allowedHosts?: readonly string[] | '*';
	/**
	 * Origins accepted besides the server's own (`https://app.example.com`); `'*'` accepts any.
	 * A request without `Origin` (not from a browser) is not refused for it.
	 */
	readonly allowedOrigins?: readonly string[] | '*';
}

/** The names of this machine: what a server listening on a loopback address answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** True when `host` (an address a server listens on) is a loopback address. */
export function isLoopbackHost(host: string): boolean {
	return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/**
 * Why a request's `Host` or `Origin` is refused by `policy`, or undefined when it is accepted.
 * An `Origin` is accepted when listed, or when it is the request's own host (same origin).
 */
export function refusedOrigin(
	policy: OriginPolicy,
	host: string | undefined,
	origin: string | undefined,
): string | undefined {
	const requestHost = host?.trim().toLowerCase();
	const hosts = policy.allowedHosts ?? '*';
	if (hosts !== '*' && !(requestHost !== undefined && hostAllowed(hosts, requestHost)))
		return 'the Host header names a host this server does not answer to';
	if (origin === undefined) return undefined;
	const origins = policy.allowedOrigins ?? [];
	if (origins === '*') return undefined;
	const normalized = origin.trim().toLowerCase().replace(/\/+$/, '');
	if (origins.some((o) => o.toLowerCase().replace(/\/+$/, '') === normalized)) return undefined;
	if (requestHost !== undefined && hostOf(normalized) === requestHost) return undefined;
	return 'the Origin is neither this server nor an allowed origin';
}

function hostAllowed(allowed: readonly string[], host: string): boolean {
	const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
	return allowed.some((entry) => {
		const wanted = entry.toLowerCase();
		return wanted === host || wanted === name;
	});
}

/** The `host[:port]` of an origin, as a `Host` header would say it; undefined when unparsable. */
function hostOf(origin: string): string | undefined {
	try {
		const url = new URL(origin);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : undefined;
	} catch {
		return undefined;
	}
}
