import { defineSchemaModel, f } from '@charter/schema';
import { ApprovalModeEnum, DefinitionStatusEnum, StepTypeEnum } from './definition.enum.ts';

const stepKey = () => f.string({ pattern: '^[a-z][a-z0-9_-]*$', maxLength: 64 });
const definitionKey = () =>
	f.string({ pattern: '^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$', maxLength: 120 });

/** A way out of a step: by human action (TASK), outcome (APPROVAL) or guard (CONDITION). */
export const StepTransitionModel = defineSchemaModel({
	name: 'StepTransition',
	fields: {
		to: stepKey().describe('Key of the target step.'),
		action: f
			.string({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 64 })
			.optional()
			.describe(
				'TASK: the human action that takes this transition. APPROVAL: APPROVED, REJECTED or CHANGES_REQUESTED.',
			),
		guard: f
			.string({ maxLength: 2000 })
			.optional()
			.describe('CONDITION: a guard expression over the context, e.g. `amount > 1000`.'),
		isDefault: f
			.boolean()
			.optional()
			.describe('CONDITION: taken when no guard holds. Exactly one per CONDITION step.'),
		label: f.string({ maxLength: 200 }).optional(),
	},
});

/** Who decides an APPROVAL step and how the decisions combine. */
export const ApprovalPolicyModel = defineSchemaModel({
	name: 'ApprovalPolicy',
	fields: {
		mode: f.ref(ApprovalModeEnum).optional(),
		approvers: f.id().array().optional().describe('Principal ids, in order for SEQUENTIAL.'),
		escalateAfterSeconds: f
			.int({ minimum: 1 })
			.optional()
			.describe('Pending requests older than this are escalated.'),
		escalateTo: f.id().array().optional().describe('Principals added as approvers on escalation.'),
		expireAfterSeconds: f
			.int({ minimum: 1 })
			.optional()
			.describe(
				'Pending requests older than this expire (an expired request counts as a rejection).',
			),
	},
});

/**
 * A step of a definition. Drafts may be incomplete: completeness is checked by
 * `workflow.definition.validate`, and only a valid draft can be published.
 */
export const WorkflowStepModel = defineSchemaModel({
	name: 'WorkflowStep',
	fields: {
		key: stepKey().describe('Unique within the definition.'),
		name: f.string({ minLength: 1, maxLength: 200 }),
		type: f.ref(StepTypeEnum),
		description: f.string({ maxLength: 2000 }).optional(),
		assigneeRole: f
			.string({ maxLength: 100 })
			.optional()
			.describe('TASK: role whose members may act (empty: the starter).'),
		approval: f.ref(ApprovalPolicyModel).optional(),
		waitSeconds: f.int({ minimum: 1 }).optional().describe('WAIT: how long to wait.'),
		timeoutSeconds: f
			.int({ minimum: 1 })
			.optional()
			.describe('TASK or APPROVAL: the instance times out when the step lasts longer.'),
		transitions: f.ref(StepTransitionModel).array(),
	},
});

/** One version of a workflow definition. */
export const WorkflowDefinitionModel = defineSchemaModel({
	name: 'WorkflowDefinition',
	description: 'A versioned workflow: steps and the transitions between them.',
	fields: {
		id: f.id(),
		key: definitionKey().describe('Stable key across versions.'),
		version: f.int({ minimum: 1 }),
		name: f.string({ minLength: 1, maxLength: 200 }),
		description: f.string({ maxLength: 2000 }).optional(),
		status: f.ref(DefinitionStatusEnum),
		steps: f.ref(WorkflowStepModel).array(),
		organizationId: f.id(),
		createdBy: f.id(),
		createdAt: f.dateTime(),
		updatedAt: f.dateTime(),
		publishedAt: f.dateTime().optional().nullable(),
	},
});

/** A definition without its steps, for lists. */
export const WorkflowDefinitionSummaryModel = defineSchemaModel({
	name: 'WorkflowDefinitionSummary',
	fields: {
		id: f.id(),
		key: definitionKey(),
		version: f.int({ minimum: 1 }),
		name: f.string(),
		status: f.ref(DefinitionStatusEnum),
		stepCount: f.int({ minimum: 0 }),
		updatedAt: f.dateTime(),
	},
});

export const CreateDefinitionInputModel = defineSchemaModel({
	name: 'CreateDefinitionInput',
	fields: {
		key: definitionKey().describe('An existing key gets its next version as a new DRAFT.'),
		name: f.string({ minLength: 1, maxLength: 200 }),
		description: f.string({ maxLength: 2000 }).optional(),
		steps: f.ref(WorkflowStepModel).array().optional(),
	},
});

export const UpdateDefinitionInputModel = defineSchemaModel({
	name: 'UpdateDefinitionInput',
	fields: {
		definitionId: f.id(),
		name: f.string({ minLength: 1, maxLength: 200 }).optional(),
		description: f.string({ maxLength: 2000 }).optional().nullable(),
	},
});

export const AddStepInputModel = defineSchemaModel({
	name: 'AddStepInput',
	fields: {
		definitionId: f.id(),
		step: f.ref(WorkflowStepModel),
		position: f
			.int({ minimum: 0 })
			.optional()
			.describe('Index to insert at; appended when absent.'),
	},
});

export const UpdateStepInputModel = defineSchemaModel({
	name: 'UpdateStepInput',
	fields: {
		definitionId: f.id(),
		stepKey: stepKey().describe('Step to replace.'),
		step: f.ref(WorkflowStepModel).describe('Its new content.'),
	},
});

export const RemoveStepInputModel = defineSchemaModel({
	name: 'RemoveStepInput',
	fields: {
		definitionId: f.id(),
		stepKey: stepKey(),
	},
});

/** Input of the commands and queries that only name a definition. */
export const DefinitionRefInputModel = defineSchemaModel({
	name: 'DefinitionRefInput',
	fields: { definitionId: f.id() },
});

/** One reason a definition cannot be published. */
export const DefinitionIssueModel = defineSchemaModel({
	name: 'DefinitionIssue',
	fields: {
		path: f
			.string()
			.describe('JSON pointer into the definition, e.g. `/steps/2/transitions/0/to`.'),
		code: f.string(),
		message: f.string(),
	},
});

export const DefinitionValidationModel = defineSchemaModel({
	name: 'DefinitionValidation',
	fields: {
		definitionId: f.id(),
		valid: f.boolean(),
		issues: f.ref(DefinitionIssueModel).array(),
	},
});

export const ListDefinitionsInputModel = defineSchemaModel({
	name: 'ListDefinitionsInput',
	fields: {
		key: definitionKey().optional(),
		status: f.ref(DefinitionStatusEnum).optional(),
		limit: f.int({ minimum: 1, maximum: 100 }).withDefault(20),
		cursor: f.string().optional().describe('From `nextCursor`.'),
	},
});

export const DefinitionPageModel = defineSchemaModel({
	name: 'DefinitionPage',
	fields: {
		items: f.ref(WorkflowDefinitionSummaryModel).array(),
		nextCursor: f.string().optional().nullable(),
	},
});
