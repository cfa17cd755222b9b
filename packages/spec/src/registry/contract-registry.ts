import { ContractDefinitionError } from '../errors.ts';
import type { EventSpec } from '../events/define-event.ts';
import type { FeatureSpec } from '../features/define-feature.ts';
import { compareSemver } from '../meta/semver.ts';
import type { OperationSpec } from '../operations/operation-types.ts';

/** Anything the registry holds. */
export type ContractSpec = OperationSpec | EventSpec | FeatureSpec;

/** The registry's namespaces: commands and queries share one, so a key names one operation. */
export type RegistryKind = 'operation' | 'event' | 'feature';

/** A registered contract and where it was defined. */
export interface RegistryEntry<S extends ContractSpec = ContractSpec> {
	readonly spec: S;
	/** Source file, relative to the project root, when the contract was loaded from a file. */
	readonly file?: string;
	/** Name of the export that holds the contract. */
	readonly exportName?: string;
}

/** Gives the registry namespace of a contract. */
export function registryKind(spec: ContractSpec): RegistryKind {
	return spec.kind === 'command' || spec.kind === 'query' ? 'operation' : spec.kind;
}

const id = (kind: RegistryKind, key: string, version: string) => `${kind}:${key}@${version}`;

/**
 * Holds contracts by (kind, key, version). Lookups are exact; `latest` never matches by
 * prefix and prefers stable versions.
 */
export class ContractRegistry {
	readonly #entries = new Map<string, RegistryEntry>();
	readonly #byKey = new Map<string, RegistryEntry[]>();

	/** Adds a contract; throws `CHARTER_DUPLICATE_CONTRACT` when (kind, key, version) is taken. */
	register(spec: ContractSpec, origin: { file?: string; exportName?: string } = {}): RegistryEntry {
		const kind = registryKind(spec);
		const { key, version } = spec.meta;
		const existing = this.#entries.get(id(kind, key, version));
		if (existing) {
			if (existing.spec === spec) return existing;
			throw new ContractDefinitionError(
				'CHARTER_DUPLICATE_CONTRACT',
				key,
				'meta.version',
				`${kind} ${key}@${version} is defined twice: ${describeOrigin(existing)} and ${describeOrigin({ spec, ...origin })}; bump the version or rename one`,
			);
		}
		const entry: RegistryEntry = { spec, ...origin };
		this.#entries.set(id(kind, key, version), entry);
		const versions = this.#byKey.get(`${kind}:${key}`) ?? [];
		versions.push(entry);
		versions.sort((a, b) => compareSemver(a.spec.meta.version, b.spec.meta.version));
		this.#byKey.set(`${kind}:${key}`, versions);
		return entry;
	}

	/** Finds the contract with exactly this kind, key and version. */
	get(kind: RegistryKind, key: string, version: string): RegistryEntry | undefined {
		return this.#entries.get(id(kind, key, version));
	}

	/**
	 * Finds the newest version of exactly this key: the highest stable one if any, else the
	 * highest non-deprecated, else the highest.
	 */
	latest(kind: RegistryKind, key: string): RegistryEntry | undefined {
		const versions = this.#byKey.get(`${kind}:${key}`);
		if (!versions || versions.length === 0) return undefined;
		const newestWhere = (test: (e: RegistryEntry) => boolean) => versions.filter(test).at(-1);
		return (
			newestWhere((e) => e.spec.meta.stability === 'stable') ??
			newestWhere((e) => e.spec.meta.stability !== 'deprecated') ??
			versions.at(-1)
		);
	}

	/** Every version of exactly this key, oldest first. */
	versions(kind: RegistryKind, key: string): readonly RegistryEntry[] {
		return this.#byKey.get(`${kind}:${key}`) ?? [];
	}

	/** Every entry, sorted by kind, key and version, so output built from it is deterministic. */
	all(): RegistryEntry[] {
		return [...this.#entries.values()].sort(compareEntries);
	}

	operations(): RegistryEntry<OperationSpec>[] {
		return this.all().filter(
			(e) => registryKind(e.spec) === 'operation',
		) as RegistryEntry<OperationSpec>[];
	}

	events(): RegistryEntry<EventSpec>[] {
		return this.all().filter((e) => e.spec.kind === 'event') as RegistryEntry<EventSpec>[];
	}

	features(): RegistryEntry<FeatureSpec>[] {
		return this.all().filter((e) => e.spec.kind === 'feature') as RegistryEntry<FeatureSpec>[];
	}

	get size(): number {
		return this.#entries.size;
	}
}

function describeOrigin(entry: RegistryEntry): string {
	const where = [entry.file, entry.exportName && `export ${entry.exportName}`].filter(Boolean);
	return `${entry.spec.kind}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}

const KIND_ORDER: Record<RegistryKind, number> = { operation: 0, event: 1, feature: 2 };

function compareEntries(a: RegistryEntry, b: RegistryEntry): number {
	const ka = registryKind(a.spec);
	const kb = registryKind(b.spec);
	if (ka !== kb) return KIND_ORDER[ka] - KIND_ORDER[kb];
	if (a.spec.meta.key !== b.spec.meta.key) return a.spec.meta.key < b.spec.meta.key ? -1 : 1;
	return compareSemver(a.spec.meta.version, b.spec.meta.version);
}

/** Creates a registry holding the given contracts. */
export function createRegistry(specs: Iterable<ContractSpec> = []): ContractRegistry {
	const registry = new ContractRegistry();
	for (const spec of specs) registry.register(spec);
	return registry;
}
