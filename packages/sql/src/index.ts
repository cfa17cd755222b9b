export { createStores, DEFAULT_STORE_URL, type StoreOptions } from './create-stores.ts';
export type { PostgresStoreOptions } from './postgres/postgres-store.ts';
export type { SqliteStoreOptions } from './sqlite/sqlite-store.ts';
export { defineSqlApp, isSqlStores, type SqlAppDefinition } from './stores/define-sql-app.ts';
export type {
	Migration,
	MigrationContext,
	MigrationReport,
	MigrationSet,
} from './stores/sql-migrations.ts';
export type { SqlOutboxStore } from './stores/sql-outbox-store.ts';
export {
	type FailedDelivery,
	type RuntimeStats,
	readRuntimeStats,
} from './stores/sql-runtime-stats.ts';
export type { SqlStoreOptions, SqlStores } from './stores/sql-stores.ts';
export type { SqlDialectName, TableNames } from './stores/sql-tables.ts';
export { isUnavailable } from './stores/store-unavailable.ts';
export { maskUrl } from './stores/store-url.ts';
