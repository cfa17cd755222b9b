import type { TypeNode } from './type-node.ts';

const fingerprints = new WeakMap<object, string>();

/**
 * Gives a short hash (64 bits, hex) of a type node's whole structure: equal structures give
 * equal fingerprints. Each node is hashed once, from its own keys and its children's
 * fingerprints, cached by identity, so the work is linear in the number of distinct nodes
 * however often a named type is reused. (`JSON.stringify` of a node expands every reuse and
 * grows exponentially with nesting.) Pure JavaScript: the schema package runs in browsers.
 */
export function typeFingerprint(node: TypeNode): string {
	return fingerprintOf(node);
}

function fingerprintOf(value: object): string {
	const cached = fingerprints.get(value);
	if (cached !== undefined) return cached;
	let text = Array.isArray(value) ? '[' : '{';
	const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
	for (const [key, child] of entries) {
		const part =
			typeof child === 'object' && child !== null
				? fingerprintOf(child)
				: (JSON.stringify(child) ?? 'u');
		text += `${JSON.stringify(key)}:${part},`;
	}
	const digest = hash32(text, 0x811c9dc5) + hash32(text, 0x01000193);
	fingerprints.set(value, digest);
	return digest;
}

/** 32-bit FNV-1a from a seed, as 8 hex digits. */
function hash32(text: string, seed: number): string {
	let hash = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}
