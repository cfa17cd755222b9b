import { defineFeature } from '@charter/spec';
import { OWNERS } from '../shared/contract-parts.ts';
import * as events from './approval.events.ts';
import * as operations from './approval.operations.ts';

/** Approvals: decisions, delegation, comments and inboxes. */
export const ApprovalsFeature = defineFeature({
	meta: {
		key: 'workflow.approvals',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'approval'],
		description:
			'Approval requests of APPROVAL steps and their modes (ANY, ALL, MAJORITY, SEQUENTIAL).',
	},
	operations: Object.values(operations),
	events: Object.values(events),
});
