import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The folder holding `.git` at or above `root`; `root` itself when there is none. */
export function repositoryRoot(root: string): string {
	for (let dir = root; ; dir = dirname(dir)) {
		if (existsSync(join(dir, '.git'))) return dir;
		if (dirname(dir) === dir) return root;
	}
}

/** The path from the repository root to `root`, with forward slashes (`''` when they are one). */
export function pathFromRepository(root: string): string {
	return relative(repositoryRoot(root), root).replaceAll('\\', '/');
}
