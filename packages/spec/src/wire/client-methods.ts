import { ContractDefinitionError } from '../errors.ts';
import { compareSemver, majorOf } from '../meta/semver.ts';
import type { OperationSpec } from '../operations/operation-types.ts';
import { camelWords } from './wire-names.ts';

/**
 * Where an operation's method sits in a client, the typed client (`createClient`) and the
 * generated SDK alike: one property per key segment, each segment's words in camelCase; major
 * version 1 (or 0) keeps the bare last segment, major n >= 2 appends `V<n>` to it. Adding a v2
 * beside a v1 adds a method and never changes what an existing call means.
 *
 * @example
 * clientMethodPath(GetTodoV2) // ['todo', 'item', 'getV2'] (todo.item.get@2.1.0)
 * clientMethodPath(AddLine)   // ['billing', 'invoiceLine', 'add'] (billing.invoice-line.add@1.0.0)
 */
export function clientMethodPath(spec: OperationSpec): readonly string[] {
	const segments = spec.meta.key.split('.').map(camelWords);
	const major = majorOf(spec.meta.version);
	if (major >= 2) segments[segments.length - 1] += `V${major}`;
	return segments;
}

/** The type-level twin of {@link clientMethodPath}, from a literal key and version. */
export type ClientMethodPath<K extends string, V extends string> =
	Segments<K> extends [...infer Head extends string[], infer Last extends string]
		? [...Head, `${Last}${VersionSuffix<V>}`]
		: never;

type Segments<K extends string> = K extends `${infer H}.${infer T}`
	? [Camel<H>, ...Segments<T>]
	: [Camel<K>];
type Camel<S extends string> = S extends `${infer H}-${infer T}`
	? `${Camel<H>}${Capitalize<Camel<T>>}`
	: S extends `${infer H}_${infer T}`
		? `${H}${Capitalize<Camel<T>>}`
		: S;
/** `V<n>` from major 2; nothing for majors 0 and 1, or a version not known as a literal. */
type VersionSuffix<V extends string> = V extends `${infer M extends number}.${string}`
	? `${M}` extends '0' | '1'
		? ''
		: `V${M}`
	: '';

/** One method of a client: its path, and the contract it calls. */
export interface ClientMethodEntry {
	readonly path: readonly string[];
	readonly spec: OperationSpec;
}

/**
 * Gives the methods of a client of these operations, each with its {@link clientMethodPath}, in
 * input order. Versions of one key within a major share a method: the newest is kept. Two
 * other operations on one path are a `CHARTER_CLIENT_METHOD_COLLISION`.
 */
export function clientMethods(specs: readonly OperationSpec[]): ClientMethodEntry[] {
	const byPath = new Map<string, ClientMethodEntry>();
	for (const spec of specs) {
		const path = clientMethodPath(spec);
		const id = path.join('.');
		const first = byPath.get(id);
		if (!first) byPath.set(id, { path, spec });
		else if (first.spec.meta.key !== spec.meta.key) {
			throw new ContractDefinitionError(
				'CHARTER_CLIENT_METHOD_COLLISION',
				spec.meta.key,
				'meta.key',
				`client method ${id} is claimed by ${first.spec.meta.key}@${first.spec.meta.version} and ${spec.meta.key}@${spec.meta.version}`,
			);
		} else if (compareSemver(spec.meta.version, first.spec.meta.version) > 0) {
			byPath.set(id, { path, spec });
		}
	}
	return [...byPath.values()];
}
