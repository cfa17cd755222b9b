import { defineFeature } from '@charter/spec';
import { OWNERS } from '../shared/contract-parts.ts';
import * as events from './definition.events.ts';
import * as operations from './definition.operations.ts';

/** Designing workflows: drafts, steps, validation and the publication lifecycle. */
export const DefinitionsFeature = defineFeature({
	meta: {
		key: 'workflow.definitions',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'definition'],
		description:
			'Workflow definitions: DRAFT, ACTIVE, DEPRECATED, ARCHIVED versions and their steps.',
	},
	operations: Object.values(operations),
	events: Object.values(events),
});
