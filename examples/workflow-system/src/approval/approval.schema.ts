import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { ApprovalOutcomeEnum } from '../definition/definition.enum.ts';
import { WorkflowInstanceModel } from '../instance/instance.schema.ts';
import { ApprovalDecisionEnum, ApprovalRequestStatusEnum } from './approval.enum.ts';

/** One approver's request on an APPROVAL step of an instance. */
export const ApprovalRequestModel = defineSchemaModel({
	name: 'ApprovalRequest',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
		stepKey: { type: ScalarTypeEnum.String(), isOptional: false },
		organizationId: { type: ScalarTypeEnum.ID(), isOptional: false },
		assigneeId: { type: ScalarTypeEnum.ID(), isOptional: false },
		order: {
			type: ScalarTypeEnum.Int({ minimum: 0 }),
			isOptional: false,
			description: 'Turn under SEQUENTIAL (lowest first); kept by a delegate.',
		},
		status: { type: ApprovalRequestStatusEnum, isOptional: false },
		decision: { type: ApprovalDecisionEnum, isOptional: true, isNullable: true },
		decidedAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true },
		decisionComment: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
		delegatedFromId: {
			type: ScalarTypeEnum.ID(),
			isOptional: true,
			isNullable: true,
			description: 'Request this one replaces, when it came from a delegation.',
		},
		delegatedToId: {
			type: ScalarTypeEnum.ID(),
			isOptional: true,
			isNullable: true,
			description: 'Principal this request was handed to (status DELEGATED).',
		},
		escalatedAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true },
		expiresAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true },
		createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
	},
});

export const ApprovalCommentModel = defineSchemaModel({
	name: 'ApprovalComment',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		requestId: { type: ScalarTypeEnum.ID(), isOptional: false },
		authorId: { type: ScalarTypeEnum.ID(), isOptional: false },
		body: { type: ScalarTypeEnum.String({ minLength: 1, maxLength: 4000 }), isOptional: false },
		createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
	},
});

/** A request with its comments and the combined outcome of its step. */
export const ApprovalRequestDetailModel = defineSchemaModel({
	name: 'ApprovalRequestDetail',
	fields: {
		request: { type: ApprovalRequestModel, isOptional: false },
		comments: { type: ApprovalCommentModel, isArray: true, isOptional: false },
		stepOutcome: { type: ApprovalOutcomeEnum, isOptional: false },
	},
});

export const ApprovalRefInputModel = defineSchemaModel({
	name: 'ApprovalRefInput',
	fields: { requestId: { type: ScalarTypeEnum.ID(), isOptional: false } },
});

export const DecideApprovalInputModel = defineSchemaModel({
	name: 'DecideApprovalInput',
	fields: {
		requestId: { type: ScalarTypeEnum.ID(), isOptional: false },
		decision: { type: ApprovalDecisionEnum, isOptional: false },
		comment: {
			type: ScalarTypeEnum.String({ maxLength: 4000 }),
			isOptional: true,
			description: 'Why; recommended for REJECT and REQUEST_CHANGES.',
		},
	},
});

/** The decided request, the step's combined outcome and the instance afterwards. */
export const DecisionResultModel = defineSchemaModel({
	name: 'DecisionResult',
	fields: {
		request: { type: ApprovalRequestModel, isOptional: false },
		stepOutcome: { type: ApprovalOutcomeEnum, isOptional: false },
		instance: { type: WorkflowInstanceModel, isOptional: false },
	},
});

export const DelegateApprovalInputModel = defineSchemaModel({
	name: 'DelegateApprovalInput',
	fields: {
		requestId: { type: ScalarTypeEnum.ID(), isOptional: false },
		delegateToId: { type: ScalarTypeEnum.ID(), isOptional: false },
		comment: { type: ScalarTypeEnum.String({ maxLength: 4000 }), isOptional: true },
	},
});

/** The handed-on request (DELEGATED) and the delegate's new one. */
export const DelegationResultModel = defineSchemaModel({
	name: 'DelegationResult',
	fields: {
		delegated: { type: ApprovalRequestModel, isOptional: false },
		request: { type: ApprovalRequestModel, isOptional: false },
	},
});

export const CommentApprovalInputModel = defineSchemaModel({
	name: 'CommentApprovalInput',
	fields: {
		requestId: { type: ScalarTypeEnum.ID(), isOptional: false },
		body: { type: ScalarTypeEnum.String({ minLength: 1, maxLength: 4000 }), isOptional: false },
	},
});

export const ListMyApprovalsInputModel = defineSchemaModel({
	name: 'ListMyApprovalsInput',
	fields: {
		status: { type: ApprovalRequestStatusEnum, isOptional: true, default: 'PENDING' },
		limit: {
			type: ScalarTypeEnum.Int({ minimum: 1, maximum: 100 }),
			isOptional: true,
			default: 20,
		},
		cursor: { type: ScalarTypeEnum.String(), isOptional: true },
	},
});

export const ListInstanceApprovalsInputModel = defineSchemaModel({
	name: 'ListInstanceApprovalsInput',
	fields: {
		instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
		stepKey: { type: ScalarTypeEnum.String(), isOptional: true },
	},
});

export const ApprovalRequestPageModel = defineSchemaModel({
	name: 'ApprovalRequestPage',
	fields: {
		items: { type: ApprovalRequestModel, isArray: true, isOptional: false },
		nextCursor: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
	},
});
