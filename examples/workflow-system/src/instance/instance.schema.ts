import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { InstanceStatusEnum } from './instance.enum.ts';

/** A running (or finished) execution of a workflow definition. */
export const WorkflowInstanceModel = defineSchemaModel({
	name: 'WorkflowInstance',
	description: 'An execution of a published workflow definition.',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false, description: 'Instance id.' },
		definitionKey: {
			type: ScalarTypeEnum.NonEmptyString(),
			isOptional: false,
			description: 'Key of the workflow definition.',
		},
		definitionVersion: {
			type: ScalarTypeEnum.Int({ minimum: 1 }),
			isOptional: false,
			description: 'Published version of the definition.',
		},
		status: { type: InstanceStatusEnum, isOptional: false },
		previousStatus: {
			type: InstanceStatusEnum,
			isOptional: true,
			isNullable: true,
			description: 'Status before the instance was paused; restored on resume.',
		},
		currentStepKey: {
			type: ScalarTypeEnum.String(),
			isOptional: true,
			isNullable: true,
			description: 'Step the instance is on.',
		},
		context: {
			type: ScalarTypeEnum.JSONObject(),
			isOptional: false,
			description: 'Data carried through the steps.',
		},
		organizationId: {
			type: ScalarTypeEnum.ID(),
			isOptional: false,
			description: 'Organization that owns the instance.',
		},
		startedBy: {
			type: ScalarTypeEnum.ID(),
			isOptional: false,
			description: 'Principal who started the instance.',
		},
		pauseReason: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
		revision: {
			type: ScalarTypeEnum.Int({ minimum: 0 }),
			isOptional: false,
			description: 'Optimistic revision, +1 per change.',
		},
		createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		updatedAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		completedAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true },
	},
});

/** Starts the latest ACTIVE version of a definition. */
export const StartWorkflowInputModel = defineSchemaModel({
	name: 'StartWorkflowInput',
	fields: {
		definitionKey: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
		context: { type: ScalarTypeEnum.JSONObject(), isOptional: true, description: 'Initial data.' },
	},
});

/** A human action on the current step. */
export const TransitionInputModel = defineSchemaModel({
	name: 'TransitionInput',
	fields: {
		instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
		action: {
			type: ScalarTypeEnum.NonEmptyString(),
			isOptional: false,
			description: 'Action offered by the current step.',
		},
		data: {
			type: ScalarTypeEnum.JSONObject(),
			isOptional: true,
			description: 'Data merged into the context.',
		},
		comment: { type: ScalarTypeEnum.String({ maxLength: 2000 }), isOptional: true },
	},
});

/** The instance after a transition, and the steps it moved between. */
export const TransitionResultModel = defineSchemaModel({
	name: 'TransitionResult',
	fields: {
		instance: { type: WorkflowInstanceModel, isOptional: false },
		fromStepKey: { type: ScalarTypeEnum.String(), isOptional: false },
		toStepKey: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
	},
});
