import { useEffect, useState } from 'react';

/** Where the viewer is: the hash's path segments and its query (`#/audit?trace=abc`). */
export interface Route {
	readonly path: readonly string[];
	readonly query: URLSearchParams;
}

function read(): Route {
	const hash = location.hash.replace(/^#\/?/, '');
	const [path = '', query = ''] = hash.split('?', 2);
	return {
		path: path.split('/').filter(Boolean).map(decodeURIComponent),
		query: new URLSearchParams(query),
	};
}

/** Follows the location hash. */
export function useRoute(): Route {
	const [route, setRoute] = useState(read);
	useEffect(() => {
		const update = () => setRoute(read());
		addEventListener('hashchange', update);
		return () => removeEventListener('hashchange', update);
	}, []);
	return route;
}

/** Builds a hash link: `href('audit', { trace })` is `#/audit?trace=…`. */
export function href(path: string, query: Record<string, string | undefined> = {}): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
	const text = params.toString();
	return `#/${path}${text ? `?${text}` : ''}`;
}

/** Goes to a hash link. */
export const navigate = (link: string) => {
	location.hash = link.slice(1);
};
