import { defineSqlApp } from '@charter/sql';
import { DEMO_TOKENS } from './app/demo-principals.ts';
import { createWorkflowApp } from './app/workflow-app.ts';
import { createSqlWorkflowRepositories } from './store/sql/sql-workflow-repository.ts';
import type { WorkflowDatabase } from './store/sql/workflow-database.ts';
import { workflowMigrations } from './store/sql/workflow-migrations.ts';

/**
 * The workflow system's handlers module (`handlers` in charter.config.ts): every contract
 * bound over its SQL repositories (its tables migrated with Charter's; SQLite in memory under
 * `charter test`), the policy rules' deciders, the acceptance fixtures, the demo seed and the
 * dev tokens.
 */
export default defineSqlApp<WorkflowDatabase>({
	tokens: DEMO_TOKENS,
	migrations: [workflowMigrations],
	create(environment) {
		return createWorkflowApp(environment, createSqlWorkflowRepositories(environment.stores.db));
	},
});
