import { defineFeature } from '@charter/spec';
import { OWNERS } from '../shared/contract-parts.ts';
import * as operations from './timer.operations.ts';

/** Timers: WAIT steps, step timeouts, approval escalation and expiry, fired by a sweep. */
export const TimersFeature = defineFeature({
	meta: {
		key: 'workflow.timers',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'timer'],
		description: 'Time-driven behaviour of workflow instances, fired by workflow.timer.sweep.',
	},
	operations: Object.values(operations),
});
