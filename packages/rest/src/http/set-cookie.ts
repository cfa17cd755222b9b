import type { ResponseCookie } from '@charter/runtime';
import type { ResponseCookieDeclaration } from '@charter/spec';

/**
 * One `Set-Cookie` value: the value percent-encoded, then the declared attributes with the safe
 * defaults (`Path=/`, `HttpOnly`, `SameSite=Lax`, `Secure`). Secure is decided by the contract,
 * never by the request: behind a proxy every request may name a loopback host. Browsers keep
 * Secure cookies from http://localhost; a contract declares `secure: false` for plain-HTTP hosts.
 */
export function serializeCookie(
	cookie: ResponseCookie,
	declared: ResponseCookieDeclaration | undefined,
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
	// SameSite=None is only kept by browsers with Secure (the declaration check refuses it without).
	if (declared?.secure ?? true) parts.push('Secure');
	parts.push(`SameSite=${sameSite}`);
	return parts.join('; ');
}
