import { defineApp } from '@charter/runtime';
import { DEMO_TOKENS } from './app/demo-principals.ts';
import { createWorkflowApp } from './app/workflow-app.ts';
import { createMemoryWorkflowRepositories } from './store/memory/memory-workflow-repository.ts';

/**
 * The workflow system's handlers module (`handlers` in charter.config.ts): every contract
 * bound over repositories that follow the host's stores, the policy rules' deciders, the
 * acceptance fixtures, the demo seed and the dev tokens.
 */
export default defineApp({
	tokens: DEMO_TOKENS,
	create(environment) {
		return createWorkflowApp(environment, createMemoryWorkflowRepositories());
	},
});
