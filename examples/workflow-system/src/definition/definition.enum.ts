import { defineEnum } from '@charter/schema';

/** Lifecycle of a workflow definition version. Only a DRAFT can be edited. */
export const DefinitionStatusEnum = defineEnum(
	'DefinitionStatus',
	{
		DRAFT: { description: 'Being edited; can be validated and published.' },
		ACTIVE: { description: 'Published and immutable; new instances start from it.' },
		DEPRECATED: { description: 'Still runs its instances; no new instance starts from it.' },
		ARCHIVED: { description: 'Retired; kept for history only.' },
	},
	{ description: 'Lifecycle status of a workflow definition version.' },
);

/** Kinds of step a definition is made of. */
export const StepTypeEnum = defineEnum(
	'StepType',
	{
		START: { description: 'Entry point; exactly one per definition.' },
		TASK: { description: 'Waits for a human action, one transition per action.' },
		APPROVAL: { description: 'Collects approval decisions according to a mode.' },
		CONDITION: { description: 'Chooses a transition by guard expressions, with a default.' },
		WAIT: { description: 'Waits for a duration, then continues.' },
		END: { description: 'Completes the instance.' },
	},
	{ description: 'Kind of a workflow step.' },
);

/** How the approvals of an APPROVAL step combine into an outcome. */
export const ApprovalModeEnum = defineEnum(
	'ApprovalMode',
	{
		ANY: { description: 'One approval suffices.' },
		ALL: { description: 'Every non-abstaining approver must approve.' },
		MAJORITY: { description: 'More than half of the non-abstaining approvers approve.' },
		SEQUENTIAL: { description: 'Approvers decide one after another, in order.' },
	},
	{ description: 'How the decisions of an APPROVAL step combine.' },
);

/** Outcome of an APPROVAL step, used as the action of its transitions. */
export const ApprovalOutcomeEnum = defineEnum(
	'ApprovalOutcome',
	{
		PENDING: { description: 'Not decided yet.' },
		APPROVED: { description: 'The step is approved.' },
		REJECTED: { description: 'The step is rejected.' },
		CHANGES_REQUESTED: { description: 'Sent back to a TASK step for changes.' },
	},
	{ description: 'Combined outcome of an APPROVAL step.' },
);
