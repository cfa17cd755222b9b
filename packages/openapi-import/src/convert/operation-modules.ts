// Which file each operation goes to: one per tag (or first path segment), and a large group split
// by resource so that no operations file grows past a readable size.
import { keySegment } from './naming.ts';
import type { OperationEntry } from './operation-scope.ts';

/** A group with more operations than this is split into one file per resource. */
export const SPLIT_OVER = 30;

/** Where an operation goes: its group (tag or first path segment) and its module. */
export interface OperationPlace {
	readonly group: string;
	/** `<group>/<group>.operations`, or `<group>/<resource>.operations` in a split group. */
	readonly module: string;
}

/** The group of an operation: its first tag, else the first literal segment of its path. */
export function groupOf(entry: Pick<OperationEntry, 'op' | 'path'>): string {
	const tags = Array.isArray(entry.op.tags)
		? entry.op.tags.filter((t): t is string => typeof t === 'string')
		: [];
	const firstSegment = entry.path.split('/').find((s) => s && !s.startsWith('{')) ?? 'root';
	return keySegment(tags[0] ?? firstSegment);
}

/**
 * Places every operation. A group of more than {@link SPLIT_OVER} operations is split by
 * resource: the first literal path segment other than the group's own name
 * (`/repos/{owner}/{repo}/pulls/{n}` in `repos` -> `repos/pulls.operations`); a resource still
 * too large is split again by its next literal segment (`repos/actions-runners.operations`).
 * Operations with no such segment stay in `<group>/<group>.operations`.
 */
export function placeOperations(
	entries: readonly Pick<OperationEntry, 'op' | 'path'>[],
): OperationPlace[] {
	const groups = new Map<string, number[]>();
	const groupNames = entries.map(groupOf);
	groupNames.forEach((group, i) => {
		const members = groups.get(group);
		if (members) members.push(i);
		else groups.set(group, [i]);
	});
	const modules: string[] = groupNames.map((group) => `${group}/${group}.operations`);
	for (const [group, members] of groups) {
		if (members.length <= SPLIT_OVER) continue;
		const literals = members.map((i) =>
			entries[i]!.path.split('/')
				.filter((s) => s && !s.includes('{'))
				.map(keySegment)
				.filter((s) => s !== group),
		);
		const split = (indexes: number[], depth: number): void => {
			const buckets = new Map<string, number[]>();
			for (const k of indexes) {
				const segment = literals[k]![depth] ?? '';
				const bucket = buckets.get(segment);
				if (bucket) bucket.push(k);
				else buckets.set(segment, [k]);
			}
			for (const [segment, bucket] of buckets) {
				const name = segment === '' ? literals[bucket[0]!]!.slice(0, depth).join('-') : '';
				if (segment !== '' && bucket.length > SPLIT_OVER) {
					split(bucket, depth + 1);
					continue;
				}
				for (const k of bucket) {
					const resource = segment === '' ? name : literals[k]!.slice(0, depth + 1).join('-');
					modules[members[k]!] = `${group}/${resource || group}.operations`;
				}
			}
		};
		split(
			members.map((_, k) => k),
			0,
		);
	}
	return groupNames.map((group, i) => ({ group, module: modules[i]! }));
}
