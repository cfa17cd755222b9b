import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject, OpenApiSource } from '../document/openapi-source.ts';
import { type RefLookup, schemaShape } from './schema-shape.ts';

/** How one item of the original (a parameter, a body media type, a response) came back. */
export type RoundTripOutcome = 'changed' | 'lost' | 'added';

/** One way the exported document differs from the original, for one operation. */
export interface RoundTripDifference {
	/** `GET /pets/{id}`. */
	readonly operation: string;
	/** JSON path of the operation in the original document. */
	readonly pointer: string;
	readonly aspect: 'missing' | 'parameters' | 'request-body' | 'responses';
	/** `changed` (kept, but not the same), `lost` (not in the export), `added` (only there). */
	readonly outcome: RoundTripOutcome;
	/** `query:ids`, `application/json`, `201`... */
	readonly item: string;
	readonly detail: string;
}

/** Items of one aspect by how they came back. */
export interface RoundTripTally {
	exact: number;
	changed: number;
	lost: number;
}

/** A structured summary of a round trip: per aspect, items exact, changed and lost, with why. */
export interface RoundTripSummary {
	readonly operations: number;
	/** Operations whose every parameter, body media type and response came back exact. */
	readonly exactOperations: number;
	readonly compared: Record<'parameters' | 'request-body' | 'responses', RoundTripTally>;
	readonly differences: readonly RoundTripDifference[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const JSON_MEDIA = /json/i;
const DEFAULT_STYLE: Record<string, string> = {
	path: 'simple',
	query: 'form',
	header: 'simple',
	cookie: 'form',
};

/**
 * Compares an OpenAPI description with Charter's export of its imported contracts, item by
 * item, by wire shape (`$ref` naming and annotations do not count): per operation, every
 * parameter (location, name, style, explode, required, schema), every request media type
 * (and its schema) and every response status (and its schema). Each item is exact, changed
 * (with the reasons) or lost; parameters only the export has are listed as added.
 */
export async function compareOpenApi(
	originalFile: string,
	exported: JsonObject,
): Promise<RoundTripSummary> {
	const source = await OpenApiSource.open(originalFile);
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
	const ourRefs = new Map<string, unknown>();
	const theirRefs = new Map<string, unknown>();
	const ours = memoShape((schema) =>
		JSON.stringify(schemaShape(schema, lookupOriginal, undefined, ourRefs)),
	);
	const theirs = memoShape((schema) =>
		JSON.stringify(schemaShape(schema, lookupExported, undefined, theirRefs)),
	);
	const tally = (): RoundTripTally => ({ exact: 0, changed: 0, lost: 0 });
	const summary = {
		operations: 0,
		exactOperations: 0,
		compared: { parameters: tally(), 'request-body': tally(), responses: tally() },
		differences: [] as RoundTripDifference[],
	};
	const exportedPaths = (exported.paths ?? {}) as Record<string, JsonObject>;
	const deref = (value: unknown, at: string) => source.deref(value, source.mainFile, at).value;
	for (const [path, rawItem] of Object.entries((source.root.paths ?? {}) as JsonObject)) {
		const item = deref(rawItem, child('#/paths', path)) as JsonObject;
		for (const method of METHODS) {
			const op = item[method];
			if (!isObject(op)) continue;
			summary.operations++;
			const operation = `${method.toUpperCase()} ${path}`;
			const pointer = child('#/paths', path, method);
			const before = summary.differences.length;
			const note = (
				aspect: RoundTripDifference['aspect'],
				outcome: RoundTripOutcome,
				itemName: string,
				detail: string,
			) => {
				summary.differences.push({ operation, pointer, aspect, outcome, item: itemName, detail });
				if (aspect !== 'missing' && outcome !== 'added') summary.compared[aspect][outcome]++;
			};
			const other = exportedPaths[path]?.[method];
			if (!isObject(other)) {
				note('missing', 'lost', operation, 'not in the exported document');
				continue;
			}
			const sides: Sides = { deref, ours, theirs, note };
			compareParameters(sides, item, op, other, summary.compared.parameters);
			if (op.requestBody !== undefined) {
				const body = deref(op.requestBody, '#');
				compareBody(
					sides,
					isObject(body) ? body : {},
					other.requestBody,
					summary.compared['request-body'],
				);
			}
			compareResponses(sides, op, other, summary.compared.responses);
			const changed = summary.differences.slice(before).some((d) => d.outcome !== 'added');
			if (!changed) summary.exactOperations++;
		}
	}
	return summary;
}

type Note = (
	aspect: RoundTripDifference['aspect'],
	outcome: RoundTripOutcome,
	item: string,
	detail: string,
) => void;
type Shape = (schema: unknown) => string;

/** What each comparison reads the two documents with, and where it notes a difference. */
interface Sides {
	readonly deref: (value: unknown, at: string) => unknown;
	/** The shape of a schema of the original, and of the export. */
	readonly ours: Shape;
	readonly theirs: Shape;
	readonly note: Note;
}

/** Every parameter of the original against the export: location, name, style, required, schema. */
function compareParameters(
	{ deref, ours, theirs, note }: Sides,
	item: JsonObject,
	op: JsonObject,
	other: JsonObject,
	counts: RoundTripTally,
): void {
	const id = (p: JsonObject) =>
		`${p.in}:${p.in === 'header' ? String(p.name).toLowerCase() : p.name}`;
	const mine = new Map<string, JsonObject>();
	for (const raw of [
		...(Array.isArray(item.parameters) ? item.parameters : []),
		...(Array.isArray(op.parameters) ? op.parameters : []),
	]) {
		const p = deref(raw, '#');
		if (isObject(p) && typeof p.name === 'string') mine.set(id(p), p);
	}
	const exported = new Map(
		(Array.isArray(other.parameters) ? (other.parameters as JsonObject[]) : []).map((p) => [
			id(p),
			p,
		]),
	);
	for (const [key, p] of mine) {
		const e = exported.get(key);
		if (!e) {
			note('parameters', 'lost', key, 'not in the export');
			continue;
		}
		const reasons: string[] = [];
		const required = (x: JsonObject) => x.in === 'path' || x.required === true;
		if (required(p) !== required(e)) reasons.push(`required ${required(p)} -> ${required(e)}`);
		// A parameter with `content` is a document in that media type: the type is its style.
		const style = (x: JsonObject) =>
			isObject(x.content)
				? `content ${Object.keys(x.content)
						.map((t) => (JSON_MEDIA.test(t) ? 'application/json' : t))
						.join(', ')}`
				: String(x.style ?? DEFAULT_STYLE[String(x.in)]);
		const explode = (x: JsonObject) =>
			x.content !== undefined ? false : (x.explode ?? style(x) === 'form') === true;
		if (style(p) !== style(e)) reasons.push(`style ${style(p)} -> ${style(e)}`);
		else if (explode(p) !== explode(e)) reasons.push(`explode ${explode(p)} -> ${explode(e)}`);
		const a = ours(p.schema ?? firstSchema(p.content));
		const b = theirs(e.schema ?? firstSchema(e.content));
		if (a !== b) reasons.push(`schema ${clip(a)} -> ${clip(b)}`);
		if (reasons.length > 0) note('parameters', 'changed', key, reasons.join('; '));
		else counts.exact++;
	}
	for (const [key, e] of exported) {
		if (mine.has(key)) continue;
		// A parameter the export requires and the source's clients do not send refuses them.
		if (e.required === true) {
			note('parameters', 'changed', key, 'required by the export; the source does not have it');
		} else note('parameters', 'added', key, 'optional');
	}
}

/** Every media type of the original request body: kept by the export, with the same schema. */
function compareBody(
	{ ours, theirs, note }: Sides,
	body: JsonObject,
	other: unknown,
	counts: RoundTripTally,
): void {
	const content = isObject(body.content) ? body.content : {};
	const exported = isObject(other) && isObject(other.content) ? other.content : {};
	const normal = (type: string) => (JSON_MEDIA.test(type) ? 'application/json' : type);
	const exportedTypes = new Map(Object.keys(exported).map((t) => [normal(t), t]));
	for (const [type, media] of Object.entries(content)) {
		const match = exportedTypes.get(normal(type));
		if (!match) {
			note('request-body', 'lost', type, 'not a media type of the exported body');
			continue;
		}
		const reasons: string[] = [];
		const required = body.required === true;
		const exportedRequired = isObject(other) && other.required === true;
		if (required !== exportedRequired) reasons.push(`required ${required} -> ${exportedRequired}`);
		const a = ours(isObject(media) ? media.schema : undefined);
		const b = theirs((exported[match] as JsonObject | undefined)?.schema);
		const d = a === b ? undefined : shapeDifference(JSON.parse(a), JSON.parse(b));
		if (d) reasons.push(d);
		if (reasons.length > 0) note('request-body', 'changed', type, reasons.join('; '));
		else counts.exact++;
	}
}

/**
 * Every response of the original: the same status in the export (a success range, or
 * `default` read as the success, is changed, since Charter answers with one status; error
 * ranges and a `default` beside a success are kept as declared), the same body schema for a
 * success, and for an error the source's body as the `data` of a problem document (a
 * changed body).
 */
function compareResponses(
	{ deref, ours, theirs, note }: Sides,
	op: JsonObject,
	other: JsonObject,
	counts: RoundTripTally,
): void {
	const responses = isObject(op.responses) ? op.responses : {};
	const exported = isObject(other.responses) ? other.responses : {};
	const exportedSuccess = Object.keys(exported).filter((s) => /^2/.test(s));
	const declaresSuccess = Object.keys(responses).some((s) => /^2(\d\d|XX)$/i.test(s));
	for (const status of Object.keys(responses)) {
		const response = deref(responses[status], '#');
		const schema = isObject(response) ? firstSchema(response.content) : undefined;
		const hasBody = isObject(response) && isObject(response.content);
		const served = exported[status];
		if (!isObject(served)) {
			// A range or `default` the import read as the success, answered with one status.
			const as =
				/^2XX$/i.test(status) || (status === 'default' && !declaresSuccess)
					? exportedSuccess[0]
					: undefined;
			const error = /^[45]XX$/i.test(status) ? `${status[0]}00` : undefined;
			if (as && exportedSuccess.length === 1)
				note('responses', 'changed', status, `answered as ${as}`);
			else if (error && isObject(exported[error]))
				note('responses', 'changed', status, `answered as ${error}, a problem document`);
			else note('responses', 'lost', status, 'not a response of the export');
			continue;
		}
		if (/^[45]/.test(status) || (status === 'default' && declaresSuccess)) {
			if (hasBody)
				note('responses', 'changed', status, 'a problem document; the body is its `data`');
			else counts.exact++;
			continue;
		}
		const exportedSchema = firstSchema(served.content);
		if (!hasBody && exportedSchema === undefined) {
			counts.exact++;
			continue;
		}
		const a = schema === undefined ? '"any"' : ours(schema);
		const b = theirs(exportedSchema);
		const d = a === b ? undefined : shapeDifference(JSON.parse(a), JSON.parse(b));
		if (d) note('responses', 'changed', status, d);
		else counts.exact++;
	}
}

/**
 * Remembers the shape of each schema compared: by its `$ref` when it is only one (the same
 * error schema behind every operation), else by identity. Shapes of large descriptions are
 * the cost of a comparison.
 */
function memoShape(shape: Shape): Shape {
	const byRef = new Map<string, string>();
	const byObject = new WeakMap<object, string>();
	return (schema) => {
		if (!isObject(schema)) return shape(schema);
		const keys = Object.keys(schema);
		const ref = keys.length === 1 && typeof schema.$ref === 'string' ? schema.$ref : undefined;
		const known = ref !== undefined ? byRef.get(ref) : byObject.get(schema);
		if (known !== undefined) return known;
		const computed = shape(schema);
		if (ref !== undefined) byRef.set(ref, computed);
		else byObject.set(schema, computed);
		return computed;
	};
}

function clip(text: string): string {
	return text.length > 120 ? `${text.slice(0, 120)}...` : text;
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
	const lines = [
		`${summary.operations} operations, ${summary.exactOperations} exact in every parameter, body and response`,
	];
	for (const [aspect, { exact, changed, lost }] of Object.entries(summary.compared)) {
		lines.push(`  ${aspect}: ${exact} exact, ${changed} changed, ${lost} lost`);
	}
	const missing = summary.differences.filter((d) => d.aspect === 'missing').length;
	if (missing > 0) lines.push(`  missing operations: ${missing}`);
	const shown = summary.differences.filter((d) => d.outcome !== 'added');
	for (const d of shown.slice(0, limit)) {
		const detail = d.detail.length > 200 ? `${d.detail.slice(0, 200)}...` : d.detail;
		lines.push(`  ${d.operation} [${d.aspect} ${d.item}] ${d.outcome}: ${detail}`);
	}
	if (shown.length > limit) lines.push(`  ... and ${shown.length - limit} more`);
	return lines.join('\n');
}
