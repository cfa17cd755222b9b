import type { ResponseCookie } from '@charter/runtime';
import type { ResponseCookieDeclaration } from '@charter/spec';

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * Whether a request's Host names this machine (`localhost`, `127.x.x.x`, `[::1]`): there a
 * development server answers over plain HTTP, so cookies are not marked `Secure` by default.
 */
export function isLoopbackHost(host: string | undefined): boolean {
	return host !== undefined && LOOPBACK_HOST.test(host);
}

/**
 * One `Set-Cookie` value: the value percent-encoded, then the declared attributes with the safe
 * defaults (`Path=/`, `HttpOnly`, `SameSite=Lax`, `Secure` unless `loopback`).
 */
export function serializeCookie(
	cookie: ResponseCookie,
	declared: ResponseCookieDeclaration | undefined,
	loopback: boolean,
): string {
	const parts = [`${cookie.name}=${encodeURIComponent(cookie.value)}`];
	parts.push(`Path=${declared?.path ?? '/'}`);
	if (declared?.domain !== undefined) parts.push(`Domain=${declared.domain}`);
	const maxAge = cookie.maxAge ?? declared?.maxAge;
	if (maxAge !== undefined) {
		parts.push(`Max-Age=${maxAge}`);
		if (maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
	}
	if (declared?.httpOnly ?? true) parts.push('HttpOnly');
	const sameSite = declared?.sameSite ?? 'Lax';
	// SameSite=None is only kept by browsers with Secure: it is always secure.
	if (declared?.secure ?? (sameSite === 'None' || !loopback)) parts.push('Secure');
	parts.push(`SameSite=${sameSite}`);
	return parts.join('; ');
}
