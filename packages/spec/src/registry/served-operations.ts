import { containsFile } from '@charter/schema';
import { majorOf } from '../meta/semver.ts';
import type { OperationSpec } from '../operations/operation-types.ts';
import type { ContractRegistry, RegistryEntry } from './contract-registry.ts';

/**
 * Picks the operation versions a server serves: per key and major version, the one the
 * registry's `latest` rule would pick (highest stable, else highest non-deprecated, else
 * highest). Minor and patch versions never get their own wire names, so only one is served.
 * Sorted by key, then major.
 */
export function servedOperations(registry: ContractRegistry): OperationSpec[] {
	const groups = new Map<string, RegistryEntry<OperationSpec>[]>();
	for (const entry of registry.operations()) {
		const id = `${entry.spec.meta.key}\u0000${majorOf(entry.spec.meta.version)}`;
		const group = groups.get(id) ?? [];
		group.push(entry);
		groups.set(id, group);
	}
	return [...groups.values()].map((versions) => {
		const newestWhere = (test: (e: RegistryEntry<OperationSpec>) => boolean) =>
			versions.filter(test).at(-1);
		return (
			newestWhere((e) => e.spec.meta.stability === 'stable') ??
			newestWhere((e) => e.spec.meta.stability !== 'deprecated') ??
			versions.at(-1)!
		).spec;
	});
}

/**
 * The served operations a surface without files carries (GraphQL, MCP): those whose input
 * has a `File` field travel only as REST `multipart/form-data` and are left out there.
 */
export function servedWithoutFiles(registry: ContractRegistry): OperationSpec[] {
	return servedOperations(registry).filter((spec) => !containsFile(spec.io.input));
}
