import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { renderCodeowners } from '@charter/governance';
import type { Project } from '../project/load-project.ts';
import type { Generator } from './generator-table.ts';

/** The folder holding `.git` above (or at) the project root; the project root when there is none. */
function repositoryRoot(root: string): string {
	for (let dir = root; ; dir = dirname(dir)) {
		if (existsSync(join(dir, '.git'))) return dir;
		if (dirname(dir) === dir) return root;
	}
}

/**
 * `.github/CODEOWNERS` in the project: each contract file with the owners its contracts name.
 * Paths start at the repository root, as GitHub reads them; in a monorepo, the project's lines
 * belong in the repository's own CODEOWNERS.
 */
export const codeownersGenerator: Generator = {
	name: 'codeowners',
	summary: '.github/CODEOWNERS, each contract file with the owners its contracts name',
	folder: () => '.github',
	files: (project: Project) =>
		new Map([
			[
				'.github/CODEOWNERS',
				renderCodeowners(project.registry.all(), {
					prefix: relative(repositoryRoot(project.root), project.root).replaceAll('\\', '/'),
				}),
			],
		]),
};
