import { defineEnum } from '@charter/schema';

/** Lifecycle of a workflow instance. COMPLETED, CANCELLED, FAILED and TIMEOUT are terminal. */
export const InstanceStatusEnum = defineEnum(
	'InstanceStatus',
	{
		PENDING: { description: 'Created, not started yet.' },
		RUNNING: { description: 'Executing its current step.' },
		WAITING: { description: 'Waiting for a human action, an approval or a timer.' },
		PAUSED: { description: 'Halted by an administrator; resume restores the previous status.' },
		COMPLETED: { description: 'Reached an END step.' },
		CANCELLED: { description: 'Stopped before completion by an administrator or its starter.' },
		FAILED: { description: 'Stopped by an unrecoverable error.' },
		TIMEOUT: { description: 'A step or approval expired.' },
	},
	{ description: 'Lifecycle status of a workflow instance.' },
);

/** What the caller can do on an instance right now (`workflow.instance.actions`). */
export const InstanceActionKindEnum = defineEnum(
	'InstanceActionKind',
	{
		TRANSITION: { description: 'A human action of the current TASK step.' },
		DECIDE: { description: 'A decision on one of your approval requests.' },
		PAUSE: { description: 'Pause the instance (administrators).' },
		RESUME: { description: 'Resume the instance (administrators).' },
		CANCEL: { description: 'Cancel the instance (administrators or its starter).' },
	},
	{ description: 'Kind of action available on an instance.' },
);
