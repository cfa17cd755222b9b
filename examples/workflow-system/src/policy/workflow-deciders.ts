import { ADMIN_ROLE, type Decider, type Principal, readsState } from '@charter/runtime';
import type { WorkflowStep } from '../domain/definition-validator.ts';
import type { WorkflowTransaction } from '../store/sql/workflow-database.ts';
import type { InstanceRecord } from '../store/workflow-records.ts';
import type { RepositoryProvider } from '../store/workflow-repository.ts';

/** Tells whether a principal may take the human actions of a TASK step of an instance. */
export function isTaskAssignee(
	step: WorkflowStep,
	instance: InstanceRecord,
	principal: Principal,
): boolean {
	return step.assigneeRole
		? principal.roles.includes(step.assigneeRole)
		: principal.id === instance.startedBy;
}

/** Tells whether a principal is an administrator. */
export function isAdmin(principal: Principal | undefined): boolean {
	return principal?.roles.includes(ADMIN_ROLE) === true;
}

/** Reads a string field of an operation's input. */
function field(input: unknown, name: string): string | undefined {
	const value = (input as Record<string, unknown> | null)?.[name];
	return typeof value === 'string' ? value : undefined;
}

/**
 * Creates the deciders of the contracts' named rules. A record the caller's organization does
 * not have is let through: the handler answers NOT_FOUND (404), so another organization's ids
 * are indistinguishable from missing ones (a 403 would confirm they exist).
 *
 * Every rule here depends on stored state (who is assigned, who started an instance), so each
 * is declared with `readsState`: the runtime decides it inside the command's transaction, on
 * the state the handler then changes. Read through `transaction?.handle` (a `Transaction<WorkflowDatabase>`), never outside it.
 */
export function workflowDeciders(
	repositories: RepositoryProvider,
): Record<string, Decider<WorkflowTransaction>> {
	return {
		/** workflow.instance.transition: the assignee of the current TASK step. */
		'task-assignee': readsState<WorkflowTransaction>(async ({ principal, input, transaction }) => {
			const id = field(input, 'instanceId');
			if (!principal?.tenant || id === undefined) return false;
			const repos = repositories(transaction?.handle);
			const instance = await repos.instances.get(principal.tenant, id);
			if (!instance) return true;
			const definition = await repos.definitions.get(principal.tenant, instance.definitionId);
			const step = definition?.steps.find((s) => s.key === instance.currentStepKey);
			// Not on a TASK step: the handler answers INVALID_STATE or INVALID_ACTION.
			if (step?.type !== 'TASK') return true;
			return isTaskAssignee(step, instance, principal);
		}),
		/** workflow.approval.decide and delegate: the request's assignee. */
		'approval-assignee': readsState<WorkflowTransaction>(
			async ({ principal, input, transaction }) => {
				const id = field(input, 'requestId');
				if (!principal?.tenant || id === undefined) return false;
				const request = await repositories(transaction?.handle).approvals.get(principal.tenant, id);
				return !request || request.assigneeId === principal.id;
			},
		),
		/** workflow.instance.cancel: an administrator or the member who started the instance. */
		'instance-starter-or-admin': readsState<WorkflowTransaction>(
			async ({ principal, input, transaction }) => {
				const id = field(input, 'instanceId');
				if (!principal?.tenant || id === undefined) return false;
				if (isAdmin(principal)) return true;
				const instance = await repositories(transaction?.handle).instances.get(
					principal.tenant,
					id,
				);
				return !instance || instance.startedBy === principal.id;
			},
		),
	};
}
