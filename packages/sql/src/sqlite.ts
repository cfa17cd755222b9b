export { createSqliteStores, type SqliteStoreOptions } from './sqlite/sqlite-store.ts';
