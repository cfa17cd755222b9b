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
