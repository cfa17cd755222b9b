import { generateSdl } from '@charter/graphql';
import { generateClientSdk, toOpenApi } from '@charter/rest';
import { createSnapshot, serializeSnapshot } from '@charter/spec';
import type { Project } from '../project/load-project.ts';
import { codeownersGenerator } from './codeowners-generator.ts';
import { buildProjectSite } from './project-site.ts';

/** One generator: the files it would write, path relative to the project root -> content. */
export interface Generator {
	readonly name: string;
	/** What it writes, for `charter generate --help`. */
	readonly summary: string;
	/** The folder its files go to, relative to the project root (what `--out` replaces). */
	folder(project: Project): string;
	files(project: Project): Map<string, string> | Promise<Map<string, string>>;
}

const single = (
	name: string,
	summary: string,
	file: string,
	render: (project: Project) => string,
): Generator => ({
	name,
	summary,
	folder: (project) => project.config.outDir,
	files: (project) => new Map([[`${project.config.outDir}/${file}`, render(project)]]),
});

/** The lockfile: the snapshot of every contract (written by `charter snapshot`). */
const lockfileGenerator: Generator = {
	name: 'lockfile',
	summary: 'contracts.lock.json, the snapshot of every contract (also `charter snapshot`)',
	folder: () => '.',
	files: (project) =>
		new Map([[project.config.lockfile, serializeSnapshot(createSnapshot(project.registry))]]),
};

const docsGenerator: Generator = {
	name: 'docs',
	summary:
		'the static docs site: guides, a page per operation, event and model, search, Markdown twins, llms.txt',
	folder: (project) => `${project.config.outDir}/docs`,
	files: async (project) =>
		new Map(
			[...(await buildProjectSite(project))].map(([path, content]) => [
				`${project.config.outDir}/docs/${path}`,
				content,
			]),
		),
};

/**
 * Every generator: `charter generate <name>` writes one, `charter generate --check` and
 * `charter ci` compare all of them with the disk. To add one, add an entry.
 */
export const generators: readonly Generator[] = [
	lockfileGenerator,
	single(
		'openapi',
		'openapi.json, the OpenAPI 3.1 document the REST server serves',
		'openapi.json',
		(project) =>
			`${JSON.stringify(toOpenApi(project.registry, { title: project.config.title ?? 'Charter API' }), null, 2)}\n`,
	),
	single('graphql', 'schema.graphql, the GraphQL SDL', 'schema.graphql', (project) =>
		generateSdl(project.registry),
	),
	single(
		'client',
		'client.ts, a standalone typed TypeScript SDK of the REST API',
		'client.ts',
		(project) => generateClientSdk(project.registry),
	),
	docsGenerator,
	codeownersGenerator,
];
