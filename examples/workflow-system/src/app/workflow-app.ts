import type { AppEnvironment, AppInstance } from '@charter/runtime';
import { approvalHandlers } from '../approval/approval.handlers.ts';
import { definitionHandlers } from '../definition/definition.handlers.ts';
import { instanceHandlers } from '../instance/instance.handlers.ts';
import { workflowDeciders } from '../policy/workflow-deciders.ts';
import type { MemberDirectory } from '../shared/handler-kit.ts';
import { createIdSource } from '../shared/id-source.ts';
import type { RepositoryProvider } from '../store/workflow-repository.ts';
import { timerHandlers } from '../timer/timer.handlers.ts';
import { demoMembers } from './demo-principals.ts';
import { seedDemo } from './demo-seed.ts';
import { workflowFixtures } from './workflow-fixtures.ts';

/**
 * Creates the workflow system over the given repositories: every contract bound, the deciders
 * of the named policy rules, the acceptance fixtures and the demo seed. Delegation checks its
 * target against `members` (the demo's people by default).
 */
export function createWorkflowApp(
	environment: AppEnvironment,
	repositories: RepositoryProvider,
	members: MemberDirectory = demoMembers(),
): AppInstance {
	const { stores, clock, newId } = environment;
	const deps = { repositories, ids: createIdSource(newId), members };
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
}
