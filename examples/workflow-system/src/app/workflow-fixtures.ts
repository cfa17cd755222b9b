import type { Fixture } from '@charter/runtime';
import { expenseApprovalDefinition } from '../demo/expense-approval.ts';
import type { IdSource } from '../shared/id-source.ts';
import type {
	ApprovalRequestRecord,
	DefinitionRecord,
	HistoryRecord,
	InstanceRecord,
} from '../store/workflow-records.ts';
import type { RepositoryProvider } from '../store/workflow-repository.ts';
import { DEMO_ORG, DEMO_PRINCIPALS } from './demo-principals.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const { employee, manager, admin } = DEMO_PRINCIPALS;

type Steps = DefinitionRecord['steps'];

/** A definition whose start step leads to a missing step "review". */
const DANGLING_STEPS: Steps = [
	{ key: 'start', name: 'Start', type: 'START', transitions: [{ to: 'review' }] },
	{ key: 'done', name: 'Done', type: 'END', transitions: [] },
];

/** START, a WAIT of one hour, END: the timer examples' definition. */
const COOL_OFF_STEPS: Steps = [
	{ key: 'start', name: 'Start', type: 'START', transitions: [{ to: 'cool-off' }] },
	{
		key: 'cool-off',
		name: 'Cool-off hour',
		type: 'WAIT',
		waitSeconds: 3600,
		transitions: [{ to: 'done' }],
	},
	{ key: 'done', name: 'Done', type: 'END', transitions: [] },
];

/**
 * Creates the fixtures of every acceptance example, by scenario key: each writes the records
 * its "given" describes straight into the repositories (with the ids the example names) and
 * names the caller.
 */
export function workflowFixtures(
	repositories: RepositoryProvider,
	ids: IdSource,
): Record<string, Fixture> {
	const repos = () => repositories();
	const definition = async (
		id: string,
		status: DefinitionRecord['status'],
		extra: Partial<DefinitionRecord> = {},
	) => {
		ids.reserve(id);
		await repos().definitions.insert({
			id,
			key: expenseApprovalDefinition.key,
			version: 1,
			name: expenseApprovalDefinition.name,
			description: expenseApprovalDefinition.description,
			status,
			steps: structuredClone(expenseApprovalDefinition.steps) as unknown as Steps,
			organizationId: DEMO_ORG,
			createdBy: admin.id,
			createdAt: T0,
			updatedAt: T0,
			publishedAt: status === 'DRAFT' ? null : T0,
			...extra,
		});
	};
	const instance = async (id: string, fields: Partial<InstanceRecord>) => {
		ids.reserve(id);
		const status = fields.status ?? 'WAITING';
		await repos().instances.insert({
			id,
			definitionKey: expenseApprovalDefinition.key,
			definitionVersion: 1,
			definitionId: 'def-1',
			status,
			previousStatus: null,
			currentStepKey: 'submit',
			context: { amount: 250, reason: 'Taxi' },
			organizationId: DEMO_ORG,
			startedBy: employee.id,
			pauseReason: null,
			revision: 3,
			createdAt: T0,
			updatedAt: T0,
			completedAt: null,
			stepEnteredAt: T0,
			visit: 1,
			...fields,
		});
	};
	const request = async (id: string, fields: Partial<ApprovalRequestRecord>) => {
		ids.reserve(id);
		await repos().approvals.save([
			{
				id,
				instanceId: 'inst-100',
				stepKey: 'manager-approval',
				organizationId: DEMO_ORG,
				assigneeId: manager.id,
				order: 0,
				status: 'PENDING',
				decision: null,
				decidedAt: null,
				decisionComment: null,
				delegatedFromId: null,
				delegatedToId: null,
				escalatedAt: null,
				expiresAt: null,
				createdAt: T0,
				visit: 1,
				...fields,
			},
		]);
	};
	const history = (instanceId: string, entries: Omit<HistoryRecord, 'instanceId'>[]) =>
		repos().instances.saveHistory(entries.map((e) => ({ ...e, instanceId })));

	const draft = () => definition('def-1', 'DRAFT');
	const active = () => definition('def-1', 'ACTIVE');
	const dangling = () =>
		definition('def-2', 'DRAFT', { key: 'broken-flow', name: 'Broken', steps: DANGLING_STEPS });
	/** PENDING_GIVEN of the approval contracts: inst-100 on manager-approval, apr-1 pending. */
	const pendingApproval = async () => {
		await active();
		await instance('inst-100', {
			currentStepKey: 'manager-approval',
			context: { amount: 1500, reason: 'Conference' },
		});
		await request('apr-1', {});
	};
	const asAdmin = (given?: () => Promise<void>): Fixture => ({ principal: admin, given });
	const asEmployee = (given?: () => Promise<void>): Fixture => ({ principal: employee, given });
	const asManager = (given?: () => Promise<void>): Fixture => ({ principal: manager, given });

	return {
		// workflow.definition.*
		'create-expense-approval': asAdmin(),
		'create-next-version': asAdmin(active),
		'rename-draft': asAdmin(draft),
		'rename-active': asAdmin(active),
		'add-wait-step': asAdmin(draft),
		'add-duplicate-step': asAdmin(draft),
		'raise-threshold': asAdmin(draft),
		'remove-finance': asAdmin(draft),
		'validate-demo': asAdmin(draft),
		'validate-dangling': asAdmin(dangling),
		'publish-demo': asAdmin(draft),
		'publish-invalid': asAdmin(dangling),
		'publish-twice': asAdmin(active),
		'deprecate-active': asAdmin(active),
		'archive-deprecated': asAdmin(() => definition('def-1', 'DEPRECATED')),
		'archive-active': asAdmin(active),
		'list-active': asAdmin(async () => {
			await active();
			await definition('def-3', 'DRAFT', {
				key: 'leave-request',
				name: 'Leave request',
				steps: DANGLING_STEPS,
			});
		}),
		'get-definition': asAdmin(active),

		// workflow.instance.*
		'start-expense-approval': asEmployee(active),
		'start-without-active-version': asEmployee(draft),
		'submit-expense': asEmployee(async () => {
			await active();
			await instance('inst-100', {});
		}),
		'transition-paused': asEmployee(async () => {
			await active();
			await instance('inst-101', { status: 'PAUSED', previousStatus: 'WAITING' });
		}),
		'transition-unknown-action': asEmployee(async () => {
			await active();
			await instance('inst-100', {});
		}),
		'pause-workflow-happy-path': asAdmin(async () => {
			await active();
			await instance('inst-456', { currentStepKey: 'manager-approval' });
		}),
		'pause-already-paused': asAdmin(async () => {
			await active();
			await instance('inst-457', {
				status: 'PAUSED',
				previousStatus: 'WAITING',
				currentStepKey: 'manager-approval',
				pauseReason: 'Audit',
			});
		}),
		'pause-completed': asAdmin(async () => {
			await active();
			await instance('inst-458', {
				status: 'COMPLETED',
				currentStepKey: 'approved',
				completedAt: T0,
			});
		}),
		'resume-paused-waiting': asAdmin(async () => {
			await active();
			await instance('inst-456', {
				status: 'PAUSED',
				previousStatus: 'WAITING',
				currentStepKey: 'manager-approval',
			});
		}),
		'resume-cancelled': asAdmin(async () => {
			await active();
			await instance('inst-459', { status: 'CANCELLED', completedAt: T0 });
		}),
		'starter-cancels': asEmployee(pendingApproval),
		'cancel-completed': asAdmin(async () => {
			await active();
			await instance('inst-458', {
				status: 'COMPLETED',
				currentStepKey: 'approved',
				completedAt: T0,
			});
		}),
		'list-waiting': asEmployee(async () => {
			await active();
			const statuses = ['WAITING', 'COMPLETED', 'WAITING', 'COMPLETED', 'WAITING'] as const;
			for (const [index, status] of statuses.entries()) {
				await instance(`inst-30${index}`, {
					status,
					currentStepKey: status === 'WAITING' ? 'manager-approval' : 'approved',
					createdAt: `2026-01-0${index + 1}T09:00:00.000Z`,
				});
			}
		}),
		'get-instance': asEmployee(pendingApproval),
		'get-missing-instance': asEmployee(active),
		'history-after-submit': asEmployee(async () => {
			await active();
			await instance('inst-100', { currentStepKey: 'manager-approval', visit: 3 });
			await history('inst-100', [
				{
					sequence: 1,
					stepKey: 'start',
					stepType: 'START',
					enteredAt: '2026-01-05T09:00:00Z',
					enteredBy: employee.id,
					action: null,
					comment: null,
					leftAt: '2026-01-05T09:00:00Z',
				},
				{
					sequence: 2,
					stepKey: 'submit',
					stepType: 'TASK',
					enteredAt: '2026-01-05T09:00:00Z',
					enteredBy: 'system',
					action: null,
					comment: null,
					leftAt: '2026-01-05T09:30:00Z',
				},
				{
					sequence: 3,
					stepKey: 'manager-approval',
					stepType: 'APPROVAL',
					enteredAt: '2026-01-05T09:30:00Z',
					enteredBy: employee.id,
					action: 'SUBMIT',
					comment: null,
					leftAt: null,
				},
			]);
		}),
		'actions-of-starter': asEmployee(async () => {
			await active();
			await instance('inst-100', {});
		}),

		// workflow.approval.*
		'manager-approves-large': asManager(pendingApproval),
		'manager-requests-changes': asManager(pendingApproval),
		'decide-twice': asManager(async () => {
			await active();
			await instance('inst-100', { currentStepKey: 'finance-approval', visit: 2 });
			await request('apr-2', {
				status: 'APPROVED',
				decision: 'APPROVE',
				decidedAt: T0,
			});
		}),
		'decide-paused': asManager(async () => {
			await active();
			await instance('inst-101', {
				status: 'PAUSED',
				previousStatus: 'WAITING',
				currentStepKey: 'manager-approval',
			});
			await request('apr-3', { instanceId: 'inst-101' });
		}),
		'delegate-to-deputy': asManager(pendingApproval),
		'comment-on-request': asManager(pendingApproval),
		'manager-inbox': asManager(pendingApproval),
		'instance-approvals': asEmployee(pendingApproval),
		'get-request': asManager(pendingApproval),

		// workflow.timer.sweep
		'sweep-due-timers': asAdmin(async () => {
			await active();
			await definition('def-2', 'ACTIVE', {
				key: 'cool-off',
				name: 'Cool-off',
				steps: COOL_OFF_STEPS,
			});
			const onWait = {
				definitionId: 'def-2',
				definitionKey: 'cool-off',
				currentStepKey: 'cool-off',
			};
			await instance('inst-200', { ...onWait, stepEnteredAt: '2026-01-05T08:00:00.000Z' });
			await instance('inst-201', {
				currentStepKey: 'manager-approval',
				stepEnteredAt: '2026-01-03T08:00:00.000Z',
			});
			await request('apr-1', {
				instanceId: 'inst-201',
				createdAt: '2026-01-03T08:00:00.000Z',
				expiresAt: '2026-01-10T08:00:00.000Z',
			});
			await instance('inst-202', {
				...onWait,
				status: 'PAUSED',
				previousStatus: 'WAITING',
				stepEnteredAt: '2026-01-05T07:30:00.000Z',
			});
		}),
		'sweep-nothing-due': asAdmin(async () => {
			await active();
			await instance('inst-100', {});
		}),
	};
}
