import { createRestServer } from '@charter/rest';
import { createExecutor, implement } from '@charter/runtime';
import { type ContractRegistry, type OperationSpec, wireNames } from '@charter/spec';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generateSync } from 'json-schema-faker';

/*
 * The wire test of an imported description: requests built from the source document alone
 * (its own examples, else values generated from its schemas by json-schema-faker with a fixed
 * seed, kept only when valid against the source schema by Ajv: the generator sometimes leaves
 * out a required field nested in `allOf`), serialized as the description says (parameter
 * styles, form bodies), must be accepted by the imported server; and the source's response examples (else responses generated from
 * its schemas) must pass the server's output validation.
 */

type Json = Record<string, unknown>;

/** A request and the answer a handler gives, all taken from the source document. */
export interface WireCase {
	/** `METHOD /path` as in the source. */
	readonly operation: string;
	readonly method: string;
	readonly template: string;
	/** The path and query to call. */
	readonly target: string;
	readonly headers: Record<string, string>;
	readonly body?: string;
	/** What the handler answers: the source's example, or a value generated from the schema. */
	readonly output: unknown;
	/**
	 * `example`: the source's response example, valid against the source's schema;
	 * `invalid-example`: one that is not (GitHub's examples sometimes leave out a required
	 * field), not answered; `schema`/`none`: no example, not answered.
	 */
	readonly outputFrom: 'example' | 'invalid-example' | 'schema' | 'none';
}

export interface WireCases {
	readonly cases: readonly WireCase[];
	/** Sampled operations no case could be built for, with the reason. */
	readonly skipped: readonly string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * Builds a case for every `stride`-th operation of the document (in path order, so the sample
 * is fixed), values generated with `seed`.
 */
export function sourceWireCases(document: Json, stride: number, seed: number): WireCases {
	// The generator reads named schemas under `$defs` (other root keys would be taken as data).
	const defs = toDefs((document.components as Json | undefined)?.schemas ?? {}) as Json;
	const resolve = <T>(value: T): T => {
		let current: unknown = value;
		for (let depth = 0; depth < 8; depth++) {
			const ref = (current as { $ref?: unknown } | undefined)?.$ref;
			if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
			current = ref
				.slice(2)
				.split('/')
				.map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
				.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
		}
		return current as T;
	};
	const ajv = new Ajv2020({ strict: false, validateFormats: false });
	ajv.addSchema({ $id: 'source:defs', $defs: defs });
	const validOf = (schema: unknown) => ajv.compile({ ...(toDefs(schema, 'source:defs') as Json) });
	let n = 0;
	const generateOnce = (schema: unknown): unknown =>
		generateSync({ ...(toDefs(schema) as Json), $defs: defs } as never, {
			seed: seed + n++,
			maxDepth: 4,
			maxDefaultItems: 2,
			// Strings as clients send them: a 5,000-character generated id proves nothing more.
			maxLength: 40,
			optionalsProbability: 0.5,
			useExamplesValue: true,
			refDepthMax: 2,
		});
	/** A generated value valid against the source schema (a few tries), else undefined. */
	const generate = (schema: unknown): unknown => {
		const valid = validOf(schema);
		for (let attempt = 0; attempt < 4; attempt++) {
			const value = generateOnce(schema);
			if (valid(value)) return value;
		}
		return undefined;
	};
	const sampleOf = (holder: Json | undefined, schema: unknown): unknown => {
		if (holder?.example !== undefined) return holder.example;
		const examples = holder?.examples as Record<string, Json> | undefined;
		const first = examples ? resolve(Object.values(examples)[0]) : undefined;
		if (first && 'value' in first) return first.value;
		return generate(schema);
	};

	const operations: [string, string, Json, Json][] = [];
	for (const [template, rawItem] of Object.entries(document.paths as Json).sort(([a], [b]) =>
		a < b ? -1 : a > b ? 1 : 0,
	)) {
		const item = resolve(rawItem as Json);
		for (const method of METHODS) {
			const operation = item[method] as Json | undefined;
			if (operation) operations.push([method, template, item, resolve(operation)]);
		}
	}
	const cases: WireCase[] = [];
	const skipped: string[] = [];
	operations.forEach(([method, template, item, operation], index) => {
		if (index % stride !== 0) return;
		const name = `${method.toUpperCase()} ${template}`;
		const parameters = [
			...((item.parameters as Json[] | undefined) ?? []),
			...((operation.parameters as Json[] | undefined) ?? []),
		].map((p) => resolve(p));
		let path = template;
		const query: string[] = [];
		const headers: Record<string, string> = {};
		const cookies: string[] = [];
		for (const parameter of parameters) {
			const {
				name: key,
				in: where,
				required,
				schema,
			} = parameter as {
				name: string;
				in: string;
				required?: boolean;
				schema?: Json;
			};
			if (!schema || (!required && where !== 'path' && (n++ + seed) % 2 === 0)) continue;
			const value = sampleOf(parameter, resolve(schema));
			if (value === undefined) {
				if (where !== 'path') continue;
				skipped.push(`${name}: no valid value generated for path parameter ${key}`);
				return;
			}
			// A path segment cannot be empty: an empty generated value would not reach the route.
			if (where === 'path') path = path.replace(`{${key}}`, encodeURIComponent(flat(value) || 'x'));
			else if (where === 'query') query.push(serializeQuery(key, value, parameter));
			else if (where === 'header') headers[key] = flat(value);
			else if (where === 'cookie') cookies.push(`${key}=${encodeURIComponent(flat(value))}`);
		}
		if (cookies.length > 0) headers.cookie = cookies.join('; ');
		let body: string | undefined;
		const requestBody = resolve(operation.requestBody as Json | undefined);
		const content = requestBody?.content as Record<string, Json> | undefined;
		// A body on GET or HEAD cannot be sent (fetch refuses it; so do most clients and proxies).
		if (content && method !== 'get' && method !== 'head') {
			const json = Object.keys(content).find((t) => /^application\/(.+\+)?json/.test(t));
			const form = content['application/x-www-form-urlencoded'];
			const value = json
				? sampleOf(content[json], content[json]!.schema)
				: form
					? sampleOf(form, form.schema)
					: undefined;
			if (json && value !== undefined) {
				headers['content-type'] = json;
				body = JSON.stringify(value);
			} else if (form && value !== undefined) {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				body = formBody(value, form.encoding as Json | undefined);
			} else if (!json && !form && requestBody?.required) {
				skipped.push(`${name}: request body only as ${Object.keys(content).join(', ')}`);
				return;
			}
		}
		const {
			value: output,
			from,
			schema: outputSchema,
		} = successOutput(operation, resolve, sampleOf);
		const outputFrom =
			from === 'example' && !validOf(outputSchema)(output) ? 'invalid-example' : from;
		if (requestBody?.required && method !== 'get' && method !== 'head' && body === undefined) {
			skipped.push(`${name}: no body could be built`);
			return;
		}
		cases.push({
			operation: name,
			method: method.toUpperCase(),
			template,
			target: query.length > 0 ? `${path}?${query.join('&')}` : path,
			headers,
			...(body !== undefined ? { body } : {}),
			output,
			outputFrom,
		});
	});
	return { cases, skipped };
}

/**
 * A copy of an OpenAPI 3.0 schema in JSON Schema 2020-12: `#/components/schemas/X` references
 * written `<base>#/$defs/X`, `nullable` as a `null` type, boolean exclusive bounds as numbers.
 */
function toDefs(value: unknown, base = ''): unknown {
	if (Array.isArray(value)) return value.map((v) => toDefs(v, base));
	if (typeof value !== 'object' || value === null) return value;
	const schema = value as Json;
	const out: Json = {};
	for (const [key, v] of Object.entries(schema)) {
		if (key === '$ref' && typeof v === 'string')
			out[key] = v.replace('#/components/schemas/', `${base}#/$defs/`);
		else if (key === 'nullable') continue;
		else if (key === 'example' || key === 'examples' || key === 'default' || key === 'enum')
			out[key] = v;
		else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof v === 'boolean') {
			const bound = schema[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'];
			if (v && typeof bound === 'number') out[key] = bound;
		} else out[key] = toDefs(v, base);
	}
	if (schema.nullable !== true) return out;
	if (typeof schema.type !== 'string') return { anyOf: [out, { type: 'null' }] };
	out.type = [schema.type, 'null'];
	if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
	return out;
}

/** The first 2xx JSON response: its example, or a value generated from its schema. */
function successOutput(
	operation: Json,
	resolve: <T>(value: T) => T,
	sampleOf: (holder: Json | undefined, schema: unknown) => unknown,
): { value: unknown; from: WireCase['outputFrom']; schema?: unknown } {
	const responses = (operation.responses ?? {}) as Record<string, unknown>;
	const status = Object.keys(responses)
		.filter((s) => /^2\d\d$/.test(s))
		.sort()[0];
	const response = status ? resolve(responses[status] as Json) : undefined;
	const content = response?.content as Record<string, Json> | undefined;
	const type = content && Object.keys(content).find((t) => /^application\/(.+\+)?json/.test(t));
	if (!type) return { value: undefined, from: 'none' };
	const media = content[type]!;
	const hasExample = media.example !== undefined || media.examples !== undefined;
	return {
		value: sampleOf(media, media.schema),
		from: hasExample ? 'example' : 'schema',
		schema: media.schema ?? {},
	};
}

function flat(value: unknown): string {
	if (Array.isArray(value)) return value.map(flat).join(',');
	if (typeof value === 'object' && value !== null)
		return Object.entries(value)
			.map(([k, v]) => `${k},${flat(v)}`)
			.join(',');
	return String(value);
}

/** A query parameter as its style says (form and explode by default). */
function serializeQuery(key: string, value: unknown, parameter: Json): string {
	const style = (parameter.style as string | undefined) ?? 'form';
	const explode = (parameter.explode as boolean | undefined) ?? style === 'form';
	const pair = (k: string, v: unknown) => `${encodeURIComponent(k)}=${encodeURIComponent(flat(v))}`;
	if (style === 'deepObject' && typeof value === 'object' && value !== null)
		return brackets(key, value);
	if (Array.isArray(value)) {
		if (style === 'form' && explode) return value.map((v) => pair(key, v)).join('&');
		const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
		return pair(key, value.map(flat).join(separator));
	}
	if (typeof value === 'object' && value !== null && explode)
		return Object.entries(value)
			.map(([k, v]) => pair(k, v))
			.join('&');
	return pair(key, value);
}

/** A form body: bracketed names for deepObject properties (and objects), repeated names for lists. */
function formBody(value: unknown, encoding: Json | undefined): string {
	if (typeof value !== 'object' || value === null) return '';
	const parts: string[] = [];
	for (const [key, v] of Object.entries(value)) {
		const style = (encoding?.[key] as Json | undefined)?.style;
		if (style === 'deepObject' || (typeof v === 'object' && v !== null && !Array.isArray(v)))
			parts.push(brackets(key, v));
		else if (Array.isArray(v))
			for (const item of v)
				parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(flat(item))}`);
		else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(flat(v))}`);
	}
	return parts.filter((p) => p !== '').join('&');
}

/**
 * `name[key]=v` pairs for an object, `name[0]=v` for a list, nested (deepObject; indices, as
 * Stripe's own clients send lists of objects).
 */
function brackets(name: string, value: unknown): string {
	if (Array.isArray(value))
		return value
			.map((v, i) => brackets(`${name}[${i}]`, v))
			.filter((p) => p !== '')
			.join('&');
	if (typeof value === 'object' && value !== null)
		return Object.entries(value)
			.map(([k, v]) => brackets(`${name}[${k}]`, v))
			.filter((p) => p !== '')
			.join('&');
	return `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
}

/** What went wrong for one case. */
export interface WireFailure {
	readonly operation: string;
	readonly request: string;
	readonly status: number;
	readonly problem: unknown;
}

/**
 * Serves the registry with a handler per case that answers the case's output, sends every
 * case's request, and gives the cases whose request was refused (4xx) or whose output was
 * refused by output validation (500).
 */
export async function runWireCases(
	registry: ContractRegistry,
	cases: readonly WireCase[],
): Promise<{ readonly failures: WireFailure[]; readonly accepted: number }> {
	const byRoute = new Map<string, OperationSpec>();
	for (const entry of registry.operations()) {
		const { rest } = wireNames(entry.spec as OperationSpec);
		byRoute.set(`${rest.method} ${rest.path}`, entry.spec as OperationSpec);
	}
	// Only a source's own example is answered: a value generated from a response schema may
	// be cut short by the generator's depth limits, and then proves nothing.
	const bindings = cases.flatMap((c) => {
		const spec = byRoute.get(`${c.method} ${c.template}`);
		return spec && c.outputFrom === 'example' ? [implement(spec, () => c.output as never)] : [];
	});
	const executor = createExecutor({
		contracts: registry,
		bindings: dedupe(bindings),
		serveUnimplemented: true,
		contextProvider: () => ({ id: 'tester', roles: [], permissions: [] }),
	});
	const rest = createRestServer(executor);
	const { url } = await rest.listen(0);
	const failures: WireFailure[] = [];
	let accepted = 0;
	try {
		for (const c of cases) {
			const response = await fetch(`${url}${c.target}`, {
				method: c.method,
				headers: c.headers,
				...(c.body !== undefined ? { body: c.body } : {}),
			});
			const text = await response.text();
			if (response.status < 400 || response.status === 501) {
				accepted++;
				continue;
			}
			failures.push({
				operation: c.operation,
				request: `${c.method} ${c.target}${c.body ? ` ${c.body.slice(0, 200)}` : ''}`,
				status: response.status,
				problem: parse(text),
			});
		}
	} finally {
		await rest.close();
	}
	return { failures, accepted };
}

function dedupe<T extends { contract: unknown }>(bindings: T[]): T[] {
	const seen = new Set<unknown>();
	return bindings.filter((b) => !seen.has(b.contract) && seen.add(b.contract));
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text.slice(0, 300);
	}
}
