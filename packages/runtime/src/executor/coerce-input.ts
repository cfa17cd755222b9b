import type { FieldNode, TypeNode } from '@charter/schema';
import { parseJsonSafely } from '../json/safe-json.ts';

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const NUMERIC_SCALARS = new Set(['Int', 'Float', 'Latitude', 'Longitude']);

/**
 * Coerces flat string values (a query string, CLI flags) to the types an input model's fields
 * declare: numbers, booleans, lists (a single value becomes a one-item list) and JSON for
 * structured fields. An input that is not a model (a REST query's whole `input` parameter) is
 * coerced the same way as one field. Values that do not convert are left as they are, for
 * validation to report.
 */
export function coerceInput(node: TypeNode, raw: unknown): unknown {
	if (node.kind === 'array' && raw !== undefined) {
		return coerceField({ type: node.items, isOptional: false, isArray: true }, raw);
	}
	if (node.kind !== 'model') return coerceValue(node, raw);
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(raw)) {
		const field = Object.hasOwn(node.fields, name) ? node.fields[name] : undefined;
		out[name] = field ? coerceField(field, value) : value;
	}
	return out;
}

function coerceField(field: FieldNode, value: unknown): unknown {
	if (field.isArray) {
		const list = Array.isArray(value) ? value : [value];
		return list.map((item) => coerceValue(field.type, item));
	}
	if (field.isNullable && value === 'null') return null;
	return coerceValue(field.type, value);
}

function coerceValue(node: TypeNode, value: unknown): unknown {
	if (typeof value !== 'string') return coerceStructured(node, value);
	switch (node.kind) {
		case 'scalar':
			if (NUMERIC_SCALARS.has(node.name)) return NUMBER.test(value) ? Number(value) : value;
			if (node.name === 'Boolean')
				return value === 'true' ? true : value === 'false' ? false : value;
			if (node.name === 'JSON' || node.name === 'JSONObject') return parseOrKeep(value);
			return value;
		case 'literal':
			if (typeof node.value === 'number') return NUMBER.test(value) ? Number(value) : value;
			if (typeof node.value === 'boolean') return value === String(node.value) ? node.value : value;
			return value;
		case 'enum':
			return value;
		case 'array':
			return parseOrKeep(value);
		default:
			return parseOrKeep(value);
	}
}

function parseOrKeep(value: string): unknown {
	const parsed = parseJsonSafely(value);
	return parsed.ok ? parsed.value : value;
}

/**
 * A list or object whose leaves are strings (a delimited or `deepObject` query parameter, a
 * form body) is coerced item by item and member by member; any other value is left as it is.
 */
function coerceStructured(node: TypeNode, value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	if (node.kind === 'union') {
		// The first variant of the value's shape (a list, or an object: a model or a record).
		const fits = node.variants.find((v) =>
			Array.isArray(value) ? v.kind === 'array' : v.kind === 'model' || v.kind === 'record',
		);
		return fits ? coerceStructured(fits, value) : value;
	}
	if (Array.isArray(value))
		return node.kind === 'array' ? value.map((item) => coerceValue(node.items, item)) : value;
	if (node.kind === 'model') return coerceInput(node, value);
	if (node.kind === 'record') {
		const out: Record<string, unknown> = {};
		for (const [name, item] of Object.entries(value)) out[name] = coerceValue(node.values, item);
		return out;
	}
	return value;
}
