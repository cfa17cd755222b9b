import {
	type AppDefinition,
	type AppEnvironment,
	type AppInstance,
	CharterConfigError,
	type Stores,
} from '@charter/runtime';
import type { MigrationSet } from './sql-migrations.ts';
import type { SqlStores } from './sql-stores.ts';

/** An app that keeps its own tables: `DB` declares them, as Kysely's `Database` interface. */
export interface SqlAppDefinition<DB> extends Omit<AppDefinition, 'create' | 'migrations'> {
	/** The app's tables, migrated after Charter's (their names are those `DB` declares). */
	readonly migrations: readonly MigrationSet[];
	/** Creates the handlers over SQL stores typed with the app's tables. */
	create(environment: AppEnvironment<SqlStores<DB>>): AppInstance | Promise<AppInstance>;
}

/**
 * Declares an app over its own SQL tables: `create` gets `stores.db` as a `Kysely<DB>`, and
 * handlers bound with `implementFor<Transaction<DB>>()` get each command's transaction typed.
 * Hosts give such an app SQL stores: `charter serve` its database, `charter test` SQLite in
 * memory (an app with `migrations` uses SQL stores). Given other stores, creating it fails with
 * `CHARTER_SQL_STORES_REQUIRED` instead of a handler failing on a missing database later.
 *
 * @example
 * interface Database { invoices: { id: string; total: number } }
 * export default defineSqlApp<Database>({
 *   migrations: [invoiceTables],
 *   create: ({ stores }) => ({ bindings: invoiceHandlers(stores.db) }),
 * });
 */
export function defineSqlApp<DB>(definition: SqlAppDefinition<DB>): AppDefinition {
	return {
		...definition,
		create(environment) {
			const { stores } = environment;
			if (!isSqlStores(stores)) {
				throw new CharterConfigError(
					'CHARTER_SQL_STORES_REQUIRED',
					'defineSqlApp',
					'the app was created over stores that are not @charter/sql stores',
				);
			}
			return definition.create({ ...environment, stores: stores as SqlStores<DB> });
		},
	};
}

/** Tells whether stores are `@charter/sql` stores (they carry their database and tables). */
export function isSqlStores(stores: Stores<any>): stores is SqlStores {
	const candidate = stores as Partial<SqlStores>;
	return candidate.db !== undefined && candidate.tables !== undefined && 'dialect' in candidate;
}
