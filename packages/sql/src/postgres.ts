export { createPostgresStores, type PostgresStoreOptions } from './postgres/postgres-store.ts';
