import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject, OpenApiSource } from '../document/openapi-source.ts';
import { type RefLookup, schemaShape } from './schema-shape.ts';

/** One way the exported document differs from the original, for one operation. */
export interface RoundTripDifference {
	/** `GET /pets/{id}`. */
	readonly operation: string;
	/** JSON path of the operation in the original document. */
	readonly pointer: string;
	readonly aspect: 'missing' | 'parameters' | 'request-body' | 'response' | 'errors';
	readonly detail: string;
}

/** A structured summary of a round trip: what matched, what differed and where. */
export interface RoundTripSummary {
	readonly operations: number;
	readonly compared: Record<
		'parameters' | 'request-body' | 'response' | 'errors',
		{ equal: number; different: number }
	>;
	readonly differences: readonly RoundTripDifference[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const JSON_MEDIA = /json/i;

/**
 * Compares an OpenAPI description with Charter's export of its imported contracts: the same
 * operations (method and path), parameters, request and success response schemas (by wire
 * shape, so `$ref` naming and annotations do not count), and error statuses.
 */
export function compareOpenApi(originalFile: string, exported: JsonObject): RoundTripSummary {
	const source = new OpenApiSource(originalFile);
	// A ref resolves from the file that holds it: the main file, or the file a ref led to.
	const lookupOriginal: RefLookup = (ref, context) => {
		try {
			const t = source.resolve(ref, context ?? source.mainFile, '#');
			return { id: `${t.file}${t.pointer}`, value: t.value, context: t.file };
		} catch {
			return undefined;
		}
	};
	const exportedComponents = ((exported.components as JsonObject | undefined)?.schemas ??
		{}) as JsonObject;
	const lookupExported: RefLookup = (ref) => {
		const name = ref.replace('#/components/schemas/', '');
		return Object.hasOwn(exportedComponents, name)
			? { id: name, value: exportedComponents[name] }
			: undefined;
	};
	const summary: { -readonly [K in keyof RoundTripSummary]: RoundTripSummary[K] } = {
		operations: 0,
		compared: {
			parameters: { equal: 0, different: 0 },
			'request-body': { equal: 0, different: 0 },
			response: { equal: 0, different: 0 },
			errors: { equal: 0, different: 0 },
		},
		differences: [],
	};
	const diff = (operation: string, aspect: RoundTripDifference['aspect'], detail: string) => {
		const [method, path] = operation.split(' ') as [string, string];
		const pointer = child('#/paths', path, method.toLowerCase());
		(summary.differences as RoundTripDifference[]).push({ operation, pointer, aspect, detail });
		if (aspect !== 'missing') summary.compared[aspect].different++;
	};
	const exportedPaths = (exported.paths ?? {}) as Record<string, JsonObject>;
	const deref = (value: unknown, at: string) => source.deref(value, source.mainFile, at).value;
	for (const [path, rawItem] of Object.entries((source.root.paths ?? {}) as JsonObject)) {
		const item = deref(rawItem, child('#/paths', path)) as JsonObject;
		for (const method of METHODS) {
			const op = item[method];
			if (!isObject(op)) continue;
			summary.operations++;
			const name = `${method.toUpperCase()} ${path}`;
			const theirs = exportedPaths[path]?.[method];
			if (!isObject(theirs)) {
				diff(name, 'missing', 'not in the exported document');
				continue;
			}
			// Parameters: path and query (headers are reported by the import, cookies skipped).
			const params = [
				...(Array.isArray(item.parameters) ? item.parameters : []),
				...(Array.isArray(op.parameters) ? op.parameters : []),
			]
				.map((p) => deref(p, '#'))
				.filter((p): p is JsonObject => isObject(p) && (p.in === 'path' || p.in === 'query'));
			const mine = new Map(params.map((p) => [`${p.in}:${p.name}`, p]));
			const exportedParams = new Map(
				(Array.isArray(theirs.parameters) ? (theirs.parameters as JsonObject[]) : [])
					.filter((p) => p.in === 'path' || p.in === 'query')
					.map((p) => [`${p.in}:${p.name}`, p]),
			);
			const paramIssues: string[] = [];
			for (const [id, p] of mine) {
				const other = exportedParams.get(id);
				if (!other) paramIssues.push(`${id} is missing`);
				else {
					if (Boolean(p.required) !== Boolean(other.required) && p.in !== 'path')
						paramIssues.push(`${id} required ${Boolean(p.required)} -> ${Boolean(other.required)}`);
					const a = JSON.stringify(schemaShape(p.schema ?? firstSchema(p.content), lookupOriginal));
					const b = JSON.stringify(
						schemaShape(other.schema ?? firstSchema(other.content), lookupExported),
					);
					if (a !== b) paramIssues.push(`${id} schema ${a} -> ${b}`);
				}
			}
			for (const id of exportedParams.keys())
				if (!mine.has(id)) paramIssues.push(`${id} was added`);
			if (paramIssues.length > 0) diff(name, 'parameters', paramIssues.join('; '));
			else summary.compared.parameters.equal++;

			// Request body (non-GET), when the operation has no query or header parameters merged in.
			if (method !== 'get' && op.requestBody !== undefined) {
				const body = deref(op.requestBody, '#') as JsonObject;
				const schema = firstSchema(body.content);
				const otherSchema = firstSchema((theirs.requestBody as JsonObject | undefined)?.content);
				const a = schemaShape(schema, lookupOriginal);
				const b = schemaShape(otherSchema, lookupExported);
				const d = shapeDifference(a, b);
				if (d) diff(name, 'request-body', d);
				else summary.compared['request-body'].equal++;
			}

			// Success response: the first 2xx (200 preferred) against Charter's 200.
			const responses = isObject(op.responses) ? op.responses : {};
			const success = Object.keys(responses)
				.filter((s) => /^2/.test(s))
				.sort();
			const primary = success.includes('200') ? '200' : success[0];
			if (primary) {
				const response = deref(responses[primary], '#') as JsonObject;
				const schema = firstSchema(response.content);
				const served = /^2\d\d$/.test(primary) ? primary : '200';
				const exportedResponse = (theirs.responses as JsonObject)[served] as JsonObject | undefined;
				const a = schema === undefined ? 'any' : schemaShape(schema, lookupOriginal);
				const b = schemaShape(firstSchema(exportedResponse?.content), lookupExported);
				const d = shapeDifference(a, b);
				if (d) diff(name, 'response', `${primary} ${d}`);
				else summary.compared.response.equal++;
			}

			// Error statuses: every declared 4xx/5xx is answered with that status.
			const errors = Object.keys(responses).filter((s) => /^[45]\d\d$/.test(s));
			const exportedStatuses = new Set(Object.keys((theirs.responses as JsonObject) ?? {}));
			const lost = errors.filter((s) => !exportedStatuses.has(s));
			if (lost.length > 0) diff(name, 'errors', `statuses ${lost.join(', ')} are not declared`);
			else summary.compared.errors.equal++;
		}
	}
	return summary;
}

/** Describes where two shapes first differ: `at .properties.id: {...} -> {...}`. */
export function shapeDifference(a: unknown, b: unknown, at = ''): string | undefined {
	if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
	if (isObject(a) && isObject(b)) {
		for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
			if (!(key in a) || !(key in b)) continue;
			const inner = shapeDifference(a[key], b[key], `${at}.${key}`);
			if (inner) return inner;
		}
		const keys = (o: JsonObject) => Object.keys(o).sort().join(',');
		if (keys(a) !== keys(b)) return `at ${at || '.'}: keys ${keys(a)} -> ${keys(b)}`;
	}
	const show = (v: unknown) => {
		const text = JSON.stringify(v) ?? 'undefined';
		return text.length > 160 ? `${text.slice(0, 160)}...` : text;
	};
	return `at ${at || '.'}: ${show(a)} -> ${show(b)}`;
}

function firstSchema(content: unknown): unknown {
	if (!isObject(content)) return undefined;
	const type = Object.keys(content).find((t) => JSON_MEDIA.test(t)) ?? Object.keys(content)[0];
	const media = type ? content[type] : undefined;
	return isObject(media) ? media.schema : undefined;
}

/** Renders a round-trip summary as text: counts per aspect, then each difference. */
export function renderRoundTrip(summary: RoundTripSummary, limit = 20): string {
	const lines = [`${summary.operations} operations`];
	for (const [aspect, { equal, different }] of Object.entries(summary.compared)) {
		lines.push(`  ${aspect}: ${equal} equal, ${different} different`);
	}
	const missing = summary.differences.filter((d) => d.aspect === 'missing').length;
	if (missing > 0) lines.push(`  missing: ${missing}`);
	for (const d of summary.differences.slice(0, limit)) {
		lines.push(
			`  ${d.operation} [${d.aspect}] ${d.detail.length > 200 ? `${d.detail.slice(0, 200)}...` : d.detail}`,
		);
	}
	if (summary.differences.length > limit)
		lines.push(`  ... and ${summary.differences.length - limit} more`);
	return lines.join('\n');
}
