import { renderCodeowners } from '@charter/governance';
import type { Project } from '../project/load-project.ts';
import { pathFromRepository } from '../project/repository-root.ts';
import type { Generator } from './generator-table.ts';

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
					prefix: pathFromRepository(project.root),
				}),
			],
		]),
};
