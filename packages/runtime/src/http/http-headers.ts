import type { IncomingMessage } from 'node:http';

/**
 * The one header model of every surface: names lower-cased, repeated headers joined with
 * `, ` (as a fetch `Headers` reads them). Node already lower-cases names and joins repeats
 * except `set-cookie` (an array), so its object is used as is unless an array needs joining.
 */
export type HeaderRecord = Readonly<Record<string, string | undefined>>;

/** The headers of a node:http request, in the one header model. */
export function nodeHeaders(req: IncomingMessage): HeaderRecord {
	const raw = req.headers;
	let arrays = false;
	for (const name in raw) {
		if (Array.isArray(raw[name])) {
			arrays = true;
			break;
		}
	}
	if (!arrays) return raw as HeaderRecord;
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(raw)) {
		headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/** The headers of a fetch request, in the one header model. */
export function fetchHeaders(headers: Headers): Record<string, string> {
	const record: Record<string, string> = {};
	headers.forEach((value, name) => {
		record[name] = value;
	});
	return record;
}
