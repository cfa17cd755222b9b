import { defineCommand, defineQuery } from '@charter/spec';
import {
	InstanceCompletedEvent,
	InstanceFailedEvent,
	InstanceTransitionedEvent,
} from '../instance/instance.events.ts';
import { invalidState, MEMBER_POLICY, notFound, OWNERS } from '../shared/contract-parts.ts';
import {
	ApprovalCommentedEvent,
	ApprovalDecidedEvent,
	ApprovalDelegatedEvent,
} from './approval.events.ts';
import {
	ApprovalCommentModel,
	ApprovalRefInputModel,
	ApprovalRequestDetailModel,
	ApprovalRequestPageModel,
	CommentApprovalInputModel,
	DecideApprovalInputModel,
	DecisionResultModel,
	DelegateApprovalInputModel,
	DelegationResultModel,
	ListInstanceApprovalsInputModel,
	ListMyApprovalsInputModel,
} from './approval.schema.ts';

const meta = (
	key: string,
	tags: string[],
	text: { description: string; goal: string; context: string },
) => ({
	key,
	version: '1.0.0',
	stability: 'stable' as const,
	owners: OWNERS,
	tags: ['workflow', 'approval', ...tags],
	...text,
});

const REQUEST_NOT_FOUND = notFound('approval request');
const ASSIGNEE_POLICY = { ...MEMBER_POLICY, rules: ['approval-assignee'] };
const PENDING_GIVEN =
	'Instance inst-100 is WAITING on manager-approval (mode ANY); request apr-1 of user-manager-1 is PENDING';

/** Decides an approval request; the step's outcome follows its mode. */
export const DecideApprovalContract = defineCommand({
	meta: meta('workflow.approval.decide', ['decide'], {
		description: 'Approve, reject, request changes on, or abstain from an approval request.',
		goal: 'Let approvers move a process forward or stop it.',
		context:
			'Only the assignee decides, only on requests of the current step, once (a decided request is final). The step outcome follows the mode (ANY, ALL, MAJORITY, SEQUENTIAL; an abstention leaves the count). APPROVED and REJECTED follow the matching transition; CHANGES_REQUESTED goes back to a TASK step. Refused with INVALID_STATE while the instance is PAUSED or finished.',
	}),
	io: { input: DecideApprovalInputModel, output: DecisionResultModel },
	policy: ASSIGNEE_POLICY,
	errors: {
		NOT_FOUND: REQUEST_NOT_FOUND,
		INVALID_STATE: invalidState(
			'The instance is not RUNNING or WAITING, or the request is not of its current step.',
		),
		ALREADY_DECIDED: {
			status: 409,
			description: 'The request was already decided, delegated or expired.',
		},
		NOT_YOUR_TURN: {
			status: 409,
			description: 'SEQUENTIAL mode: an earlier approver has not decided yet.',
		},
	},
	sideEffects: {
		emits: [
			ApprovalDecidedEvent,
			InstanceTransitionedEvent,
			InstanceCompletedEvent,
			InstanceFailedEvent,
		],
		audit: ['workflow.approval.decided'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'manager-approves-large',
				given: [PENDING_GIVEN, 'The context amount is 1500'],
				when: ['user-manager-1 approves apr-1'],
				then: [
					'The step outcome is APPROVED',
					'The instance is WAITING on finance-approval (amount > 1000)',
				],
			},
			{
				key: 'manager-requests-changes',
				given: [PENDING_GIVEN],
				when: ['user-manager-1 requests changes on apr-1'],
				then: [
					'The step outcome is CHANGES_REQUESTED',
					'The instance is WAITING on the submit task',
				],
			},
			{
				key: 'decide-twice',
				given: ['Request apr-2 of inst-100 was already APPROVED'],
				when: ['Its assignee rejects apr-2'],
				then: ['The call fails with ALREADY_DECIDED (409)'],
			},
			{
				key: 'decide-paused',
				given: ['Instance inst-101 is PAUSED on manager-approval; request apr-3 is PENDING'],
				when: ['Its assignee approves apr-3'],
				then: ['The call fails with INVALID_STATE (409)'],
			},
		],
		examples: [
			{
				key: 'approve',
				scenario: 'manager-approves-large',
				input: { requestId: 'apr-1', decision: 'APPROVE' },
				output: {
					request: { id: 'apr-1', status: 'APPROVED', decision: 'APPROVE' },
					stepOutcome: 'APPROVED',
					instance: { id: 'inst-100', status: 'WAITING', currentStepKey: 'finance-approval' },
				},
			},
			{
				key: 'request-changes',
				scenario: 'manager-requests-changes',
				input: { requestId: 'apr-1', decision: 'REQUEST_CHANGES', comment: 'Attach the receipt.' },
				output: {
					request: { id: 'apr-1', status: 'CHANGES_REQUESTED' },
					stepOutcome: 'CHANGES_REQUESTED',
					instance: { id: 'inst-100', currentStepKey: 'submit' },
				},
			},
			{
				key: 'decided-request',
				scenario: 'decide-twice',
				input: { requestId: 'apr-2', decision: 'REJECT' },
				error: 'ALREADY_DECIDED',
			},
			{
				key: 'paused-instance',
				scenario: 'decide-paused',
				input: { requestId: 'apr-3', decision: 'APPROVE' },
				error: 'INVALID_STATE',
			},
		],
	},
});

/** Hands a pending request to another approver. */
export const DelegateApprovalContract = defineCommand({
	meta: meta('workflow.approval.delegate', ['delegate'], {
		description: 'Delegate a pending approval request to another person.',
		goal: 'Keep approvals moving when the approver is away.',
		context:
			'The assignee hands the request on: it becomes DELEGATED and a new PENDING request, same step and order, goes to the delegate.',
	}),
	io: { input: DelegateApprovalInputModel, output: DelegationResultModel },
	policy: ASSIGNEE_POLICY,
	errors: {
		NOT_FOUND: REQUEST_NOT_FOUND,
		INVALID_STATE: invalidState('The instance is not RUNNING or WAITING.'),
		ALREADY_DECIDED: { status: 409, description: 'Only a PENDING request can be delegated.' },
		INVALID_DELEGATE: {
			status: 422,
			description:
				'The delegate is the assignee, already holds a request of this step, started the instance (no self-approval), or is not a member of the organization.',
		},
	},
	sideEffects: { emits: [ApprovalDelegatedEvent], audit: ['workflow.approval.delegated'] },
	acceptance: {
		scenarios: [
			{
				key: 'delegate-to-deputy',
				given: [PENDING_GIVEN],
				when: ['user-manager-1 delegates apr-1 to user-deputy-1'],
				then: ['apr-1 is DELEGATED', 'user-deputy-1 has a new PENDING request of the same step'],
			},
		],
		examples: [
			{
				key: 'delegate',
				scenario: 'delegate-to-deputy',
				input: {
					requestId: 'apr-1',
					delegateToId: 'user-deputy-1',
					comment: 'On leave this week.',
				},
				output: {
					delegated: { id: 'apr-1', status: 'DELEGATED', delegatedToId: 'user-deputy-1' },
					request: {
						assigneeId: 'user-deputy-1',
						status: 'PENDING',
						stepKey: 'manager-approval',
						delegatedFromId: 'apr-1',
					},
				},
			},
		],
	},
});

/** Comments on a request. */
export const CommentApprovalContract = defineCommand({
	meta: meta('workflow.approval.comment', ['comment'], {
		description: 'Comment on an approval request.',
		goal: 'Discuss a request before deciding.',
		context:
			'Open to the assignee and to members who can see the instance; allowed whatever the request status.',
	}),
	io: { input: CommentApprovalInputModel, output: ApprovalCommentModel },
	policy: MEMBER_POLICY,
	errors: { NOT_FOUND: REQUEST_NOT_FOUND },
	sideEffects: { emits: [ApprovalCommentedEvent], audit: ['workflow.approval.commented'] },
	acceptance: {
		scenarios: [
			{
				key: 'comment-on-request',
				given: [PENDING_GIVEN],
				when: ['user-manager-1 comments "Which project is this for?"'],
				then: ['The comment is stored with its author and time'],
			},
		],
		examples: [
			{
				key: 'comment',
				scenario: 'comment-on-request',
				input: { requestId: 'apr-1', body: 'Which project is this for?' },
				output: {
					requestId: 'apr-1',
					authorId: 'user-manager-1',
					body: 'Which project is this for?',
				},
			},
		],
	},
});

/** Lists the caller's approval requests. */
export const ListMyApprovalsContract = defineQuery({
	meta: meta('workflow.approval.list-mine', ['list'], {
		description: 'List the approval requests assigned to me.',
		goal: 'Give approvers their inbox.',
		context: 'PENDING by default, oldest first, with cursor pagination.',
	}),
	io: { input: ListMyApprovalsInputModel, output: ApprovalRequestPageModel },
	policy: MEMBER_POLICY,
	errors: {
		INVALID_CURSOR: { status: 400, description: 'The cursor is not one this API issued.' },
	},
	acceptance: {
		scenarios: [
			{
				key: 'manager-inbox',
				given: [PENDING_GIVEN],
				when: ['user-manager-1 lists their approvals'],
				then: ['apr-1 is listed'],
			},
		],
		examples: [
			{
				key: 'inbox',
				scenario: 'manager-inbox',
				input: {},
				output: { items: [{ id: 'apr-1', assigneeId: 'user-manager-1', status: 'PENDING' }] },
			},
		],
	},
});

/** Lists the approval requests of an instance. */
export const ListInstanceApprovalsContract = defineQuery({
	meta: meta('workflow.approval.list-for-instance', ['list'], {
		description: 'List the approval requests of a workflow instance.',
		goal: 'Show who was asked, who decided what, and who is still pending.',
		context: 'All steps by default, in creation order; filter by step key.',
	}),
	io: { input: ListInstanceApprovalsInputModel, output: ApprovalRequestPageModel },
	policy: MEMBER_POLICY,
	errors: { NOT_FOUND: notFound('instance') },
	acceptance: {
		scenarios: [
			{
				key: 'instance-approvals',
				given: [PENDING_GIVEN],
				when: ['A member lists the approvals of inst-100'],
				then: ['apr-1 is listed as PENDING'],
			},
		],
		examples: [
			{
				key: 'for-instance',
				scenario: 'instance-approvals',
				input: { instanceId: 'inst-100', stepKey: 'manager-approval' },
				output: { items: [{ id: 'apr-1', instanceId: 'inst-100', status: 'PENDING' }] },
			},
		],
	},
});

/** Reads one request with its comments. */
export const GetApprovalContract = defineQuery({
	meta: meta('workflow.approval.get', ['get'], {
		description: 'Get an approval request with its comments and its step outcome.',
		goal: 'See everything needed to decide.',
		context: "Another organization's request is NOT_FOUND.",
	}),
	io: { input: ApprovalRefInputModel, output: ApprovalRequestDetailModel },
	policy: MEMBER_POLICY,
	errors: { NOT_FOUND: REQUEST_NOT_FOUND },
	acceptance: {
		scenarios: [
			{
				key: 'get-request',
				given: [PENDING_GIVEN],
				when: ['user-manager-1 gets apr-1'],
				then: ['The request, its comments and the PENDING step outcome are returned'],
			},
		],
		examples: [
			{
				key: 'get',
				scenario: 'get-request',
				input: { requestId: 'apr-1' },
				output: {
					request: { id: 'apr-1', status: 'PENDING' },
					comments: [],
					stepOutcome: 'PENDING',
				},
			},
		],
	},
});
