import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A generated file that differs from what the contracts produce now. */
export interface DriftEntry {
	/** Path relative to the project root. */
	readonly path: string;
	/** `missing`: not on disk; `changed`: on disk with other content. */
	readonly status: 'missing' | 'changed';
	/** First differing line (1-based), for a `changed` file. */
	readonly line?: number;
}

/** The result of a drift check. */
export interface DriftResult {
	readonly checked: number;
	readonly drifted: readonly DriftEntry[];
}

/**
 * Compares regenerated artifacts (path relative to `root` -> expected content) with the
 * files on disk, byte for byte. Writes nothing.
 *
 * @example
 * const { drifted } = checkDrift(new Map([['contracts.lock.json', text]]), project.root);
 */
export function checkDrift(artifacts: ReadonlyMap<string, string>, root: string): DriftResult {
	const drifted: DriftEntry[] = [];
	for (const [path, expected] of [...artifacts].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const file = resolve(root, path);
		if (!existsSync(file)) {
			drifted.push({ path, status: 'missing' });
			continue;
		}
		const actual = readFileSync(file, 'utf8');
		if (actual !== expected)
			drifted.push({ path, status: 'changed', line: firstDifference(actual, expected) });
	}
	return { checked: artifacts.size, drifted };
}

function firstDifference(a: string, b: string): number {
	const x = a.split('\n');
	const y = b.split('\n');
	for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
	return 1;
}
