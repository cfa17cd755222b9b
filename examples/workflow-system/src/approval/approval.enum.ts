import { defineEnum } from '@charter/schema';

/** A decision an approver can take on a request. */
export const ApprovalDecisionEnum = defineEnum(
	'ApprovalDecision',
	{
		APPROVE: { description: 'Approve.' },
		REJECT: { description: 'Reject.' },
		REQUEST_CHANGES: { description: 'Send back for changes to a TASK step.' },
		ABSTAIN: { description: 'Take no side: the approver leaves the count.' },
	},
	{ description: 'Decision on an approval request.' },
);

/** Lifecycle of one approval request. Every status but PENDING is final. */
export const ApprovalRequestStatusEnum = defineEnum(
	'ApprovalRequestStatus',
	{
		PENDING: { description: 'Waiting for the assignee.' },
		APPROVED: { description: 'The assignee approved.' },
		REJECTED: { description: 'The assignee rejected.' },
		CHANGES_REQUESTED: { description: 'The assignee asked for changes.' },
		ABSTAINED: { description: 'The assignee abstained.' },
		DELEGATED: { description: 'Handed on to another assignee (a new request).' },
		EXPIRED: { description: 'Not decided in time; counts as a rejection.' },
		CANCELLED: { description: 'Closed without a decision (step left or instance cancelled).' },
	},
	{ description: 'Status of an approval request.' },
);
