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
 * An {@link OriginPolicy} compiled once: its lists lower-cased, trimmed and put in sets, so a
 * request costs a lookup or two. A host builds one and checks it once per request, before any
 * surface sees the request.
 */
export interface CompiledOriginPolicy {
	/** Why a request's `Host` or `Origin` is refused, or undefined when it is accepted. */
	refused(host: string | undefined, origin: string | undefined): string | undefined;
}

const HOST_REFUSED = 'the Host header names a host this server does not answer to';
const ORIGIN_REFUSED = 'the Origin is neither this server nor an allowed origin';

/**
 * Compiles `policy` (see {@link CompiledOriginPolicy}); `extraOrigins` (the CORS origins, say)
 * are accepted too.
 *
 * @example
 * const policy = compileOriginPolicy({ allowedHosts: LOOPBACK_HOSTS });
 * const refused = policy.refused(req.headers.host, req.headers.origin);
 * if (refused) return reply(403, refused);
 */
export function compileOriginPolicy(
	policy: OriginPolicy = {},
	extraOrigins?: readonly string[] | '*',
): CompiledOriginPolicy {
	const hostList = policy.allowedHosts ?? '*';
	const hosts = hostList === '*' ? undefined : new Set(hostList.map(normalizeHost));
	const originList = policy.allowedOrigins ?? [];
	const anyOrigin = originList === '*' || extraOrigins === '*';
	const origins = new Set(
		anyOrigin ? [] : [...originList, ...(extraOrigins ?? [])].map(normalizeOrigin),
	);
	return {
		refused(host, origin) {
			const requestHost = host === undefined ? undefined : normalizeHost(host);
			if (hosts && !(requestHost !== undefined && hostAllowed(hosts, requestHost)))
				return HOST_REFUSED;
			if (origin === undefined || anyOrigin) return undefined;
			const normalized = normalizeOrigin(origin);
			if (origins.has(normalized)) return undefined;
			if (requestHost !== undefined && hostOf(normalized) === requestHost) return undefined;
			return ORIGIN_REFUSED;
		},
	};
}

/** Compiled policies of the plain objects given to {@link refusedOrigin}. */
const compiled = new WeakMap<OriginPolicy, CompiledOriginPolicy>();

/**
 * Why a request's `Host` or `Origin` is refused by `policy`, or undefined when it is accepted.
 * An `Origin` is accepted when listed, or when it is the request's own host (same origin).
 * The policy is compiled on its first use ({@link compileOriginPolicy}) and kept with it.
 */
export function refusedOrigin(
	policy: OriginPolicy,
	host: string | undefined,
	origin: string | undefined,
): string | undefined {
	let checker = compiled.get(policy);
	if (!checker) {
		checker = compileOriginPolicy(policy);
		compiled.set(policy, checker);
	}
	return checker.refused(host, origin);
}

function normalizeHost(host: string): string {
	return host.trim().toLowerCase();
}

function normalizeOrigin(origin: string): string {
	return origin.trim().toLowerCase().replace(/\/+$/, '');
}

function hostAllowed(allowed: ReadonlySet<string>, host: string): boolean {
	if (allowed.has(host)) return true;
	const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
	return allowed.has(name);
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
