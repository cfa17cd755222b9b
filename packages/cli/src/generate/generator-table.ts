import { relative, resolve } from 'node:path';
import { createSnapshot, serializeSnapshot } from '@charter/spec';
import { buildProjectSite } from '../commands/generate-docs.ts';
import type { Project } from '../project/load-project.ts';

/** One generator: the files it would write, path relative to the project root -> content. */
export interface Generator {
	readonly name: string;
	files(project: Project): Map<string, string> | Promise<Map<string, string>>;
}

/** The lockfile: the snapshot of every contract. */
const lockfileGenerator: Generator = {
	name: 'lockfile',
	files: (project) =>
		new Map([[project.config.lockfile, serializeSnapshot(createSnapshot(project.registry))]]),
};

/** The docs site under `<outDir>/docs`. */
const docsGenerator: Generator = {
	name: 'docs',
	files(project) {
		const dir = resolve(project.root, project.config.outDir, 'docs');
		const files = new Map<string, string>();
		for (const [path, content] of buildProjectSite(project)) {
			files.set(relative(project.root, resolve(dir, path)).split('\\').join('/'), content);
		}
		return files;
	},
};

/**
 * Every generator whose output `charter generate --check` and `charter ci` compare with the
 * disk. To add one (OpenAPI, SDL, client), add an entry: a name and a `files(project)`.
 */
export const generators: readonly Generator[] = [lockfileGenerator, docsGenerator];
