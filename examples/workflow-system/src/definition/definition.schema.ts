import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { ApprovalModeEnum, DefinitionStatusEnum, StepTypeEnum } from './definition.enum.ts';

const StepKey = () => ScalarTypeEnum.String({ pattern: '^[a-z][a-z0-9_-]*$', maxLength: 64 });
const DefinitionKey = () =>
	ScalarTypeEnum.String({ pattern: '^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$', maxLength: 120 });

/** A way out of a step: by human action (TASK), outcome (APPROVAL) or guard (CONDITION). */
export const StepTransitionModel = defineSchemaModel({
	name: 'StepTransition',
	fields: {
		to: { type: StepKey(), isOptional: false, description: 'Key of the target step.' },
		action: {
			type: ScalarTypeEnum.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 64 }),
			isOptional: true,
			description:
				'TASK: the human action that takes this transition. APPROVAL: APPROVED, REJECTED or CHANGES_REQUESTED.',
		},
		guard: {
			type: ScalarTypeEnum.String({ maxLength: 2000 }),
			isOptional: true,
			description: 'CONDITION: a guard expression over the context, e.g. `amount > 1000`.',
		},
		isDefault: {
			type: ScalarTypeEnum.Boolean(),
			isOptional: true,
			description: 'CONDITION: taken when no guard holds. Exactly one per CONDITION step.',
		},
		label: { type: ScalarTypeEnum.String({ maxLength: 200 }), isOptional: true },
	},
});

/** Who decides an APPROVAL step and how the decisions combine. */
export const ApprovalPolicyModel = defineSchemaModel({
	name: 'ApprovalPolicy',
	fields: {
		mode: { type: ApprovalModeEnum, isOptional: true },
		approvers: {
			type: ScalarTypeEnum.ID(),
			isArray: true,
			isOptional: true,
			description: 'Principal ids, in order for SEQUENTIAL.',
		},
		escalateAfterSeconds: {
			type: ScalarTypeEnum.Int({ minimum: 1 }),
			isOptional: true,
			description: 'Pending requests older than this are escalated.',
		},
		escalateTo: {
			type: ScalarTypeEnum.ID(),
			isArray: true,
			isOptional: true,
			description: 'Principals added as approvers on escalation.',
		},
		expireAfterSeconds: {
			type: ScalarTypeEnum.Int({ minimum: 1 }),
			isOptional: true,
			description:
				'Pending requests older than this expire (an expired request counts as a rejection).',
		},
	},
});

/**
 * A step of a definition. Drafts may be incomplete: completeness is checked by
 * `workflow.definition.validate`, and only a valid draft can be published.
 */
export const WorkflowStepModel = defineSchemaModel({
	name: 'WorkflowStep',
	fields: {
		key: { type: StepKey(), isOptional: false, description: 'Unique within the definition.' },
		name: { type: ScalarTypeEnum.String({ minLength: 1, maxLength: 200 }), isOptional: false },
		type: { type: StepTypeEnum, isOptional: false },
		description: { type: ScalarTypeEnum.String({ maxLength: 2000 }), isOptional: true },
		assigneeRole: {
			type: ScalarTypeEnum.String({ maxLength: 100 }),
			isOptional: true,
			description: 'TASK: role whose members may act (empty: the starter).',
		},
		approval: { type: ApprovalPolicyModel, isOptional: true },
		waitSeconds: {
			type: ScalarTypeEnum.Int({ minimum: 1 }),
			isOptional: true,
			description: 'WAIT: how long to wait.',
		},
		timeoutSeconds: {
			type: ScalarTypeEnum.Int({ minimum: 1 }),
			isOptional: true,
			description: 'TASK or APPROVAL: the instance times out when the step lasts longer.',
		},
		transitions: { type: StepTransitionModel, isArray: true, isOptional: false },
	},
});

/** One version of a workflow definition. */
export const WorkflowDefinitionModel = defineSchemaModel({
	name: 'WorkflowDefinition',
	description: 'A versioned workflow: steps and the transitions between them.',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		key: { type: DefinitionKey(), isOptional: false, description: 'Stable key across versions.' },
		version: { type: ScalarTypeEnum.Int({ minimum: 1 }), isOptional: false },
		name: { type: ScalarTypeEnum.String({ minLength: 1, maxLength: 200 }), isOptional: false },
		description: { type: ScalarTypeEnum.String({ maxLength: 2000 }), isOptional: true },
		status: { type: DefinitionStatusEnum, isOptional: false },
		steps: { type: WorkflowStepModel, isArray: true, isOptional: false },
		organizationId: { type: ScalarTypeEnum.ID(), isOptional: false },
		createdBy: { type: ScalarTypeEnum.ID(), isOptional: false },
		createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		updatedAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		publishedAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true },
	},
});

/** A definition without its steps, for lists. */
export const WorkflowDefinitionSummaryModel = defineSchemaModel({
	name: 'WorkflowDefinitionSummary',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		key: { type: DefinitionKey(), isOptional: false },
		version: { type: ScalarTypeEnum.Int({ minimum: 1 }), isOptional: false },
		name: { type: ScalarTypeEnum.String(), isOptional: false },
		status: { type: DefinitionStatusEnum, isOptional: false },
		stepCount: { type: ScalarTypeEnum.Int({ minimum: 0 }), isOptional: false },
		updatedAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
	},
});

export const CreateDefinitionInputModel = defineSchemaModel({
	name: 'CreateDefinitionInput',
	fields: {
		key: {
			type: DefinitionKey(),
			isOptional: false,
			description: 'An existing key gets its next version as a new DRAFT.',
		},
		name: { type: ScalarTypeEnum.String({ minLength: 1, maxLength: 200 }), isOptional: false },
		description: { type: ScalarTypeEnum.String({ maxLength: 2000 }), isOptional: true },
		steps: { type: WorkflowStepModel, isArray: true, isOptional: true },
	},
});

export const UpdateDefinitionInputModel = defineSchemaModel({
	name: 'UpdateDefinitionInput',
	fields: {
		definitionId: { type: ScalarTypeEnum.ID(), isOptional: false },
		name: { type: ScalarTypeEnum.String({ minLength: 1, maxLength: 200 }), isOptional: true },
		description: {
			type: ScalarTypeEnum.String({ maxLength: 2000 }),
			isOptional: true,
			isNullable: true,
		},
	},
});

export const AddStepInputModel = defineSchemaModel({
	name: 'AddStepInput',
	fields: {
		definitionId: { type: ScalarTypeEnum.ID(), isOptional: false },
		step: { type: WorkflowStepModel, isOptional: false },
		position: {
			type: ScalarTypeEnum.Int({ minimum: 0 }),
			isOptional: true,
			description: 'Index to insert at; appended when absent.',
		},
	},
});

export const UpdateStepInputModel = defineSchemaModel({
	name: 'UpdateStepInput',
	fields: {
		definitionId: { type: ScalarTypeEnum.ID(), isOptional: false },
		stepKey: { type: StepKey(), isOptional: false, description: 'Step to replace.' },
		step: { type: WorkflowStepModel, isOptional: false, description: 'Its new content.' },
	},
});

export const RemoveStepInputModel = defineSchemaModel({
	name: 'RemoveStepInput',
	fields: {
		definitionId: { type: ScalarTypeEnum.ID(), isOptional: false },
		stepKey: { type: StepKey(), isOptional: false },
	},
});

/** Input of the commands and queries that only name a definition. */
export const DefinitionRefInputModel = defineSchemaModel({
	name: 'DefinitionRefInput',
	fields: { definitionId: { type: ScalarTypeEnum.ID(), isOptional: false } },
});

/** One reason a definition cannot be published. */
export const DefinitionIssueModel = defineSchemaModel({
	name: 'DefinitionIssue',
	fields: {
		path: {
			type: ScalarTypeEnum.String(),
			isOptional: false,
			description: 'JSON pointer into the definition, e.g. `/steps/2/transitions/0/to`.',
		},
		code: { type: ScalarTypeEnum.String(), isOptional: false },
		message: { type: ScalarTypeEnum.String(), isOptional: false },
	},
});

export const DefinitionValidationModel = defineSchemaModel({
	name: 'DefinitionValidation',
	fields: {
		definitionId: { type: ScalarTypeEnum.ID(), isOptional: false },
		valid: { type: ScalarTypeEnum.Boolean(), isOptional: false },
		issues: { type: DefinitionIssueModel, isArray: true, isOptional: false },
	},
});

export const ListDefinitionsInputModel = defineSchemaModel({
	name: 'ListDefinitionsInput',
	fields: {
		key: { type: DefinitionKey(), isOptional: true },
		status: { type: DefinitionStatusEnum, isOptional: true },
		limit: {
			type: ScalarTypeEnum.Int({ minimum: 1, maximum: 100 }),
			isOptional: true,
			default: 20,
		},
		cursor: { type: ScalarTypeEnum.String(), isOptional: true, description: 'From `nextCursor`.' },
	},
});

export const DefinitionPageModel = defineSchemaModel({
	name: 'DefinitionPage',
	fields: {
		items: { type: WorkflowDefinitionSummaryModel, isArray: true, isOptional: false },
		nextCursor: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
	},
});
