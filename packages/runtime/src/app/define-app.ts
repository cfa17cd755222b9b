import type { PrincipalInit } from '../context/bearer-token-provider.ts';
import type { ContextProvider } from '../context/principal.ts';
import type { Binding } from '../executor/implement.ts';
import type { Middleware } from '../executor/middleware.ts';
import type { Decider } from '../policy/policy-decider.ts';
import type { Stores } from '../stores/unit-of-work.ts';
import type { MigrationSet } from './migration-set.ts';

/** What the host (`charter serve`, `charter test`, a test) gives an app when it creates it. */
export interface AppEnvironment<S extends Stores<any> = Stores> {
	/**
	 * Persistence chosen by the host: SQL stores when serving, and when `charter test` runs
	 * the examples of an app that declares `migrations` (SQLite in memory); memory stores for
	 * an app without tables of its own.
	 */
	readonly stores: S;
	/** The clock; fixed when running acceptance examples. */
	readonly clock: () => Date;
	/** New ids; deterministic (`prefix-1`, `prefix-2`...) when running acceptance examples. */
	readonly newId: (prefix?: string) => string;
}

/** Prepares the state an acceptance example needs ("Given a running workflow"). */
export interface Fixture {
	/** Who calls the example's operation; anonymous when absent. */
	readonly principal?: PrincipalInit;
	/** Puts the app in the example's starting state. */
	readonly given?: () => Promise<void> | void;
}

/** A created app: the handlers and what the host needs to run them. */
export interface AppInstance {
	readonly bindings: readonly Binding<any>[];
	/** Middleware around every handler of the app, outermost first (see `use` for a feature's). */
	readonly middleware?: readonly Middleware<any, any>[];
	/** Deciders for the named policy rules of the contracts. */
	readonly deciders?: Readonly<Record<string, Decider<any>>>;
	/** Fixtures by example key or scenario key (the example key wins). */
	readonly fixtures?: Readonly<Record<string, Fixture>>;
	/** Loads demo data; `charter serve` calls it on a fresh database. */
	readonly seed?: () => Promise<void>;
	/** Releases what the app holds (timers, connections). */
	readonly close?: () => Promise<void>;
}

/**
 * A project's handlers module (`handlers` in charter.config.ts) default-exports this. `S` is
 * the stores the app is created over (`SqlStores<Database>` for an app with its own tables:
 * see `defineSqlApp` in `@charter/sql`).
 */
export interface AppDefinition<S extends Stores<any> = Stores> {
	/** Development bearer tokens and their principals; `charter serve` prints them. */
	readonly tokens?: Readonly<Record<string, PrincipalInit & { readonly description?: string }>>;
	/** Resolves principals in production (JWT, OIDC...); the dev tokens are used otherwise. */
	readonly contextProvider?: ContextProvider;
	/** The app's own tables, migrated by the SQL stores (`@charter/sql`) after Charter's. */
	readonly migrations?: readonly MigrationSet[];
	/** Creates the handlers over the host's stores, clock and ids. */
	create(environment: AppEnvironment<S>): AppInstance | Promise<AppInstance>;
}

/**
 * Declares a project's handlers module: how to create the handlers over the host's stores,
 * the named policy rules, the fixtures of the acceptance examples, demo data and dev tokens.
 *
 * @example
 * export default defineApp({
 *   tokens: { 'admin-token': { id: 'ada', roles: ['admin'], tenant: 'acme' } },
 *   create: ({ stores, clock }) => ({ bindings: [implement(PauseWorkflowContract, pause)] }),
 * });
 */
export function defineApp<S extends Stores<any> = Stores>(
	definition: AppDefinition<S>,
): AppDefinition<S> {
	return definition;
}

/** Tells whether a module's default export is an app definition. */
export function isAppDefinition(value: unknown): value is AppDefinition {
	return typeof (value as { create?: unknown } | null)?.create === 'function';
}

/** Ids `prefix-1`, `prefix-2`... per prefix: what acceptance examples and fixtures rely on. */
export function sequentialIds(): (prefix?: string) => string {
	const counters = new Map<string, number>();
	return (prefix = 'id') => {
		const next = (counters.get(prefix) ?? 0) + 1;
		counters.set(prefix, next);
		return `${prefix}-${next}`;
	};
}
