import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureTypeScriptLoader } from './typescript-loader.ts';

/**
 * A project compiled by `charter build`: its config, contract modules and handlers module,
 * already imported from the bundle, by path relative to the project root.
 */
export interface BuiltProject {
	/** The project folder (where the config was), absolute. */
	readonly root: string;
	/** The config file, relative to the root (`charter.config.ts`). */
	readonly configFile: string;
	/** The contract modules, relative to the root, in the order `charter build` found them. */
	readonly contracts: readonly string[];
	/** Every module of the build by path relative to the root: config, contracts, handlers. */
	readonly modules: Readonly<Record<string, Record<string, unknown>>>;
}

let built: BuiltProject | undefined;

/**
 * Makes the commands of this process load the project from a build instead of its
 * TypeScript files: no compiler at start, and the sources need not be deployed.
 */
export function useBuiltProject(project: BuiltProject): void {
	built = project;
}

/** The build this process runs from, if any. */
export function builtProject(): BuiltProject | undefined {
	return built;
}

/** Imports a module of the project: from the build when there is one, from disk otherwise. */
export async function importProjectModule(file: string): Promise<Record<string, unknown>> {
	if (!built) {
		await ensureTypeScriptLoader();
		return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
	}
	const key = relative(built.root, resolve(file)).split(sep).join('/');
	const found = built.modules[key];
	if (!found) throw new Error(`${key} is not in the build: run \`charter build\` again`);
	return found;
}

/** True when this process runs from a build that holds the module. */
export function isBuiltModule(file: string): boolean {
	return (
		built !== undefined &&
		built.modules[relative(built.root, resolve(file)).split(sep).join('/')] !== undefined
	);
}
