import type { ManifestAdditions } from './project-files.ts';

/** package.json after adding what a Charter project needs, and what changed. */
export interface MergedManifest {
	readonly text: string;
	/** What was added, as `section.key` (`scripts.start`, `dependencies.@charter/cli`). */
	readonly added: readonly string[];
	/**
	 * Scripts whose name the project already used for something else: Charter's goes under
	 * `charter:<name>` instead (`start` → `charter:start`).
	 */
	readonly renamed: readonly string[];
}

type Manifest = Record<string, unknown>;
type Section = Record<string, unknown>;

/**
 * Adds a Charter project's scripts and dependencies to a package.json (or writes a new one
 * when `existing` is undefined). Nothing already there changes: a dependency the project has
 * keeps its range, and a script name already taken gets Charter's command as `charter:<name>`.
 * The file keeps its indentation and key order; additions go at the end of each section.
 */
export function mergeManifest(
	existing: string | undefined,
	name: string,
	additions: ManifestAdditions,
): MergedManifest {
	const manifest: Manifest =
		existing === undefined
			? { name, version: '0.1.0', private: true, type: 'module' }
			: parseManifest(existing);
	const added: string[] = [];
	const renamed: string[] = [];
	const scripts = section(manifest, 'scripts');
	for (const [script, command] of Object.entries(additions.scripts)) {
		if (scripts[script] === command) continue;
		const free = scripts[script] === undefined ? script : `charter:${script}`;
		if (free !== script) renamed.push(script);
		if (scripts[free] === undefined) {
			scripts[free] = command;
			added.push(`scripts.${free}`);
		}
	}
	const installed = (dep: string) =>
		['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some(
			(field) => (manifest[field] as Section | undefined)?.[dep] !== undefined,
		);
	for (const field of ['dependencies', 'devDependencies'] as const) {
		for (const [dep, range] of Object.entries(additions[field])) {
			if (installed(dep)) continue;
			section(manifest, field)[dep] = range;
			added.push(`${field}.${dep}`);
		}
	}
	const allowScripts = section(manifest, 'allowScripts');
	for (const [dep, allowed] of Object.entries(additions.allowScripts)) {
		if (allowScripts[dep] !== undefined) continue;
		allowScripts[dep] = allowed;
		added.push(`allowScripts.${dep}`);
	}
	const indent = existing === undefined ? '\t' : (/^[{[]\r?\n([ \t]+)/.exec(existing)?.[1] ?? '\t');
	return { text: `${JSON.stringify(manifest, null, indent)}\n`, added, renamed };
}

/** The module kind a package.json gives its `.ts` files: ESM only with "type": "module". */
export function isModulePackage(manifest: string | undefined): boolean {
	return manifest === undefined || parseManifest(manifest).type === 'module';
}

/** A package.json that cannot be read as a JSON object. */
export class ManifestError extends Error {
	override readonly name = 'ManifestError';
}

function parseManifest(text: string): Manifest {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new ManifestError(`package.json is not valid JSON: ${(error as Error).message}`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
		throw new ManifestError('package.json is not a JSON object');
	return parsed as Manifest;
}

function section(manifest: Manifest, field: string): Section {
	const value = manifest[field];
	if (value === undefined) {
		const created: Section = {};
		manifest[field] = created;
		return created;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new ManifestError(`package.json: "${field}" is not an object`);
	return value as Section;
}
