import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { invalidState, MEMBER_POLICY, notFound, OWNERS } from '../shared/contract-parts.ts';
import {
	InstanceCancelledEvent,
	InstanceCompletedEvent,
	InstanceFailedEvent,
	InstancePausedEvent,
	InstanceResumedEvent,
	InstanceStartedEvent,
	InstanceTransitionedEvent,
} from './instance.events.ts';
import {
	AvailableActionsModel,
	CancelInstanceInputModel,
	InstanceHistoryModel,
	InstancePageModel,
	InstanceRefInputModel,
	ListInstancesInputModel,
	StartWorkflowInputModel,
	TransitionInputModel,
	TransitionResultModel,
	WorkflowInstanceModel,
} from './instance.schema.ts';

const PauseResumeInputModel = defineSchemaModel({
	name: 'PauseResumeInput',
	fields: {
		instanceId: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		reason: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
	},
});

const PAUSED_WHILE = 'Refused with INVALID_STATE while the instance is PAUSED or finished.';

/** Starts the latest ACTIVE version of a definition and runs it to its first waiting step. */
export const StartWorkflowContract = defineCommand({
	meta: {
		key: 'workflow.instance.start',
		version: '1.1.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'start'],
		description: 'Start a workflow instance from the latest ACTIVE version of a definition.',
		goal: 'Begin a tracked execution of a business process.',
		context:
			'Called by any member (an employee submitting an expense). The engine runs START, CONDITION and END steps at once and stops at the first TASK, APPROVAL or WAIT step.',
	},
	io: { input: StartWorkflowInputModel, output: WorkflowInstanceModel },
	policy: MEMBER_POLICY,
	// A released, stable contract answers 200 as it always did (a 201 would break its callers:
	// that is a 2.0.0); the `Location` header is an addition they may read or ignore.
	transport: {
		rest: {
			response: {
				headers: {
					Location: { description: 'Where the new instance is read (`workflow.instance.get`).' },
				},
			},
		},
	},
	errors: {
		NOT_FOUND: notFound('workflow definition with this key'),
		NO_ACTIVE_VERSION: invalidState('The definition has no ACTIVE version to start.'),
	},
	sideEffects: {
		emits: [
			InstanceStartedEvent,
			InstanceTransitionedEvent,
			InstanceCompletedEvent,
			InstanceFailedEvent,
		],
		audit: ['workflow.instance.started'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'start-expense-approval',
				given: ['The expense-approval definition has ACTIVE version 1'],
				when: ['A member starts expense-approval with an amount of 250'],
				then: [
					'A new instance is WAITING on the submit step',
					'The instance records the caller as its starter',
					'workflow.instance.started is emitted',
				],
			},
			{
				key: 'start-without-active-version',
				given: ['The expense-approval definition only has a DRAFT version'],
				when: ['A member starts expense-approval'],
				then: ['The call fails with NO_ACTIVE_VERSION (409)'],
			},
		],
		examples: [
			{
				key: 'start-expense',
				scenario: 'start-expense-approval',
				input: { definitionKey: 'expense-approval', context: { amount: 250, reason: 'Taxi' } },
				output: {
					definitionKey: 'expense-approval',
					definitionVersion: 1,
					status: 'WAITING',
					currentStepKey: 'submit',
					context: { amount: 250, reason: 'Taxi' },
				},
			},
			{
				key: 'start-draft-only',
				scenario: 'start-without-active-version',
				input: { definitionKey: 'expense-approval' },
				error: 'NO_ACTIVE_VERSION',
			},
		],
	},
});

/** Takes a human action offered by the current TASK step. */
export const TransitionWorkflowContract = defineCommand({
	meta: {
		key: 'workflow.instance.transition',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'transition'],
		description: 'Perform a human action on the current step of an instance.',
		goal: 'Move a process forward by a person doing their part.',
		context: `Only actions of the current TASK step are accepted, by its assignee. ${PAUSED_WHILE}`,
	},
	io: { input: TransitionInputModel, output: TransitionResultModel },
	policy: { ...MEMBER_POLICY, rules: ['task-assignee'] },
	errors: {
		NOT_FOUND: notFound('instance'),
		INVALID_STATE: invalidState('The instance is not RUNNING or WAITING (paused or finished).'),
		INVALID_ACTION: {
			status: 422,
			description: 'The current step does not offer this action.',
		},
	},
	sideEffects: {
		emits: [InstanceTransitionedEvent, InstanceCompletedEvent, InstanceFailedEvent],
		audit: ['workflow.instance.transitioned'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'submit-expense',
				given: ['Instance inst-100 of expense-approval is WAITING on the submit step'],
				when: ['Its starter takes the SUBMIT action'],
				then: [
					'The instance is WAITING on manager-approval',
					'A history entry records the step, the caller and the time',
				],
			},
			{
				key: 'transition-paused',
				given: ['Instance inst-101 is PAUSED on the submit step'],
				when: ['Its starter takes the SUBMIT action'],
				then: ['The call fails with INVALID_STATE (409) and nothing changes'],
			},
			{
				key: 'transition-unknown-action',
				given: ['Instance inst-100 of expense-approval is WAITING on the submit step'],
				when: ['Its starter takes the APPROVE action'],
				then: ['The call fails with INVALID_ACTION (422)'],
			},
		],
		examples: [
			{
				key: 'submit',
				scenario: 'submit-expense',
				input: { instanceId: 'inst-100', action: 'SUBMIT', data: { amount: 1500 } },
				output: {
					instance: { id: 'inst-100', status: 'WAITING', currentStepKey: 'manager-approval' },
					fromStepKey: 'submit',
					toStepKey: 'manager-approval',
				},
			},
			{
				key: 'submit-while-paused',
				scenario: 'transition-paused',
				input: { instanceId: 'inst-101', action: 'SUBMIT' },
				error: 'INVALID_STATE',
			},
			{
				key: 'unknown-action',
				scenario: 'transition-unknown-action',
				input: { instanceId: 'inst-100', action: 'APPROVE' },
				error: 'INVALID_ACTION',
			},
		],
	},
});

/** The seed's contract; its example uses the enum's UPPERCASE value. */
export const PauseWorkflowContract = defineCommand({
	meta: {
		key: 'workflow.instance.pause',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'pause'],
		description: 'Pause a running workflow instance.',
		goal: 'Temporarily halt workflow execution.',
		context: 'Administrative action, emergency stop.',
	},
	io: { input: PauseResumeInputModel, output: WorkflowInstanceModel },
	policy: { auth: 'admin', tenant: 'required' },
	errors: {
		NOT_FOUND: notFound('instance'),
		INVALID_STATE: invalidState('Only a RUNNING or WAITING instance can be paused.'),
	},
	idempotent: true,
	destructive: false,
	sideEffects: {
		emits: [{ event: InstancePausedEvent, when: 'Workflow is paused' }],
		audit: ['workflow.instance.paused'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'pause-workflow-happy-path',
				given: ['Workflow is running'],
				when: ['Admin pauses workflow'],
				then: ['Instance status becomes PAUSED'],
			},
			{
				key: 'pause-already-paused',
				given: ['Instance inst-457 is PAUSED (it was WAITING)'],
				when: ['Admin pauses it again'],
				then: ['The instance is returned unchanged', 'No second workflow.instance.paused event'],
			},
			{
				key: 'pause-completed',
				given: ['Instance inst-458 is COMPLETED'],
				when: ['Admin pauses it'],
				then: ['The call fails with INVALID_STATE (409)'],
			},
		],
		examples: [
			{
				key: 'pause-maintenance',
				scenario: 'pause-workflow-happy-path',
				input: { instanceId: 'inst-456', reason: 'System maintenance' },
				output: { id: 'inst-456', status: 'PAUSED' },
			},
			{
				key: 'pause-twice',
				scenario: 'pause-already-paused',
				input: { instanceId: 'inst-457' },
				output: { id: 'inst-457', status: 'PAUSED', previousStatus: 'WAITING' },
			},
			{
				key: 'pause-finished',
				scenario: 'pause-completed',
				input: { instanceId: 'inst-458' },
				error: 'INVALID_STATE',
			},
		],
	},
});

/** Resumes a paused instance into the status it had before the pause. */
export const ResumeWorkflowContract = defineCommand({
	meta: {
		key: 'workflow.instance.resume',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'resume'],
		description: 'Resume a paused workflow instance.',
		goal: 'Continue a halted execution where it stopped.',
		context:
			'Administrative action. The instance returns to the status remembered at pause (RUNNING or WAITING); resuming an instance that is not paused returns it unchanged.',
	},
	io: { input: PauseResumeInputModel, output: WorkflowInstanceModel },
	policy: { auth: 'admin', tenant: 'required' },
	errors: {
		NOT_FOUND: notFound('instance'),
		INVALID_STATE: invalidState('A PENDING or finished instance cannot be resumed.'),
	},
	idempotent: true,
	destructive: false,
	sideEffects: {
		emits: [{ event: InstanceResumedEvent, when: 'A PAUSED instance is resumed' }],
		audit: ['workflow.instance.resumed'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'resume-paused-waiting',
				given: ['Instance inst-456 is PAUSED; it was WAITING on manager-approval'],
				when: ['Admin resumes it'],
				then: ['The instance is WAITING again', 'workflow.instance.resumed is emitted'],
			},
			{
				key: 'resume-cancelled',
				given: ['Instance inst-459 is CANCELLED'],
				when: ['Admin resumes it'],
				then: ['The call fails with INVALID_STATE (409)'],
			},
		],
		examples: [
			{
				key: 'resume-to-waiting',
				scenario: 'resume-paused-waiting',
				input: { instanceId: 'inst-456' },
				output: { id: 'inst-456', status: 'WAITING', previousStatus: null },
			},
			{
				key: 'resume-finished',
				scenario: 'resume-cancelled',
				input: { instanceId: 'inst-459' },
				error: 'INVALID_STATE',
			},
		],
	},
});

/** Cancels an unfinished instance. */
export const CancelWorkflowContract = defineCommand({
	meta: {
		key: 'workflow.instance.cancel',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'cancel'],
		description: 'Cancel a workflow instance.',
		goal: 'Stop a process that is no longer needed.',
		context:
			'Allowed to an administrator or the member who started the instance, in any unfinished status (PAUSED included). Its pending approval requests are closed.',
	},
	io: { input: CancelInstanceInputModel, output: WorkflowInstanceModel },
	policy: { ...MEMBER_POLICY, rules: ['instance-starter-or-admin'] },
	errors: {
		NOT_FOUND: notFound('instance'),
		INVALID_STATE: invalidState('The instance is already COMPLETED, CANCELLED, FAILED or TIMEOUT.'),
	},
	sideEffects: {
		emits: [InstanceCancelledEvent],
		audit: ['workflow.instance.cancelled'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'starter-cancels',
				given: ['Instance inst-100 is WAITING on manager-approval, started by user-1'],
				when: ['user-1 cancels it with a reason'],
				then: ['The instance is CANCELLED', 'Its pending approval requests are CANCELLED'],
			},
			{
				key: 'cancel-completed',
				given: ['Instance inst-458 is COMPLETED'],
				when: ['An admin cancels it'],
				then: ['The call fails with INVALID_STATE (409)'],
			},
		],
		examples: [
			{
				key: 'cancel-by-starter',
				scenario: 'starter-cancels',
				input: { instanceId: 'inst-100', reason: 'Submitted twice' },
				output: { id: 'inst-100', status: 'CANCELLED' },
			},
			{
				key: 'cancel-finished',
				scenario: 'cancel-completed',
				input: { instanceId: 'inst-458' },
				error: 'INVALID_STATE',
			},
		],
	},
});

/** Lists the organization's instances, newest first. */
export const ListInstancesContract = defineQuery({
	meta: {
		key: 'workflow.instance.list',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'list'],
		description: 'List workflow instances with filters and cursor pagination.',
		goal: 'Find the processes in flight or finished.',
		context:
			'Filters combine with AND; results are newest first; `nextCursor` fetches the next page.',
	},
	io: { input: ListInstancesInputModel, output: InstancePageModel },
	policy: MEMBER_POLICY,
	errors: {
		INVALID_CURSOR: { status: 400, description: 'The cursor is not one this API issued.' },
	},
	acceptance: {
		scenarios: [
			{
				key: 'list-waiting',
				given: ['The organization has 3 WAITING and 2 COMPLETED expense-approval instances'],
				when: ['A member lists WAITING instances, 2 per page'],
				then: ['2 WAITING instances and a next cursor are returned'],
			},
		],
		examples: [
			{
				key: 'list-waiting-page',
				scenario: 'list-waiting',
				input: { definitionKey: 'expense-approval', status: 'WAITING', limit: 2 },
				output: { items: [{ status: 'WAITING' }, { status: 'WAITING' }] },
			},
		],
	},
});

/** Reads one instance. */
export const GetInstanceContract = defineQuery({
	meta: {
		key: 'workflow.instance.get',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'get'],
		description: 'Get a workflow instance.',
		goal: 'See where a process stands.',
		context: "Another organization's instance is NOT_FOUND.",
	},
	io: { input: InstanceRefInputModel, output: WorkflowInstanceModel },
	policy: MEMBER_POLICY,
	errors: { NOT_FOUND: notFound('instance') },
	acceptance: {
		scenarios: [
			{
				key: 'get-instance',
				given: ['Instance inst-100 is WAITING on manager-approval'],
				when: ['A member of its organization gets it'],
				then: ['The instance is returned'],
			},
			{
				key: 'get-missing-instance',
				given: ['No instance inst-999 exists in the organization'],
				when: ['A member gets inst-999'],
				then: ['The call fails with NOT_FOUND (404)'],
			},
		],
		examples: [
			{
				key: 'get',
				scenario: 'get-instance',
				input: { instanceId: 'inst-100' },
				output: { id: 'inst-100', status: 'WAITING', currentStepKey: 'manager-approval' },
			},
			{
				key: 'get-missing',
				scenario: 'get-missing-instance',
				input: { instanceId: 'inst-999' },
				error: 'NOT_FOUND',
			},
		],
	},
});

/** Lists every step an instance entered, with who and when. */
export const InstanceHistoryContract = defineQuery({
	meta: {
		key: 'workflow.instance.history',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'history'],
		description: 'Get the step history of a workflow instance.',
		goal: 'Audit how a process went: every step entered, by whose action, when.',
		context: 'Entries are in the order the steps were entered; a revisited step appears again.',
	},
	io: { input: InstanceRefInputModel, output: InstanceHistoryModel },
	policy: MEMBER_POLICY,
	errors: { NOT_FOUND: notFound('instance') },
	acceptance: {
		scenarios: [
			{
				key: 'history-after-submit',
				given: [
					'Instance inst-100 was started by user-1 at 2026-01-05T09:00:00Z and submitted at 09:30',
				],
				when: ['A member reads its history'],
				then: ['The entries are start, submit and manager-approval, in that order'],
			},
		],
		examples: [
			{
				key: 'history',
				scenario: 'history-after-submit',
				input: { instanceId: 'inst-100' },
				output: {
					instanceId: 'inst-100',
					entries: [
						{ sequence: 1, stepKey: 'start', stepType: 'START', enteredBy: 'user-1' },
						{ sequence: 2, stepKey: 'submit', stepType: 'TASK', enteredBy: 'system' },
						{
							sequence: 3,
							stepKey: 'manager-approval',
							stepType: 'APPROVAL',
							enteredBy: 'user-1',
							action: 'SUBMIT',
							enteredAt: '2026-01-05T09:30:00Z',
						},
					],
				},
			},
		],
	},
});

/** Lists what the caller may do on an instance right now. */
export const AvailableActionsContract = defineQuery({
	meta: {
		key: 'workflow.instance.actions',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance', 'actions'],
		description: 'List the actions available to the caller on a workflow instance.',
		goal: 'Let a UI or an agent offer only what will be accepted.',
		context:
			'Combines the state machine (status), the current step (its actions or approval requests) and the caller (assignee, starter, admin). A PAUSED instance offers only RESUME and CANCEL.',
	},
	io: { input: InstanceRefInputModel, output: AvailableActionsModel },
	policy: MEMBER_POLICY,
	errors: { NOT_FOUND: notFound('instance') },
	acceptance: {
		scenarios: [
			{
				key: 'actions-of-starter',
				given: ['Instance inst-100 is WAITING on the submit step, started by the caller'],
				when: ['The caller asks for available actions'],
				then: ['SUBMIT and CANCEL are offered'],
			},
		],
		examples: [
			{
				key: 'starter-actions',
				scenario: 'actions-of-starter',
				input: { instanceId: 'inst-100' },
				output: {
					instanceId: 'inst-100',
					status: 'WAITING',
					currentStepKey: 'submit',
					actions: [
						{ kind: 'TRANSITION', operation: 'workflow.instance.transition', action: 'SUBMIT' },
						{ kind: 'CANCEL', operation: 'workflow.instance.cancel' },
					],
				},
			},
		],
	},
});
