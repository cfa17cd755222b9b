import type {
	Migration as CoreMigration,
	MigrationSet as CoreMigrationSet,
} from '@charter/runtime';
import { type Kysely, sql } from 'kysely';
import type { SqlDialectName, TableNames } from './sql-tables.ts';

/** What a migration's `up` receives: the migration's transaction and the engine it runs on. */
export interface MigrationContext {
	readonly db: Kysely<any>;
	readonly dialect: SqlDialectName;
	readonly tables: TableNames;
}

/** One versioned schema change, run by the SQL stores. */
export type Migration = CoreMigration<MigrationContext>;

/**
 * A named set of migrations: Charter's own scope is `charter`; an app registers its own
 * (e.g. `workflow`) through `createStores({ migrations })` or `defineApp({ migrations })`.
 */
export type MigrationSet = CoreMigrationSet<MigrationContext>;

/** What a migration run applied. */
export interface MigrationReport {
	readonly applied: readonly { scope: string; version: number; name: string }[];
}

/**
 * Runs every pending migration of every set in one transaction that holds a lock, so two
 * nodes starting at once apply each migration exactly once (PostgreSQL: an advisory
 * transaction lock; SQLite: `BEGIN IMMEDIATE`, the database's write lock).
 */
export async function runMigrations(
	db: Kysely<any>,
	dialect: SqlDialectName,
	tables: TableNames,
	sets: readonly MigrationSet[],
): Promise<MigrationReport> {
	checkSets(sets);
	return db.connection().execute(async (conn) => {
		await sql.raw(dialect === 'sqlite' ? 'begin immediate' : 'begin').execute(conn);
		try {
			if (dialect === 'postgres') {
				await sql`select pg_advisory_xact_lock(hashtext(${tables.migrations}))`.execute(conn);
			}
			await conn.schema
				.createTable(tables.migrations)
				.ifNotExists()
				.addColumn('scope', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('applied_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint(`${tables.migrations}_pk`, ['scope', 'version'])
				.execute();
			const rows = (await conn
				.selectFrom(tables.migrations)
				.select(['scope', 'version'])
				.execute()) as { scope: string; version: number }[];
			const done = new Set(rows.map((r) => `${r.scope}@${Number(r.version)}`));
			const applied: { scope: string; version: number; name: string }[] = [];
			for (const set of sets) {
				const pending = [...set.migrations]
					.sort((a, b) => a.version - b.version)
					.filter((m) => !done.has(`${set.scope}@${m.version}`));
				for (const migration of pending) {
					await migration.up({ db: conn, dialect, tables });
					await conn
						.insertInto(tables.migrations)
						.values({
							scope: set.scope,
							version: migration.version,
							name: migration.name,
							applied_at: new Date().toISOString(),
						})
						.execute();
					applied.push({ scope: set.scope, version: migration.version, name: migration.name });
				}
			}
			await sql.raw('commit').execute(conn);
			return { applied };
		} catch (error) {
			await sql
				.raw('rollback')
				.execute(conn)
				.catch(() => {});
			throw error;
		}
	});
}

function checkSets(sets: readonly MigrationSet[]): void {
	const scopes = new Set<string>();
	for (const set of sets) {
		if (scopes.has(set.scope)) throw new TypeError(`two migration sets share scope "${set.scope}"`);
		scopes.add(set.scope);
		const versions = new Set<number>();
		for (const m of set.migrations) {
			if (!Number.isInteger(m.version) || m.version < 1) {
				throw new TypeError(`migration ${set.scope}/${m.name}: version must be a positive integer`);
			}
			if (versions.has(m.version)) {
				throw new TypeError(`migration scope "${set.scope}" has version ${m.version} twice`);
			}
			versions.add(m.version);
		}
	}
}
