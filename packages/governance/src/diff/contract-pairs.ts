import { compareSemver, majorOf, type Snapshot, type SnapshotContract } from '@charter/spec';
import { sameSpec } from './same-spec.ts';

/** A contract in the base and/or in the current snapshot. */
export interface ContractPair {
	readonly kind: string;
	readonly key: string;
	readonly before?: SnapshotContract;
	readonly after?: SnapshotContract;
	/**
	 * Both sides have the same spec as the lockfile writes it ({@link sameSpec}): the diff and the
	 * version policy have nothing to find and skip the pair.
	 */
	readonly unchanged?: true;
}

/**
 * Pairs the contracts of two snapshots: the same kind, key and version first; then, per key,
 * the leftover versions (an edited contract whose version moved), same major first.
 */
export function pairContracts(base: Snapshot, current: Snapshot): ContractPair[] {
	const groups = new Map<string, { before: SnapshotContract[]; after: SnapshotContract[] }>();
	const group = (c: SnapshotContract) => {
		const id = `${c.kind}:${c.key}`;
		let g = groups.get(id);
		if (!g) {
			g = { before: [], after: [] };
			groups.set(id, g);
		}
		return g;
	};
	for (const c of base.contracts) group(c).before.push(c);
	for (const c of current.contracts) group(c).after.push(c);
	const pairs: ContractPair[] = [];
	for (const { before, after } of groups.values()) {
		const left = [...after].sort((x, y) => compareSemver(x.version, y.version));
		const unmatched: SnapshotContract[] = [];
		for (const b of [...before].sort((x, y) => compareSemver(x.version, y.version))) {
			const index = left.findIndex((a) => a.version === b.version);
			if (index >= 0) pairs.push(pair(b, left.splice(index, 1)[0]));
			else unmatched.push(b);
		}
		const rest: SnapshotContract[] = [];
		for (const b of unmatched) {
			const index = left.findIndex((a) => majorOf(a.version) === majorOf(b.version));
			if (index >= 0) pairs.push(pair(b, left.splice(index, 1)[0]));
			else rest.push(b);
		}
		for (const b of rest) pairs.push(pair(b, left.shift()));
		for (const a of left) pairs.push(pair(undefined, a));
	}
	return pairs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function pair(before?: SnapshotContract, after?: SnapshotContract): ContractPair {
	const any = (after ?? before)!;
	return {
		kind: any.kind,
		key: any.key,
		...(before ? { before } : {}),
		...(after ? { after } : {}),
		...(before && after && sameSpec(before.spec, after.spec) ? { unchanged: true as const } : {}),
	};
}
