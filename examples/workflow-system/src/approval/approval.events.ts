import { defineEvent } from '@charter/spec';
import { OWNERS } from '../shared/contract-parts.ts';
import {
	ApprovalCommentModel,
	ApprovalRequestModel,
	DelegationResultModel,
} from './approval.schema.ts';

const meta = <const K extends string>(key: K, description: string, tag: string) => ({
	key,
	version: '1.0.0',
	stability: 'stable' as const,
	owners: OWNERS,
	tags: ['workflow', 'approval', tag],
	description,
});

/** An approver decided a request (the step may or may not be decided with it). */
export const ApprovalDecidedEvent = defineEvent({
	meta: meta('workflow.approval.decided', 'An approval request was decided.', 'decide'),
	payload: ApprovalRequestModel,
});

export const ApprovalDelegatedEvent = defineEvent({
	meta: meta(
		'workflow.approval.delegated',
		'An approval request was handed to another approver.',
		'delegate',
	),
	payload: DelegationResultModel,
});

export const ApprovalCommentedEvent = defineEvent({
	meta: meta(
		'workflow.approval.commented',
		'A comment was added to an approval request.',
		'comment',
	),
	payload: ApprovalCommentModel,
});

/** A pending request waited too long; the escalation approvers were added. */
export const ApprovalEscalatedEvent = defineEvent({
	meta: meta('workflow.approval.escalated', 'A pending approval request was escalated.', 'timer'),
	payload: ApprovalRequestModel,
});

/** A pending request expired; it counts as a rejection. */
export const ApprovalExpiredEvent = defineEvent({
	meta: meta('workflow.approval.expired', 'A pending approval request expired.', 'timer'),
	payload: ApprovalRequestModel,
});
