/** A request target as the host routes it: the path, and the query (with its `?`) if any. */
export interface HostTarget {
	readonly path: string;
	readonly search: string;
}

const BASE = 'http://localhost';

/**
 * Reads a request target once for the whole host, or undefined when it is not a path this
 * server can parse (`//`, `/\\`, `//[`, `//other.host/`: read against a base, as a browser
 * would, a host). Most targets are one slash and a path, split without building a URL.
 */
export function parseTarget(target = '/'): HostTarget | undefined {
	const plain =
		target.charCodeAt(0) === 47 && target.charCodeAt(1) !== 47 && !target.includes('\\');
	if (!plain) {
		if (!target.startsWith('/') || !URL.canParse(target, BASE)) return undefined;
		if (new URL(target, BASE).host !== 'localhost') return undefined;
	}
	const query = target.indexOf('?');
	return query < 0
		? { path: target, search: '' }
		: { path: target.slice(0, query), search: target.slice(query) };
}
