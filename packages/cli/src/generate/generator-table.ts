import { createSnapshot, serializeSnapshot } from '@charter/spec';
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

/**
 * Every generator whose output `charter generate --check` and `charter ci` compare with the
 * disk. To add one (OpenAPI, SDL, client), add an entry: a name and a `files(project)`
 * giving paths relative to the project root (the docs site's `buildProjectSite` fits, mapped
 * under `<outDir>/docs`).
 */
export const generators: readonly Generator[] = [lockfileGenerator];
