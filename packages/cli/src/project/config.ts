/** Severity a project may give a check rule, or `off` to silence it. */
export type RuleSetting = 'error' | 'warning' | 'info' | 'off';

/** `charter.config.ts`: where a project's contracts, handlers and outputs are. */
export interface CharterConfig {
	/** Globs, relative to the config file, of modules that export contracts. */
	readonly contracts: readonly string[];
	/** Module exporting the handler bindings (and example fixtures), relative to the config file. */
	readonly handlers?: string;
	/** Folder for generated artifacts (OpenAPI, SDL, client, docs); `generated` by default. */
	readonly outDir?: string;
	/** Snapshot file; `contracts.lock.json` by default. */
	readonly lockfile?: string;
	/** Per-rule severity overrides for `charter check`, by rule id. */
	readonly rules?: Readonly<Record<string, RuleSetting>>;
	/** Title shown in the docs site and the OpenAPI document. */
	readonly title?: string;
}

/** Config values with their defaults applied. */
export interface ResolvedConfig extends CharterConfig {
	readonly outDir: string;
	readonly lockfile: string;
}

/**
 * Declares a project's configuration with type checking.
 *
 * @example
 * export default defineConfig({ contracts: ['src/** /*.operations.ts'], handlers: 'src/handlers.ts' });
 */
export function defineConfig(config: CharterConfig): CharterConfig {
	return config;
}

export const CONFIG_FILES = [
	'charter.config.ts',
	'charter.config.mts',
	'charter.config.js',
	'charter.config.mjs',
];

export function withDefaults(config: CharterConfig): ResolvedConfig {
	return {
		...config,
		outDir: config.outDir ?? 'generated',
		lockfile: config.lockfile ?? 'contracts.lock.json',
	};
}
