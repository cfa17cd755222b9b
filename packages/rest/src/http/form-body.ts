/*
 * Form bodies (`application/x-www-form-urlencoded`, `multipart/form-data`) as input objects of
 * strings, read the way qs (Express's extended parser) reads them: a repeated name is a list,
 * brackets nest (`metadata[order]=1` is an object, `expand[]=a` a list), as an OpenAPI form
 * body with `deepObject` encoding is sent. Values are coerced by the input's types afterwards.
 */
import { createRequire } from 'node:module';

/** qs, loaded with the first form body: most servers never read one. */
let qs: typeof import('qs') | undefined;

export const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
export const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

/** Bounds on what one body may build: nesting depth, list length, number of members. */
const LIMITS = { depth: 5, arrayLimit: 1000, parameterLimit: 10_000 } as const;

/** The members of a form body; undefined when a multipart body is malformed. */
export async function formBodyMembers(
	text: string,
	contentType: string,
): Promise<Record<string, unknown> | undefined> {
	let encoded = text;
	if (!FORM_TYPE.test(contentType)) {
		let form: FormData;
		try {
			form = await new Response(text, { headers: { 'content-type': contentType } }).formData();
		} catch {
			return undefined;
		}
		const pairs = new URLSearchParams();
		for (const [name, value] of form) {
			pairs.append(name, typeof value === 'string' ? value : await value.text());
		}
		encoded = pairs.toString();
	}
	return parseFormText(encoded);
}

/** Name-value pairs (a multipart body's text parts) as members, nested by brackets. */
export function parseFormPairs(pairs: URLSearchParams): Record<string, unknown> {
	return parseFormText(pairs.toString());
}

function parseFormText(encoded: string): Record<string, unknown> {
	// A `__proto__` (or other prototype) name is dropped by qs, never set as a prototype.
	qs ??= createRequire(import.meta.url)('qs') as typeof import('qs');
	return qs.parse(encoded, { ...LIMITS, allowPrototypes: false }) as Record<string, unknown>;
}
