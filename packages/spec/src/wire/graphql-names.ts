import { type ModelNode, reachableModels, type TypeNode } from '@charter/schema';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Tells whether a JSON field name is already a GraphQL name (and not a reserved `__` one). */
export function isGraphqlName(name: string): boolean {
	return GRAPHQL_NAME.test(name) && !name.startsWith('__');
}

/**
 * Gives the GraphQL spelling of a JSON field name before collisions are settled: a name
 * GraphQL accepts is kept; otherwise every run of characters GraphQL does not allow ends a
 * word and the words are joined in camelCase (`teams.any` -> `teamsAny`, `created[gte]` ->
 * `createdGte`, `$parent` -> `parent`, `include[]` -> `include`); a leading digit gets a `_`,
 * leading underscores become one, and a name with no letter or digit left becomes `_`.
 */
export function graphqlNameCandidate(name: string): string {
	if (isGraphqlName(name)) return name;
	const words = name.split(/[^_0-9A-Za-z]+/).filter(Boolean);
	let joined = words
		.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
		.join('')
		.replace(/^_+/, '_');
	if (joined === '' || joined === '_') return '_';
	if (/^[0-9]/.test(joined)) joined = `_${joined}`;
	return joined;
}

/**
 * Maps the JSON field names of one object to GraphQL field names, collision-free: names
 * GraphQL accepts keep their spelling and are claimed first; each other name, in declaration
 * order, gets {@link graphqlNameCandidate}, and `_2`, `_3`... when that is already taken
 * (`StartTime`, `StartTime<`, `StartTime>` -> `StartTime`, `StartTime_2`, `StartTime_3`).
 * The same field names always give the same map.
 */
export function graphqlFieldNames(names: readonly string[]): ReadonlyMap<string, string> {
	const taken = new Set(names.filter(isGraphqlName));
	const map = new Map<string, string>();
	for (const name of names) {
		if (isGraphqlName(name)) {
			map.set(name, name);
			continue;
		}
		const base = graphqlNameCandidate(name);
		let candidate = base;
		for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
		taken.add(candidate);
		map.set(name, candidate);
	}
	return map;
}

/**
 * Lists the fields whose GraphQL name differs from their JSON name, per model reachable from
 * the given types (`{ Model: { 'include[]': 'include_2' } }`); empty when every name is kept.
 * The snapshot records it, so a rename is reviewed like any other wire change.
 */
export function renamedGraphqlFields(
	roots: Iterable<TypeNode>,
): Record<string, Record<string, string>> {
	const renamed: Record<string, Record<string, string>> = {};
	for (const model of reachableModels(roots)) {
		const changed = changedNames(model);
		if (changed) renamed[model.name] = changed;
	}
	return Object.fromEntries(Object.entries(renamed).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function changedNames(model: ModelNode): Record<string, string> | undefined {
	const entries = [...graphqlFieldNames(Object.keys(model.fields))].filter(
		([json, gql]) => json !== gql,
	);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
