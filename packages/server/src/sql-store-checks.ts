import type { ReadinessCheck } from '@charter/runtime';
import type { SqlStores } from '@charter/sql';
import { sql } from 'kysely';

/** Checks that the database answers a query, and reports the migrations applied at open. */
export function sqlStoreChecks(stores: SqlStores): ReadinessCheck[] {
	return [
		{ name: 'store', check: () => sql`select 1`.execute(stores.db) },
		{
			name: 'migrations',
			check: () => {
				// Stores open only once every migration has run; a report is proof of that.
				if (!stores.migrations) throw new Error('the migrations have not run');
			},
		},
	];
}
