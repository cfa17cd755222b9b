import type { Snapshot, SnapshotContract } from '@charter/spec';

/** How a lockfile on disk differs from the snapshot of the current contracts. */
export interface SnapshotChanges {
	/** `kind:key@version` of contracts in the project but not in the lockfile. */
	readonly added: readonly string[];
	/** In the lockfile but no longer in the project. */
	readonly removed: readonly string[];
	/** In both, with a different IR, schemas or source file. */
	readonly changed: readonly string[];
}

const idOf = (c: SnapshotContract) => `${c.kind}:${c.key}@${c.version}`;

/** Compares two snapshots contract by contract; ids come out sorted. */
export function compareSnapshots(onDisk: Snapshot, current: Snapshot): SnapshotChanges {
	const before = new Map(onDisk.contracts.map((c) => [idOf(c), JSON.stringify(c)]));
	const after = new Map(current.contracts.map((c) => [idOf(c), JSON.stringify(c)]));
	const sorted = (ids: Iterable<string>) => [...ids].sort();
	return {
		added: sorted([...after.keys()].filter((id) => !before.has(id))),
		removed: sorted([...before.keys()].filter((id) => !after.has(id))),
		changed: sorted(
			[...after.entries()]
				.filter(([id, text]) => before.has(id) && before.get(id) !== text)
				.map(([id]) => id),
		),
	};
}

/** Tells whether a comparison found no contract-level difference. */
export function isUnchanged(changes: SnapshotChanges): boolean {
	return changes.added.length + changes.removed.length + changes.changed.length === 0;
}
