import { type FieldNode, type ModelNode, reachableModels, type TypeNode } from '@charter/schema';
import { fieldNamesOf } from './field-names.ts';

/** Collects the names of every model reachable from the given nodes. */
export function collectModelNames(roots: Iterable<TypeNode>): Set<string> {
	return new Set(reachableModels(roots).map((model) => model.name));
}

const jsonNameCache = new WeakMap<ModelNode, ReadonlyMap<string, string>>();

/** GraphQL field name -> JSON field name, for the fields of a model that GraphQL renames. */
function jsonNamesOf(model: ModelNode): ReadonlyMap<string, string> {
	let names = jsonNameCache.get(model);
	if (!names) {
		names = new Map(
			[...fieldNamesOf(model)]
				.filter(([json, gql]) => json !== gql)
				.map(([json, gql]) => [gql, json]),
		);
		jsonNameCache.set(model, names);
	}
	return names;
}

/**
 * Turns GraphQL arguments into a contract input, with each field under its JSON name (the
 * GraphQL name of a renamed field maps back): an explicit `null` for a field that is
 * optional but not nullable means "absent" (GraphQL cannot express the difference in the
 * type), so it is dropped instead of failing validation. Everything else passes through.
 */
export function decodeInput(node: TypeNode, value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) {
		return node.kind === 'array' ? value.map((item) => decodeInput(node.items, item)) : value;
	}
	if (node.kind !== 'model') return { ...value };
	const out: Record<string, unknown> = {};
	const jsonNames = jsonNamesOf(node);
	for (const [gqlKey, raw] of Object.entries(value)) {
		const key = jsonNames.get(gqlKey) ?? gqlKey;
		const field = node.fields[key];
		if (!field) {
			out[key] = raw;
			continue;
		}
		if (raw === null && field.isOptional && !field.isNullable) continue;
		out[key] = decodeField(field, raw);
	}
	return out;
}

function decodeField(field: FieldNode, raw: unknown): unknown {
	if (field.isArray && Array.isArray(raw)) return raw.map((item) => decodeInput(field.type, item));
	return decodeInput(field.type, raw);
}
