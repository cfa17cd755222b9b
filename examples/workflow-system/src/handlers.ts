import { defineApp } from '@charter/runtime';
import { DEMO_TOKENS } from './app/demo-principals.ts';
import { seedDemo } from './app/demo-seed.ts';
import { workflowFixtures } from './app/workflow-fixtures.ts';
import { approvalHandlers } from './approval/approval.handlers.ts';
import { definitionHandlers } from './definition/definition.handlers.ts';
import { instanceHandlers } from './instance/instance.handlers.ts';
import { workflowDeciders } from './policy/workflow-deciders.ts';
import { createIdSource } from './shared/id-source.ts';
import { createMemoryWorkflowRepositories } from './store/memory/memory-workflow-repository.ts';
import { timerHandlers } from './timer/timer.handlers.ts';

/**
 * The workflow system's handlers module (`handlers` in charter.config.ts): every contract
 * bound over repositories that follow the host's stores, the policy rules' deciders, the
 * acceptance fixtures, the demo seed and the dev tokens.
 */
export default defineApp({
	tokens: DEMO_TOKENS,
	create({ stores, clock, newId }) {
		const repositories = createMemoryWorkflowRepositories();
		const deps = { repositories, ids: createIdSource(newId) };
		const bindings = [
			...definitionHandlers(deps),
			...instanceHandlers(deps),
			...approvalHandlers(deps),
			...timerHandlers(deps),
		];
		const deciders = workflowDeciders(repositories);
		return {
			bindings,
			deciders,
			fixtures: workflowFixtures(repositories, deps.ids),
			seed: () => seedDemo({ stores, clock, bindings, deciders, repositories }),
		};
	},
});
