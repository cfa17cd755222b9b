import {
	type ContractRegistry,
	isSemver,
	type RegistryEntry,
	type RegistryKind,
	registryKind,
} from '@charter/spec';
import { UsageError } from '../command.ts';

const KINDS: readonly RegistryKind[] = ['operation', 'event', 'feature'];

/** Splits `key@version` into its parts; the version is optional. */
export function parseContractRef(ref: string): { key: string; version?: string } {
	const at = ref.lastIndexOf('@');
	if (at <= 0) return { key: ref };
	const version = ref.slice(at + 1);
	if (!isSemver(version)) {
		throw new UsageError(
			`"${version}" in "${ref}" is not a version like 1.0.0`,
			'CHARTER_INVALID_VERSION',
		);
	}
	return { key: ref.slice(0, at), version };
}

/**
 * Finds one contract by exact key (never by prefix): the given version, or the latest.
 * Operations win over events and features of the same key unless `kind` says otherwise.
 * Throws a UsageError that suggests close keys when nothing matches.
 */
export function findContract(
	registry: ContractRegistry,
	ref: string,
	kind?: RegistryKind,
): RegistryEntry {
	const { key, version } = parseContractRef(ref);
	const kinds = kind ? [kind] : KINDS;
	for (const k of kinds) {
		if (registry.versions(k, key).length === 0) continue;
		const entry = version ? registry.get(k, key, version) : registry.latest(k, key);
		if (entry) return entry;
		const known = registry.versions(k, key).map((e) => e.spec.meta.version);
		throw new UsageError(
			`${k} ${key} has no version ${version}; known versions: ${known.join(', ')}`,
			'CHARTER_UNKNOWN_VERSION',
		);
	}
	const close = suggestKeys(
		registry.all().filter((e) => kinds.includes(registryKind(e.spec))),
		key,
	);
	const hint = close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
	throw new UsageError(
		`no ${kind ?? 'contract'} with key "${key}"${hint} (run \`charter list\` to see every key)`,
		'CHARTER_UNKNOWN_CONTRACT',
	);
}

/** Gives up to three keys close to `key`: sharing its prefix or a small edit distance away. */
export function suggestKeys(entries: readonly RegistryEntry[], key: string): string[] {
	const keys = [...new Set(entries.map((e) => e.spec.meta.key))];
	return keys
		.map((candidate) => ({ candidate, score: distance(candidate, key) }))
		.filter(
			({ candidate, score }) =>
				candidate.startsWith(`${key}.`) ||
				key.startsWith(`${candidate}.`) ||
				score <= Math.max(2, Math.floor(key.length / 4)),
		)
		.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1))
		.slice(0, 3)
		.map(({ candidate }) => candidate);
}

/** Levenshtein distance between two strings. */
function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}
