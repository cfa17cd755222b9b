import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
	ContractRegistry,
	type ContractSpec,
	checkReferences,
	isEventSpec,
	isOperationSpec,
} from '@charter/spec';
import { glob } from 'tinyglobby';
import { UsageError } from '../command.ts';
import { builtProject, importProjectModule, isBuiltModule } from './built-project.ts';
import { importBundled, importBundledConfig } from './bundle-modules.ts';
import {
	type CharterConfig,
	CONFIG_FILES,
	GENERATED_ARTIFACTS,
	parseUnimplemented,
	type ResolvedConfig,
	withDefaults,
} from './config.ts';

/** A problem found while loading a project: which file, which contract, which field, what. */
export interface LoadDiagnostic {
	readonly severity: 'error' | 'warning';
	readonly code: string;
	/** Path relative to the project root. */
	readonly file?: string;
	readonly key?: string;
	readonly field?: string;
	readonly message: string;
	/** Where a module threw (`src/x.ts:12:7`, relative to the root), when the stack says. */
	readonly location?: string;
}

/** How to load contract modules. */
export interface LoadOptions {
	/**
	 * Bundle the contract modules into one module first (much faster for large projects). The
	 * contracts are then copies: use it only when no handlers module will import the same
	 * contracts (serve, test and mcp load without it).
	 */
	readonly bundle?: boolean;
}

/** A loaded project: its config, the registry of every contract found, and what went wrong. */
export interface Project {
	readonly root: string;
	readonly configFile: string;
	readonly config: ResolvedConfig;
	readonly registry: ContractRegistry;
	/** Contract modules that were found, relative to the root, sorted. */
	readonly files: readonly string[];
	/** Modules among `files` that threw while being imported (their contracts are missing). */
	readonly failedFiles: readonly string[];
	readonly diagnostics: readonly LoadDiagnostic[];
}

/** Finds `charter.config.*` in `cwd` or the nearest parent; throws a UsageError when there is none. */
export function findConfigFile(cwd: string): string {
	const built = builtProject();
	if (built) return join(built.root, built.configFile);
	let dir = resolve(cwd);
	for (;;) {
		for (const name of CONFIG_FILES) {
			const candidate = join(dir, name);
			if (existsSync(candidate)) return candidate;
		}
		const parent = dirname(dir);
		if (parent === dir) {
			throw new UsageError(
				`no charter.config.ts in ${resolve(cwd)} or its parents: run \`charter init\` to create a project`,
				'CHARTER_NO_CONFIG',
			);
		}
		dir = parent;
	}
}

/** {@link findConfigFile}, or `undefined` when neither `cwd` nor a parent has a config. */
export function findConfigFileOrNone(cwd: string): string | undefined {
	try {
		return findConfigFile(cwd);
	} catch (error) {
		if (error instanceof UsageError) return undefined;
		throw error;
	}
}

/** Imports the config module and checks its shape. */
export async function loadConfig(configFile: string): Promise<ResolvedConfig> {
	let loaded: unknown;
	try {
		// Compiled and cached (no TypeScript loader on a hit); imported as it is when that fails.
		const bundled = builtProject()
			? undefined
			: await importBundledConfig(dirname(configFile), configFile);
		loaded = (bundled ?? (await importProjectModule(configFile))).default;
	} catch (error) {
		throw new UsageError(
			`${configFile} failed to load: ${(error as Error).message}`,
			'CHARTER_CONFIG_LOAD',
		);
	}
	const config = loaded as CharterConfig | undefined;
	if (typeof config !== 'object' || config === null || !Array.isArray(config.contracts)) {
		throw new UsageError(
			`${configFile}: the default export must be a config with a \`contracts\` list of globs (use defineConfig)`,
			'CHARTER_CONFIG_INVALID',
		);
	}
	if (config.unimplemented !== undefined && !parseUnimplemented(config.unimplemented)) {
		throw new UsageError(
			`${configFile}: unimplemented is ${JSON.stringify(config.unimplemented)}; use 'fail' or '501'`,
			'CHARTER_CONFIG_INVALID',
		);
	}
	const unknown = (config.committed ?? []).filter(
		(name) => !(GENERATED_ARTIFACTS as readonly string[]).includes(name),
	);
	if (!Array.isArray(config.committed ?? []) || unknown.length > 0) {
		throw new UsageError(
			`${configFile}: \`committed\` lists generated artifacts by name (${GENERATED_ARTIFACTS.join(', ')}); unknown: ${unknown.join(', ') || String(config.committed)}`,
			'CHARTER_CONFIG_INVALID',
		);
	}
	return withDefaults(config);
}

/**
 * Loads a project: finds its config, imports every contract module (TypeScript, no build
 * step) and registers each exported contract with its source file. A module that fails is
 * reported and the others still load.
 */
export async function loadProject(
	cwd: string,
	configPath?: string,
	options: LoadOptions = {},
): Promise<Project> {
	const configFile = configPath ? resolve(cwd, configPath) : findConfigFile(cwd);
	if (!existsSync(configFile) && !isBuiltModule(configFile))
		throw new UsageError(`config file ${configFile} does not exist`, 'CHARTER_NO_CONFIG');
	const root = dirname(configFile);
	const config = await loadConfig(configFile);
	const files =
		builtProject()?.contracts ??
		(await glob([...config.contracts], { cwd: root, ignore: ['**/node_modules/**'] }))
			.map((file) => file.split(sep).join('/'))
			.sort();
	const { registry, diagnostics, failedFiles } = await loadModules(root, files, options);
	for (const issue of checkReferences(registry)) {
		const { code, ...rest } = issue;
		diagnostics.push({
			...rest,
			severity: 'error',
			code: `CHARTER_${code.toUpperCase().replaceAll('-', '_')}`,
		});
	}
	return { root, configFile, config, registry, files, failedFiles, diagnostics };
}

/**
 * Imports contract modules (paths relative to `root`) into a new registry, in the given order.
 * A module that throws, or a contract that cannot be registered, becomes a diagnostic.
 */
export async function loadModules(
	root: string,
	files: readonly string[],
	options: LoadOptions = {},
): Promise<{ registry: ContractRegistry; diagnostics: LoadDiagnostic[]; failedFiles: string[] }> {
	const registry = new ContractRegistry();
	const diagnostics: LoadDiagnostic[] = [];
	const failedFiles: string[] = [];
	const bundled =
		options.bundle && files.length > 1 && !builtProject()
			? await importBundled(root, files)
			: undefined;
	if (bundled) {
		for (const [file, exports] of bundled)
			registerExports(file, exports, registry, diagnostics, root);
		return { registry, diagnostics, failedFiles };
	}
	for (const file of files) {
		if (!(await loadModule(root, file, registry, diagnostics))) failedFiles.push(file);
	}
	return { registry, diagnostics, failedFiles };
}

async function loadModule(
	root: string,
	file: string,
	registry: ContractRegistry,
	diagnostics: LoadDiagnostic[],
): Promise<boolean> {
	let exports: Record<string, unknown>;
	try {
		exports = await importProjectModule(join(root, file));
	} catch (error) {
		diagnostics.push(describeLoadError(root, file, error));
		return false;
	}
	registerExports(file, exports, registry, diagnostics, root);
	return true;
}

function registerExports(
	file: string,
	exports: Record<string, unknown>,
	registry: ContractRegistry,
	diagnostics: LoadDiagnostic[],
	root: string,
): void {
	for (const [exportName, value] of Object.entries(exports)) {
		if (!isContract(value)) continue;
		try {
			registry.register(value, { file, exportName });
		} catch (error) {
			diagnostics.push(describeLoadError(root, file, error));
		}
	}
}

function isContract(value: unknown): value is ContractSpec {
	return (
		isOperationSpec(value) ||
		isEventSpec(value) ||
		(value as { kind?: unknown } | null)?.kind === 'feature'
	);
}

function describeLoadError(root: string, file: string, error: unknown): LoadDiagnostic {
	const e = error as {
		code?: unknown;
		key?: unknown;
		field?: unknown;
		reason?: unknown;
		message?: unknown;
	};
	const code =
		typeof e?.code === 'string' && e.code.startsWith('CHARTER_') ? e.code : 'CHARTER_MODULE_LOAD';
	const message = error instanceof Error ? error.message : String(error);
	// A contract error's message repeats key and field, which the diagnostic already carries.
	const reason = typeof e?.reason === 'string' ? e.reason : message;
	const location = code === 'CHARTER_MODULE_LOAD' ? throwSite(root, error) : undefined;
	return {
		severity: 'error',
		code,
		file,
		...(typeof e?.key === 'string' ? { key: e.key } : {}),
		...(typeof e?.field === 'string' ? { field: e.field } : {}),
		message: code === 'CHARTER_MODULE_LOAD' ? `module failed to load: ${reason}` : reason,
		...(location ? { location } : {}),
	};
}

/** Finds the innermost stack frame in the project's own files (not node_modules). */
function throwSite(root: string, error: unknown): string | undefined {
	const stack = (error as { stack?: unknown } | null)?.stack;
	if (typeof stack !== 'string') return undefined;
	for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^():\s]+):(\d+):(\d+)\)?/g)) {
		const path = match[1]!.replace(/^file:\/\//, '');
		if (path.includes('/node_modules/') || !path.startsWith(`${resolve(root)}${sep}`)) continue;
		return `${relativeToRoot(root, path)}:${match[2]}:${match[3]}`;
	}
	return undefined;
}

/** Gives a path relative to the project root, with forward slashes. */
export function relativeToRoot(root: string, path: string): string {
	return relative(root, path).split(sep).join('/');
}
