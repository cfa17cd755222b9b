/*
 * Input fields that travel outside the body (`transport.rest.parameters`): read from the query
 * string, the headers, the cookies or the path in OpenAPI's styles, as strings (lists and
 * objects of strings) that the input's types then coerce; a parameter with `content` is a JSON
 * document, parsed here.
 */
import { parseJsonSafely } from '@charter/runtime';
import type { FieldNode, TypeNode } from '@charter/schema';
import type { RestParameter } from '@charter/spec';

/** One declared parameter, ready to read. */
export interface ParameterReader {
	readonly field: string;
	readonly in: RestParameter['in'];
	/** The wire name (lowercased for a header). */
	readonly name: string;
	readonly style: NonNullable<RestParameter['style']>;
	readonly explode: boolean;
	readonly shape: 'scalar' | 'list' | 'object';
	/** The value is a JSON document (`content: 'application/json'`), not styled. */
	readonly json: boolean;
}

/** Prepares the declared parameters of an input, once per operation. */
export function parameterReaders(
	parameters: Readonly<Record<string, RestParameter>> | undefined,
	input: TypeNode,
): ParameterReader[] {
	if (!parameters) return [];
	const fields = input.kind === 'model' ? input.fields : {};
	return Object.entries(parameters).map(([field, p]) => {
		const style = p.style ?? (p.in === 'header' || p.in === 'path' ? 'simple' : 'form');
		const name = p.name ?? field;
		return {
			field,
			in: p.in,
			name: p.in === 'header' ? name.toLowerCase() : name,
			style,
			explode: p.explode ?? style === 'form',
			shape: shapeOf(Object.hasOwn(fields, field) ? fields[field] : undefined),
			json: p.content !== undefined,
		};
	});
}

function shapeOf(field: FieldNode | undefined): ParameterReader['shape'] {
	if (!field) return 'scalar';
	if (field.isArray || field.type.kind === 'array') return 'list';
	return field.type.kind === 'model' || field.type.kind === 'record' ? 'object' : 'scalar';
}

/** Where parameters are read from: the query, the headers, and the cookies parsed lazily. */
export interface ParameterSources {
	readonly query: URLSearchParams;
	readonly headers: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads the declared parameters into `into` (raw strings, lists and objects of strings),
 * removing from it the raw query keys they consumed. Absent parameters stay absent.
 */
export function readParameters(
	readers: readonly ParameterReader[],
	sources: ParameterSources,
	into: Record<string, unknown>,
): void {
	let cookies: Map<string, string> | undefined;
	for (const reader of readers) {
		let value: unknown;
		if (reader.in === 'path') continue;
		if (reader.in === 'query') {
			if (reader.json) {
				if (reader.field !== reader.name) delete into[reader.name];
				value = document(sources.query.get(reader.name) ?? undefined);
			} else value = readQuery(reader, sources.query, into);
		} else if (reader.in === 'header') {
			const raw = sources.headers[reader.name];
			value = reader.json
				? document(raw)
				: raw === undefined
					? undefined
					: split(reader, raw, /\s*,\s*/);
		} else {
			cookies ??= parseCookies(sources.headers.cookie);
			const raw = cookies.get(reader.name);
			value = reader.json ? document(raw) : raw === undefined ? undefined : split(reader, raw, ',');
		}
		if (value !== undefined) into[reader.field] = value;
	}
}

/**
 * The path parameters of a route read in their declared styles: `simple` (`3,4`), `label`
 * (`.3.4` exploded, `.3,4` not) and `matrix` (`;id=3;id=4` exploded, `;id=3,4` not), or as a
 * JSON document. A value not in its style's form is left as it came, for validation to report.
 */
export function readPathParameters(
	readers: readonly ParameterReader[],
	params: Readonly<Record<string, string>>,
): Record<string, unknown> {
	const out: Record<string, unknown> = { ...params };
	for (const reader of readers) {
		if (reader.in !== 'path') continue;
		const raw = params[reader.field];
		if (raw === undefined) continue;
		if (reader.json) out[reader.field] = document(raw);
		else if (reader.style === 'label') {
			if (raw.startsWith('.'))
				out[reader.field] = split(reader, raw.slice(1), reader.explode ? '.' : ',');
		} else if (reader.style === 'matrix') {
			const prefix = `;${reader.name}=`;
			if (reader.shape === 'object' && reader.explode) {
				// `;a=1;b=2`: each member is its own pair.
				if (raw.startsWith(';')) out[reader.field] = split(reader, raw.slice(1), ';');
			} else if (raw.startsWith(prefix)) {
				const rest = raw.slice(prefix.length);
				out[reader.field] =
					reader.shape === 'list' && reader.explode
						? rest.split(`;${reader.name}=`)
						: split(reader, rest, ',');
			} else if (raw === `;${reader.name}`) out[reader.field] = reader.shape === 'list' ? [] : '';
		} else out[reader.field] = split(reader, raw, ',');
	}
	return out;
}

/** A JSON document parameter: its value, or the text as it came when it is not JSON. */
function document(raw: string | undefined): unknown {
	if (raw === undefined) return undefined;
	const parsed = parseJsonSafely(raw);
	return parsed.ok ? parsed.value : raw;
}

const DELIMITERS = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' } as const;

function readQuery(
	reader: ParameterReader,
	query: URLSearchParams,
	into: Record<string, unknown>,
): unknown {
	const { name } = reader;
	if (reader.field !== name) delete into[name];
	if (reader.style === 'deepObject') {
		// `created[gte]=1` is an object; for a list, `expand[]=a&expand[]=b` (or `expand[0]=a`).
		const prefix = `${name}[`;
		let object: Record<string, string> | undefined;
		let list: string[] | undefined;
		for (const [key, value] of query) {
			if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
			delete into[key];
			if (reader.shape === 'list') {
				list ??= [];
				list.push(value);
				continue;
			}
			const prop = key.slice(prefix.length, -1);
			object ??= {};
			setProp(object, prop, value);
		}
		return reader.shape === 'list' ? list : object;
	}
	const values = query.getAll(name);
	if (values.length === 0) return undefined;
	if (reader.explode && reader.style === 'form') {
		return reader.shape === 'list' || values.length > 1 ? values : values[0];
	}
	const delimiter = DELIMITERS[reader.style as keyof typeof DELIMITERS] ?? ',';
	return split(reader, values.join(delimiter), delimiter);
}

/** A delimited value as a list, an object (`k,v,k,v` or, exploded, `k=v,k=v`) or kept whole. */
function split(reader: ParameterReader, raw: string, delimiter: string | RegExp): unknown {
	if (reader.shape === 'scalar') return raw;
	const parts = raw === '' ? [] : raw.split(delimiter);
	if (reader.shape === 'list') return parts;
	const object: Record<string, string> = {};
	if (reader.explode) {
		for (const part of parts) {
			const at = part.indexOf('=');
			if (at > 0) setProp(object, part.slice(0, at), part.slice(at + 1));
		}
	} else {
		for (let i = 0; i + 1 < parts.length; i += 2) setProp(object, parts[i]!, parts[i + 1]!);
	}
	return object;
}

function setProp(object: Record<string, string>, key: string, value: string): void {
	if (key !== '__proto__') object[key] = value;
}

/** The `Cookie` header's pairs (`a=1; b=2`), values percent-decoded when they can be. */
function parseCookies(header: string | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	if (!header) return cookies;
	for (const pair of header.split(';')) {
		const at = pair.indexOf('=');
		if (at <= 0) continue;
		const name = pair.slice(0, at).trim();
		let value = pair.slice(at + 1).trim();
		if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
			value = value.slice(1, -1);
		if (!cookies.has(name)) cookies.set(name, safeDecode(value));
	}
	return cookies;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
