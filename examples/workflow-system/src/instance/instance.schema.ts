import { defineSchemaModel, f } from '@charter/schema';
import { StepTypeEnum } from '../definition/definition.enum.ts';
import { InstanceActionKindEnum, InstanceStatusEnum } from './instance.enum.ts';

/** A running (or finished) execution of a workflow definition. */
export const WorkflowInstanceModel = defineSchemaModel({
	name: 'WorkflowInstance',
	description: 'An execution of a published workflow definition.',
	fields: {
		id: f.id().describe('Instance id.'),
		definitionKey: f.nonEmptyString().describe('Key of the workflow definition.'),
		definitionVersion: f.int({ minimum: 1 }).describe('Published version of the definition.'),
		status: f.ref(InstanceStatusEnum),
		previousStatus: f
			.ref(InstanceStatusEnum)
			.optional()
			.nullable()
			.describe('Status before the instance was paused; restored on resume.'),
		currentStepKey: f.string().optional().nullable().describe('Step the instance is on.'),
		context: f.jsonObject().describe('Data carried through the steps.'),
		organizationId: f.id().describe('Organization that owns the instance.'),
		startedBy: f.id().describe('Principal who started the instance.'),
		pauseReason: f.string().optional().nullable(),
		revision: f.int({ minimum: 0 }).describe('Optimistic revision, +1 per change.'),
		createdAt: f.dateTime(),
		updatedAt: f.dateTime(),
		completedAt: f.dateTime().optional().nullable(),
	},
});

/** Starts the latest ACTIVE version of a definition. */
export const StartWorkflowInputModel = defineSchemaModel({
	name: 'StartWorkflowInput',
	fields: {
		definitionKey: f.nonEmptyString(),
		context: f.jsonObject().optional().describe('Initial data.'),
	},
});

/** A human action on the current step. */
export const TransitionInputModel = defineSchemaModel({
	name: 'TransitionInput',
	fields: {
		instanceId: f.id(),
		action: f.nonEmptyString().describe('Action offered by the current step.'),
		data: f.jsonObject().optional().describe('Data merged into the context.'),
		comment: f.string({ maxLength: 2000 }).optional(),
	},
});

/** The instance after a transition, and the steps it moved between. */
export const TransitionResultModel = defineSchemaModel({
	name: 'TransitionResult',
	fields: {
		instance: f.ref(WorkflowInstanceModel),
		fromStepKey: f.string(),
		toStepKey: f.string().optional().nullable(),
	},
});

/** Input of the commands and queries that only name an instance. */
export const InstanceRefInputModel = defineSchemaModel({
	name: 'InstanceRefInput',
	fields: { instanceId: f.id() },
});

export const CancelInstanceInputModel = defineSchemaModel({
	name: 'CancelInstanceInput',
	fields: {
		instanceId: f.id(),
		reason: f.string({ maxLength: 2000 }).optional(),
	},
});

export const ListInstancesInputModel = defineSchemaModel({
	name: 'ListInstancesInput',
	fields: {
		definitionKey: f.nonEmptyString().optional(),
		status: f.ref(InstanceStatusEnum).optional(),
		startedBy: f.id().optional(),
		currentStepKey: f.string().optional(),
		limit: f.int({ minimum: 1, maximum: 100 }).withDefault(20),
		cursor: f.string().optional().describe('From `nextCursor`.'),
	},
});

export const InstancePageModel = defineSchemaModel({
	name: 'InstancePage',
	fields: {
		items: f.ref(WorkflowInstanceModel).array(),
		nextCursor: f.string().optional().nullable(),
	},
});

/** One step the instance entered: which, by whose action, when, and when it was left. */
export const HistoryEntryModel = defineSchemaModel({
	name: 'HistoryEntry',
	fields: {
		sequence: f.int({ minimum: 1 }),
		stepKey: f.string(),
		stepType: f.ref(StepTypeEnum),
		enteredAt: f.dateTime(),
		enteredBy: f
			.id()
			.describe('Principal whose action entered the step; `system` for the engine and timers.'),
		action: f.string().optional().nullable().describe('Action or approval outcome that led here.'),
		comment: f.string().optional().nullable(),
		leftAt: f.dateTime().optional().nullable(),
	},
});

export const InstanceHistoryModel = defineSchemaModel({
	name: 'InstanceHistory',
	fields: {
		instanceId: f.id(),
		entries: f.ref(HistoryEntryModel).array(),
	},
});

export const AvailableActionModel = defineSchemaModel({
	name: 'AvailableAction',
	fields: {
		kind: f.ref(InstanceActionKindEnum),
		operation: f.string().describe('Key of the contract that performs it.'),
		action: f.string().optional().describe('TRANSITION: the action name to send.'),
		approvalRequestId: f.id().optional().describe('DECIDE: your request to decide.'),
		label: f.string().optional(),
	},
});

export const AvailableActionsModel = defineSchemaModel({
	name: 'AvailableActions',
	fields: {
		instanceId: f.id(),
		status: f.ref(InstanceStatusEnum),
		currentStepKey: f.string().optional().nullable(),
		actions: f.ref(AvailableActionModel).array(),
	},
});
