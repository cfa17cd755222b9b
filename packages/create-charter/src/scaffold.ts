import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mergeGitignore } from './gitignore.ts';
import { isModulePackage, ManifestError, mergeManifest } from './manifest.ts';
import {
	type ModuleKind,
	type ProjectOptions,
	projectFiles,
	projectManifest,
} from './project-files.ts';

export interface ScaffoldOptions {
	/** The version of Charter's packages to depend on. */
	readonly charterVersion: string;
	/** Overwrite the project's own files that differ from the template, without asking. */
	readonly force?: boolean;
	/**
	 * Asked for each existing file that differs from the template (without `force`): true
	 * overwrites it, false keeps it. Without it, such files stop the scaffold before anything
	 * is written.
	 */
	readonly ask?: (path: string) => Promise<boolean>;
}

/** What a scaffold did, file by file (paths relative to the project folder). */
export interface ScaffoldResult {
	readonly dir: string;
	readonly moduleKind: ModuleKind;
	/** Files that did not exist. */
	readonly created: readonly string[];
	/** package.json and .gitignore when something was added to them. */
	readonly updated: readonly string[];
	/** Existing files replaced (with `force`, or when the answer was yes). */
	readonly overwritten: readonly string[];
	/** Existing files left as they were because the answer was no. */
	readonly kept: readonly string[];
	/** What was added to package.json (`scripts.start`, `dependencies.@charter/cli`). */
	readonly manifestAdded: readonly string[];
	/** Script names already taken, whose Charter command went to `charter:<name>`. */
	readonly renamedScripts: readonly string[];
}

/** Why nothing was written; `code` is the error code the CLI prints. */
export class ScaffoldError extends Error {
	override readonly name = 'ScaffoldError';
	constructor(
		message: string,
		readonly code: 'CHARTER_INIT_EXISTS' | 'CHARTER_INIT_NOT_DIR' | 'CHARTER_INIT_PACKAGE_JSON',
	) {
		super(message);
	}
}

/**
 * Makes `dir` a Charter project: a new folder gets a whole project; a folder with a
 * package.json keeps it and gets Charter's dependencies and scripts added (a package without
 * "type": "module" gets `.mts` files, so they load as ES modules). A file of the project that
 * differs from the template is overwritten only with `force` or a yes from `ask`.
 */
export async function scaffold(dir: string, options: ScaffoldOptions): Promise<ScaffoldResult> {
	if (existsSync(dir) && !statSync(dir).isDirectory())
		throw new ScaffoldError(`${dir} exists and is not a folder`, 'CHARTER_INIT_NOT_DIR');
	const read = (path: string) =>
		existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : undefined;
	const existingManifest = read('package.json');
	let project: ProjectOptions;
	let manifest: ReturnType<typeof mergeManifest>;
	try {
		const moduleKind: ModuleKind = isModulePackage(existingManifest) ? 'module' : 'commonjs';
		project = {
			name: packageName(basename(dir)),
			charterVersion: options.charterVersion,
			moduleKind,
		};
		manifest = mergeManifest(existingManifest, project.name, projectManifest(project));
	} catch (error) {
		if (!(error instanceof ManifestError)) throw error;
		throw new ScaffoldError(
			`${join(dir, 'package.json')}: ${error.message}`,
			'CHARTER_INIT_PACKAGE_JSON',
		);
	}

	const merged = [
		{ path: 'package.json', text: manifest.text },
		{ path: '.gitignore', text: mergeGitignore(read('.gitignore')) },
	];
	const own = projectFiles(project).filter((file) => read(file.path) !== file.text);
	const taken = own.filter((file) => read(file.path) !== undefined).map((file) => file.path);
	const overwritten: string[] = [];
	const kept: string[] = [];
	if (taken.length > 0 && !options.force && !options.ask) {
		throw new ScaffoldError(
			`${dir} already has ${taken.join(', ')}; nothing was written (use --force to overwrite)`,
			'CHARTER_INIT_EXISTS',
		);
	}
	for (const path of taken) {
		if (options.force || (await options.ask!(path))) overwritten.push(path);
		else kept.push(path);
	}

	const created: string[] = [];
	const updated: string[] = [];
	for (const file of [...merged, ...own]) {
		const before = read(file.path);
		if (before === file.text || kept.includes(file.path)) continue;
		if (before === undefined) created.push(file.path);
		else if (!overwritten.includes(file.path)) updated.push(file.path);
		mkdirSync(dirname(join(dir, file.path)), { recursive: true });
		writeFileSync(join(dir, file.path), file.text);
	}
	return {
		dir,
		moduleKind: project.moduleKind,
		created,
		updated,
		overwritten,
		kept,
		manifestAdded: manifest.added,
		renamedScripts: manifest.renamed,
	};
}

/** Turns a folder name into a valid npm package name. */
export function packageName(folder: string): string {
	const name = folder
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[._-]+|-+$/g, '');
	return name || 'charter-project';
}
