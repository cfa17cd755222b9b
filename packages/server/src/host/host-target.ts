import { parseRequestTarget, type RequestTarget } from '@charter/runtime';

const BASE = 'http://localhost';

/**
 * Reads a request target once for the whole host (the surfaces behind it get it attached, see
 * `attachRequestTarget`), or undefined when it is not a path this server can parse (`//`,
 * `/\\`, `//[`, `//other.host/`: read against a base, as a browser would, a host).
 */
export function parseTarget(target = '/'): RequestTarget | undefined {
	const plain =
		target.charCodeAt(0) === 47 && target.charCodeAt(1) !== 47 && !target.includes('\\');
	if (!plain) {
		if (!target.startsWith('/') || !URL.canParse(target, BASE)) return undefined;
		if (new URL(target, BASE).host !== 'localhost') return undefined;
	}
	return parseRequestTarget(target);
}
