import { defineEvent } from '@charter/spec';
import { OWNERS } from '../shared/contract-parts.ts';
import { WorkflowDefinitionModel } from './definition.schema.ts';

const definitionEvent = <const K extends string>(key: K, description: string, tag: string) =>
	defineEvent({
		meta: {
			key,
			version: '1.0.0',
			stability: 'stable',
			owners: OWNERS,
			tags: ['workflow', 'definition', tag],
			description,
		},
		payload: WorkflowDefinitionModel,
	});

/** A definition version was created as a DRAFT. */
export const DefinitionCreatedEvent = definitionEvent(
	'workflow.definition.created',
	'A workflow definition version was created as a DRAFT.',
	'create',
);

/** The name or description of a DRAFT changed. */
export const DefinitionUpdatedEvent = definitionEvent(
	'workflow.definition.updated',
	'The name or description of a DRAFT definition changed.',
	'update',
);

export const DefinitionStepAddedEvent = definitionEvent(
	'workflow.definition.step-added',
	'A step was added to a DRAFT definition.',
	'step',
);

export const DefinitionStepUpdatedEvent = definitionEvent(
	'workflow.definition.step-updated',
	'A step of a DRAFT definition was replaced.',
	'step',
);

export const DefinitionStepRemovedEvent = definitionEvent(
	'workflow.definition.step-removed',
	'A step was removed from a DRAFT definition.',
	'step',
);

/** A valid DRAFT became ACTIVE; new instances of its key start from it. */
export const DefinitionPublishedEvent = definitionEvent(
	'workflow.definition.published',
	'A workflow definition version was published (DRAFT to ACTIVE).',
	'publish',
);

export const DefinitionDeprecatedEvent = definitionEvent(
	'workflow.definition.deprecated',
	'A workflow definition version was deprecated: no new instance starts from it.',
	'deprecate',
);

export const DefinitionArchivedEvent = definitionEvent(
	'workflow.definition.archived',
	'A workflow definition version was archived.',
	'archive',
);
