import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Wraps an SQLite database so that Kysely reuses prepared statements: Kysely prepares every
 * query it runs, and compiling the same five statements of a command again each time cost
 * more than the statements themselves. Statements are kept by SQL text, the most recently
 * used `size` of them; a statement still iterating (a stream) is never handed out twice.
 */
export function withStatementCache(database: BetterSqlite3.Database, size = 256): SqliteDatabase {
	const cache = new Map<string, BetterSqlite3.Statement>();
	return {
		prepare(sql: string) {
			const cached = cache.get(sql);
			if (cached && !cached.busy) {
				// Most recently used last: the Map's order is the eviction order.
				cache.delete(sql);
				cache.set(sql, cached);
				return cached;
			}
			const statement = database.prepare(sql);
			if (cached) return statement;
			cache.set(sql, statement);
			if (cache.size > size) {
				const oldest = cache.keys().next().value;
				if (oldest !== undefined) cache.delete(oldest);
			}
			return statement;
		},
		close() {
			cache.clear();
			database.close();
		},
	};
}
