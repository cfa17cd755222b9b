import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { StepTypeEnum } from '../definition/definition.enum.ts';
import { InstanceActionKindEnum, InstanceStatusEnum } from './instance.enum.ts';

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

/** Input of the commands and queries that only name an instance. */
export const InstanceRefInputModel = defineSchemaModel({
	name: 'InstanceRefInput',
	fields: { instanceId: { type: ScalarTypeEnum.ID(), isOptional: false } },
});

export const CancelInstanceInputModel = defineSchemaModel({
	name: 'CancelInstanceInput',
	fields: {
		instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
		reason: { type: ScalarTypeEnum.String({ maxLength: 2000 }), isOptional: true },
	},
});

export const ListInstancesInputModel = defineSchemaModel({
	name: 'ListInstancesInput',
	fields: {
		definitionKey: { type: ScalarTypeEnum.NonEmptyString(), isOptional: true },
		status: { type: InstanceStatusEnum, isOptional: true },
		startedBy: { type: ScalarTypeEnum.ID(), isOptional: true },
		currentStepKey: { type: ScalarTypeEnum.String(), isOptional: true },
		limit: {
			type: ScalarTypeEnum.Int({ minimum: 1, maximum: 100 }),
			isOptional: true,
			default: 20,
		},
		cursor: { type: ScalarTypeEnum.String(), isOptional: true, description: 'From `nextCursor`.' },
	},
});

export const InstancePageModel = defineSchemaModel({
	name: 'InstancePage',
	fields: {
		items: { type: WorkflowInstanceModel, isArray: true, isOptional: false },
		nextCursor: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
	},
});

/** One step the instance entered: which, by whose action, when, and when it was left. */
export const HistoryEntryModel = defineSchemaModel({
	name: 'HistoryEntry',
	fields: {
		sequence: { type: ScalarTypeEnum.Int({ minimum: 1 }), isOptional: false },
		stepKey: { type: ScalarTypeEnum.String(), isOptional: false },
		stepType: { type: StepTypeEnum, isOptional: false },
		enteredAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		enteredBy: {
			type: ScalarTypeEnum.ID(),
			isOptional: false,
			description: 'Principal whose action entered the step; `system` for the engine and timers.',
		},
		action: {
			type: ScalarTypeEnum.String(),
			isOptional: true,
			isNullable: true,
			description: 'Action or approval outcome that led here.',
		},
		comment: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
		leftAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true },
	},
});

export const InstanceHistoryModel = defineSchemaModel({
	name: 'InstanceHistory',
	fields: {
		instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
		entries: { type: HistoryEntryModel, isArray: true, isOptional: false },
	},
});

export const AvailableActionModel = defineSchemaModel({
	name: 'AvailableAction',
	fields: {
		kind: { type: InstanceActionKindEnum, isOptional: false },
		operation: {
			type: ScalarTypeEnum.String(),
			isOptional: false,
			description: 'Key of the contract that performs it.',
		},
		action: {
			type: ScalarTypeEnum.String(),
			isOptional: true,
			description: 'TRANSITION: the action name to send.',
		},
		approvalRequestId: {
			type: ScalarTypeEnum.ID(),
			isOptional: true,
			description: 'DECIDE: your request to decide.',
		},
		label: { type: ScalarTypeEnum.String(), isOptional: true },
	},
});

export const AvailableActionsModel = defineSchemaModel({
	name: 'AvailableActions',
	fields: {
		instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
		status: { type: InstanceStatusEnum, isOptional: false },
		currentStepKey: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
		actions: { type: AvailableActionModel, isArray: true, isOptional: false },
	},
});
