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
