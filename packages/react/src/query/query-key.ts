import type { AnyOperation } from '../client/charter-client.ts';

/** First element of every query and mutation key @charter/react makes. */
export const KEY_ROOT = 'charter';

/** A query key: root, contract key, contract version, canonical input. */
export type ContractQueryKey = readonly [typeof KEY_ROOT, string, string, unknown];

/**
 * Gives the query key of a call: the contract's key and version and the canonical form of the
 * input (object members in key order, `undefined` members dropped), so two inputs that mean the
 * same thing share a cache entry whatever order their members were written in.
 *
 * @example contractKey(GetInstanceContract, { instanceId: 'inst-1' })
 * // ['charter', 'workflow.instance.get', '1.0.0', { instanceId: 'inst-1' }]
 */
export function contractKey(contract: AnyOperation, input: unknown): ContractQueryKey {
	return [KEY_ROOT, contract.meta.key, contract.meta.version, canonicalInput(input)];
}

/** Gives the key prefix of every cached call of a contract, whatever its version or input. */
export function contractKeyPrefix(contract: AnyOperation): readonly [typeof KEY_ROOT, string] {
	return [KEY_ROOT, contract.meta.key];
}

/** Gives a copy of a JSON-like input with object members sorted and `undefined` dropped. */
export function canonicalInput(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((item) => canonicalInput(item) ?? null);
	if (typeof value !== 'object' || value === null) return value;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value).sort()) {
		const member = (value as Record<string, unknown>)[key];
		if (member !== undefined) out[key] = canonicalInput(member);
	}
	return out;
}

/** Tells whether a cached query key belongs to a contract key (any version and input). */
export function isKeyOf(queryKey: readonly unknown[], contractKeyName: string): boolean {
	return queryKey[0] === KEY_ROOT && queryKey[1] === contractKeyName;
}
