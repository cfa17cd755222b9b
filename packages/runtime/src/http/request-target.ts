/** A request target read once: its path and its query string. */
export interface RequestTarget {
	readonly pathname: string;
	/** The query string with its `?`, or empty. */
	readonly search: string;
}

/**
 * A plain origin-form path (`/v1/x/y`, no dot segments, no characters the URL parser would
 * encode or rewrite) is already its own `pathname`: taken as is. Anything else goes through
 * `new URL` for the same normalization; undefined when the URL is malformed.
 */
const PLAIN_PATH = /^(?:\/(?:[\w~!$&'()*+,;=:@-][\w.~!$&'()*+,;=:@-]*)?)+$/;

/** Reads a request target (`/v1/todo/list?done=true`) as the URL parser would. */
export function parseRequestTarget(target: string): RequestTarget | undefined {
	const mark = target.indexOf('?');
	const pathname = mark === -1 ? target : target.slice(0, mark);
	if (target.indexOf('#') === -1 && PLAIN_PATH.test(pathname)) {
		const search = mark === -1 ? '' : target.slice(mark);
		if (search.length <= 1) return { pathname, search: '' };
	}
	try {
		const url = new URL(target, 'http://charter.invalid');
		return { pathname: url.pathname, search: url.search };
	} catch {
		return undefined;
	}
}

const BASE = 'http://localhost';

/**
 * Whether a request target is a path this server can serve: origin-form, not one a URL parser
 * reads against a base as another host (`//x`, `/\\x`, `//[`, `//:99999`, `//other.host/`).
 * Most targets are one slash and a path, which always are: no URL is built for them.
 */
export function isServedPath(target: string): boolean {
	if (target.charCodeAt(0) === 47 && target.charCodeAt(1) !== 47 && !target.includes('\\'))
		return true;
	if (!target.startsWith('/')) return false;
	try {
		return new URL(target, BASE).host === 'localhost';
	} catch {
		return false;
	}
}

/** Reads a request target a host serves (see {@link isServedPath}); undefined for any other. */
export function parseServedTarget(target = '/'): RequestTarget | undefined {
	return isServedPath(target) ? parseRequestTarget(target) : undefined;
}

const TARGET = Symbol.for('charter.requestTarget');

/**
 * Records on a request (node:http or fetch) the target a host in front already read, so the
 * surface behind it reads that instead of parsing the URL again.
 */
export function attachRequestTarget(request: object, target: RequestTarget): void {
	(request as { [TARGET]?: RequestTarget })[TARGET] = target;
}

/** The target a host read for this request, if one did. */
export function requestTargetOf(request: object): RequestTarget | undefined {
	return (request as { [TARGET]?: RequestTarget })[TARGET];
}
