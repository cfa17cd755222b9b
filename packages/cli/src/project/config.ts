import type { Surface, Waiver } from '@charter/governance';
import type { RateLimits } from '@charter/runtime';
import type { ServerConfig } from '../host/server-settings.ts';

/** Severity a project may give a check rule, or `off` to silence it. */
export type RuleSetting = 'error' | 'warning' | 'info' | 'off';

/** The artifacts `charter generate` writes, by generator name. */
export const GENERATED_ARTIFACTS = ['openapi', 'graphql', 'client', 'docs', 'codeowners'] as const;
export type GeneratedArtifact = (typeof GENERATED_ARTIFACTS)[number];

/** What a project commits by default: the small files reviewers and API consumers read. */
export const DEFAULT_COMMITTED: readonly GeneratedArtifact[] = ['openapi', 'graphql'];

/** `charter.config.ts`: where a project's contracts, handlers and outputs are. */
export interface CharterConfig {
	/** Globs, relative to the config file, of modules that export contracts. */
	readonly contracts: readonly string[];
	/** Module exporting the handler bindings (and example fixtures), relative to the config file. */
	readonly handlers?: string;
	/** Folder for generated artifacts (OpenAPI, SDL, client, docs); `generated` by default. */
	readonly outDir?: string;
	/**
	 * Generated artifacts the project keeps in git: only these are compared with the disk by
	 * `charter generate --check` and `charter ci`. `['openapi', 'graphql']` by default.
	 */
	readonly committed?: readonly GeneratedArtifact[];
	/** Snapshot file; `contracts.lock.json` by default. */
	readonly lockfile?: string;
	/** Per-rule severity overrides for `charter check`, by rule id. */
	readonly rules?: Readonly<Record<string, RuleSetting>>;
	/** Title shown in the docs site and the OpenAPI document. */
	readonly title?: string;
	/** Folder of Markdown guides with their `guides.json`, relative to the config file. */
	readonly guides?: string;
	/**
	 * What `serve` and `mcp` do with an operation that has no handler: `'fail'` refuses to
	 * start (`CHARTER_MISSING_HANDLER`), `'501'` answers every call with a 501 problem.
	 */
	readonly unimplemented?: UnimplementedMode;
	/** Governance settings for `charter diff` and `charter ci`. */
	readonly governance?: GovernanceConfig;
	/**
	 * Settings of `charter serve` (host, port, db, bus, logLevel, corsOrigins, bodyLimit,
	 * timeouts, allowedHosts, rateLimit, metrics, tracing, jwtIssuer...); flags and `CHARTER_*`
	 * variables override them.
	 */
	readonly server?: ServerConfig;
	/**
	 * Rate limits of `charter serve` (on by default: 1,200 calls a minute per client address,
	 * 600 per principal); `false` turns them off. `store: 'redis://host:6379'` shares the counts
	 * between nodes.
	 */
	readonly rateLimits?: RateLimitConfig | false;
}

/** Rate limits as the config states them: the runtime's rules, and the store by URL. */
export interface RateLimitConfig extends Omit<RateLimits, 'store'> {
	/** `memory` (this process, the default) or `redis://host:6379` (shared by every node). */
	readonly store?: string;
}

/** How operations without a handler are served: refused at start, or answered with 501. */
export type UnimplementedMode = 'fail' | '501';

/** Reads an `unimplemented` setting (config or `--unimplemented`); undefined when not one. */
export function parseUnimplemented(value: unknown): UnimplementedMode | undefined {
	return value === 'fail' || value === '501' || value === 501
		? (String(value) as UnimplementedMode)
		: undefined;
}

/** How `charter diff` and `charter ci` judge changes. */
export interface GovernanceConfig {
	/**
	 * The surfaces the project serves (`rest`, `openapi`, `graphql`, `mcp`, `events`, `sdk`);
	 * a change's severity is its worst verdict on these. Every surface by default.
	 */
	readonly surfaces?: readonly Surface[];
	/**
	 * Changes accepted on purpose: `{ change: 'key@version:ruleId:path', reason, approvedBy,
	 * expires: 'YYYY-MM-DD' }`. `charter.waivers.json` beside the config may list more.
	 */
	readonly waivers?: readonly Waiver[];
	/** The deprecation lifecycle: when `charter check` warns ahead of a sunset, and the shortest deprecation period. */
	readonly deprecation?: DeprecationPolicy;
}

/** How long a deprecated contract must stay served, and when `charter check` starts warning. */
export interface DeprecationPolicy {
	/** Days ahead of a sunset from which `charter check` warns; 30 by default. */
	readonly warnDays?: number;
	/** Fewest days between deprecating a contract and its sunset; 0 (no minimum) by default. */
	readonly minimumDays?: number;
}

/** How the configuration reference describes one option. */
export interface ConfigOptionDoc {
	readonly type: string;
	readonly description: string;
	readonly default?: string;
}

/**
 * Describes every option of `charter.config.ts`, for the generated configuration reference.
 * Typed by the keys of {@link CharterConfig}: an option added without its entry here fails to
 * compile, so the reference cannot fall behind.
 */
export const CONFIG_OPTIONS: { readonly [K in keyof Required<CharterConfig>]: ConfigOptionDoc } = {
	contracts: {
		type: 'string[]',
		description:
			'Globs, relative to the config file, of the modules that export contracts (operations, events, features).',
	},
	handlers: {
		type: 'string',
		description:
			'The module whose default export is `defineApp(...)`: handler bindings, deciders, fixtures, seed and dev tokens. Needed by `serve`, `test` and `mcp`.',
	},
	outDir: {
		type: 'string',
		description:
			'Folder that `charter generate` writes OpenAPI, SDL, the client and the docs site into.',
		default: '`generated`',
	},
	committed: {
		type: `("${GENERATED_ARTIFACTS.join('" | "')}")[]`,
		description:
			'The generated artifacts the project commits to git. `charter generate --check` and `charter ci` compare only these with the disk; the others are build output to ignore in git (a clean clone passes `charter ci` without them).',
		default: `\`${JSON.stringify(DEFAULT_COMMITTED).replaceAll(',', ', ')}\``,
	},
	lockfile: {
		type: 'string',
		description: 'The snapshot that `charter snapshot` writes and `charter diff` compares with.',
		default: '`contracts.lock.json`',
	},
	rules: {
		type: 'Record<string, "error" | "warning" | "info" | "off">',
		description: 'Severity overrides for `charter check`, by rule id.',
	},
	title: {
		type: 'string',
		description: 'Title of the docs site and of the OpenAPI document.',
		default: '`Contracts` (docs), `Charter API` (OpenAPI)',
	},
	governance: {
		type: '{ surfaces?: ("rest" | "openapi" | "graphql" | "mcp" | "events" | "sdk")[]; waivers?: { change, reason, approvedBy, expires }[]; deprecation?: { warnDays?: number; minimumDays?: number } }',
		description:
			'What `charter diff` and `charter ci` judge against. `surfaces`: the surfaces the project serves; each change has a verdict per surface (GraphQL\'s variable typing, REST\'s query-string coercion...), and its severity is the worst on the served ones. `waivers`: changes accepted on purpose, each with its id (`key@version:ruleId:path`), a reason, the approving owner and an expiry date; `charter.waivers.json` (`{ "waivers": [...] }`) beside the config may list more. An unexpired waiver keeps its change from failing `charter diff` and `charter ci`; an expired one is an error. `deprecation.warnDays` (30 by default): `charter check` warns this many days ahead of a sunset, and a contract still defined past its sunset is an error; `deprecation.minimumDays` (none by default): deprecating a contract with a sunset sooner than this, or removing one deprecated for less, is breaking.',
		default: 'every surface',
	},
	guides: {
		type: 'string',
		description:
			'Folder of Markdown guides, relative to the config file. Its `guides.json` lists the sections and pages in order; the docs site shows them in its sidebar before the reference.',
	},
	server: {
		type: '{ [setting]: value }',
		description:
			'Settings of `charter serve`: listen address, stores, timeouts, limits, hosts and origins, metrics, tracing and where tokens come from (the table under Server settings lists them all). Each may also come from a flag or a `CHARTER_*` environment variable, which win over this section (flag, then environment, then config, then default); a bad value stops the start naming where it was given; `charter serve --print-config` shows the effective values, secrets masked, and where each came from.',
		default: 'see Server settings',
	},
	unimplemented: {
		type: '"fail" | "501"',
		description:
			'What `charter serve` and `charter mcp` do with an operation that has no handler: `fail` refuses to start (`CHARTER_MISSING_HANDLER`), `501` answers each call with a 501 `NOT_IMPLEMENTED` problem, so an imported API serves before any handler is written. `--unimplemented` overrides it. `charter openapi import` writes `501` into the config it creates.',
		default: '`fail`',
	},
	rateLimits: {
		type: '{ perAddress?: { limit, windowMs } | false; perPrincipal?: { limit, windowMs } | false; operations?: Record<string, { perAddress?, perPrincipal? }>; store?: "memory" | string } | false',
		description:
			'Rate limits of `charter serve`, answered with a 429 `RATE_LIMITED` problem and `Retry-After` on REST, GraphQL and MCP. `perAddress` counts the calls of one client address before authentication (bad tokens count); `perPrincipal` those of one signed-in principal; `operations` gives some operations their own rules, by key. `store` is where counts live: `memory` (one node) or a `redis://` URL that every node shares, so a limit holds across them (needs the `ioredis` package). `false` turns the limits off. `--rate-limit` and `--rate-limit-store` (`CHARTER_RATE_LIMIT`, `CHARTER_RATE_LIMIT_STORE`) override it.',
		default: '1,200 calls a minute per address, 600 per principal, in memory',
	},
};

/** Config values with their defaults applied. */
export interface ResolvedConfig extends CharterConfig {
	readonly outDir: string;
	readonly committed: readonly GeneratedArtifact[];
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
		committed: config.committed ?? DEFAULT_COMMITTED,
		lockfile: config.lockfile ?? 'contracts.lock.json',
	};
}
