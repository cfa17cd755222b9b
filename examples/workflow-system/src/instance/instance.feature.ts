import { defineFeature } from '@charter/spec';
import { OWNERS } from '../shared/contract-parts.ts';
import * as events from './instance.events.ts';
import * as operations from './instance.operations.ts';

/** Running workflows: start, act, pause, resume, cancel, and read them back. */
export const InstancesFeature = defineFeature({
	meta: {
		key: 'workflow.instances',
		version: '1.1.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'instance'],
		description: 'Workflow instances: their lifecycle, history and available actions.',
	},
	operations: Object.values(operations),
	events: Object.values(events),
});
