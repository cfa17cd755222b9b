/*
 * How declared REST parameters and form bodies go on the wire from a client, the mirror of
 * what the router reads (`transport.rest`): OpenAPI styles for the query, headers and cookies,
 * and bracketed names for form bodies (`metadata[order]=1`, `expand[]=a`).
 */
import type { RestParameter } from '@charter/spec';

/** Where the declared parameters of one call go: query pairs, headers, cookie pairs. */
export interface EncodedParameters {
	readonly query: [string, string][];
	readonly headers: Record<string, string>;
	readonly cookies: string[];
}

const DELIMITERS = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' } as const;

/** Takes the declared parameters out of `fields` and encodes each in its place and style. */
export function encodeParameters(
	parameters: Readonly<Record<string, RestParameter>>,
	fields: Record<string, unknown>,
): EncodedParameters {
	const out: EncodedParameters = { query: [], headers: {}, cookies: [] };
	for (const [field, p] of Object.entries(parameters)) {
		const value = fields[field];
		delete fields[field];
		if (value === undefined || p.in === 'path') continue;
		const name = p.name ?? field;
		const style = p.style ?? (p.in === 'header' ? 'simple' : 'form');
		const explode = p.explode ?? style === 'form';
		if (p.content) {
			const json = JSON.stringify(value);
			if (p.in === 'query') out.query.push([name, json]);
			else if (p.in === 'header') out.headers[name.toLowerCase()] = json;
			else out.cookies.push(`${name}=${encodeURIComponent(json)}`);
		} else if (p.in === 'query' && style === 'deepObject') {
			if (Array.isArray(value)) for (const v of value) out.query.push([`${name}[]`, text(v)]);
			else if (isRecord(value))
				for (const [k, v] of Object.entries(value)) out.query.push([`${name}[${k}]`, text(v)]);
			else out.query.push([name, text(value)]);
		} else if (p.in === 'query' && style === 'form' && explode && Array.isArray(value)) {
			for (const v of value) out.query.push([name, text(v)]);
		} else {
			const joined = delimited(value, DELIMITERS[style as keyof typeof DELIMITERS] ?? ',', explode);
			if (p.in === 'query') out.query.push([name, joined]);
			else if (p.in === 'header') out.headers[name.toLowerCase()] = joined;
			else out.cookies.push(`${name}=${encodeURIComponent(joined)}`);
		}
	}
	return out;
}

/**
 * A path parameter's segment in its declared style: `simple` (`3,4`), `label` (`.3.4`
 * exploded, `.3,4` not), `matrix` (`;id=3;id=4` exploded, `;id=3,4` not), or a JSON document;
 * percent-encoded, the style's own punctuation kept.
 */
export function encodePathParameter(
	p: RestParameter | undefined,
	field: string,
	value: unknown,
): string {
	const encode = (v: unknown) => encodeURIComponent(text(v));
	if (p?.content) return encodeURIComponent(JSON.stringify(value));
	const style = p?.style ?? 'simple';
	const explode = p?.explode ?? false;
	const name = p?.name ?? field;
	const list = (delimiter: string, pair: string) =>
		Array.isArray(value)
			? value.map(encode).join(delimiter)
			: isRecord(value)
				? Object.entries(value)
						.map(([k, v]) => `${encodeURIComponent(k)}${pair}${encode(v)}`)
						.join(delimiter)
				: encode(value);
	if (style === 'label') return `.${list(explode ? '.' : ',', explode ? '=' : ',')}`;
	if (style === 'matrix') {
		if (explode && Array.isArray(value)) return value.map((v) => `;${name}=${encode(v)}`).join('');
		if (explode && isRecord(value)) return `;${list(';', '=')}`;
		return `;${name}=${list(',', ',')}`;
	}
	return list(',', explode ? '=' : ',');
}

/** A list as `a,b`; an object as `k,v,k,v` (or `k=v,k=v` exploded); a value as text. */
function delimited(value: unknown, delimiter: string, explode: boolean): string {
	if (Array.isArray(value)) return value.map(text).join(delimiter);
	if (isRecord(value)) {
		const pairs = Object.entries(value).map(([k, v]) =>
			explode ? `${k}=${text(v)}` : `${k}${delimiter}${text(v)}`,
		);
		return pairs.join(delimiter);
	}
	return text(value);
}

/** A form body: members by name, lists as `name[]`, objects as `name[key]`, nested. */
export function encodeForm(value: Record<string, unknown>): URLSearchParams {
	const form = new URLSearchParams();
	const add = (name: string, v: unknown) => {
		if (v === undefined) return;
		if (Array.isArray(v)) for (const item of v) add(`${name}[]`, item);
		else if (isRecord(v)) for (const [k, item] of Object.entries(v)) add(`${name}[${k}]`, item);
		else form.append(name, text(v));
	};
	for (const [name, v] of Object.entries(value)) add(name, v);
	return form;
}

function text(value: unknown): string {
	return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
