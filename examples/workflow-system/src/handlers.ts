import { defineApp, type Stores } from '@charter/runtime';
import type { SqlStores } from '@charter/sql';
import { DEMO_TOKENS } from './app/demo-principals.ts';
import { createWorkflowApp } from './app/workflow-app.ts';
import { createMemoryWorkflowRepositories } from './store/memory/memory-workflow-repository.ts';
import { createSqlWorkflowRepositories } from './store/sql/sql-workflow-repository.ts';
import { workflowMigrations } from './store/sql/workflow-migrations.ts';

/** Tells whether the host gave SQL stores (`charter serve`) rather than memory ones (`charter test`). */
function isSqlStores(stores: Stores): stores is SqlStores {
	return 'db' in stores && 'tables' in stores;
}

/**
 * The workflow system's handlers module (`handlers` in charter.config.ts): every contract
 * bound over repositories that follow the host's stores (SQL tables migrated with Charter's,
 * or memory), the policy rules' deciders, the acceptance fixtures, the demo seed and the dev
 * tokens.
 */
export default defineApp({
	tokens: DEMO_TOKENS,
	migrations: [workflowMigrations],
	create(environment) {
		const { stores } = environment;
		const repositories = isSqlStores(stores)
			? createSqlWorkflowRepositories(stores.db, stores.tables)
			: createMemoryWorkflowRepositories();
		return createWorkflowApp(environment, repositories);
	},
});
