import { defineSchemaModel, f } from '@charter/schema';
import { ApprovalOutcomeEnum } from '../definition/definition.enum.ts';
import { WorkflowInstanceModel } from '../instance/instance.schema.ts';
import { ApprovalDecisionEnum, ApprovalRequestStatusEnum } from './approval.enum.ts';

/** One approver's request on an APPROVAL step of an instance. */
export const ApprovalRequestModel = defineSchemaModel({
	name: 'ApprovalRequest',
	fields: {
		id: f.id(),
		instanceId: f.id(),
		stepKey: f.string(),
		organizationId: f.id(),
		assigneeId: f.id(),
		order: f
			.int({ minimum: 0 })
			.describe('Turn under SEQUENTIAL (lowest first); kept by a delegate.'),
		status: f.ref(ApprovalRequestStatusEnum),
		decision: f.ref(ApprovalDecisionEnum).optional().nullable(),
		decidedAt: f.dateTime().optional().nullable(),
		decisionComment: f.string().optional().nullable(),
		delegatedFromId: f
			.id()
			.optional()
			.nullable()
			.describe('Request this one replaces, when it came from a delegation.'),
		delegatedToId: f
			.id()
			.optional()
			.nullable()
			.describe('Principal this request was handed to (status DELEGATED).'),
		escalatedAt: f.dateTime().optional().nullable(),
		expiresAt: f.dateTime().optional().nullable(),
		createdAt: f.dateTime(),
	},
});

export const ApprovalCommentModel = defineSchemaModel({
	name: 'ApprovalComment',
	fields: {
		id: f.id(),
		requestId: f.id(),
		authorId: f.id(),
		body: f.string({ minLength: 1, maxLength: 4000 }),
		createdAt: f.dateTime(),
	},
});

/** A request with its comments and the combined outcome of its step. */
export const ApprovalRequestDetailModel = defineSchemaModel({
	name: 'ApprovalRequestDetail',
	fields: {
		request: f.ref(ApprovalRequestModel),
		comments: f.ref(ApprovalCommentModel).array(),
		stepOutcome: f.ref(ApprovalOutcomeEnum),
	},
});

export const ApprovalRefInputModel = defineSchemaModel({
	name: 'ApprovalRefInput',
	fields: { requestId: f.id() },
});

export const DecideApprovalInputModel = defineSchemaModel({
	name: 'DecideApprovalInput',
	fields: {
		requestId: f.id(),
		decision: f.ref(ApprovalDecisionEnum),
		comment: f
			.string({ maxLength: 4000 })
			.optional()
			.describe('Why; recommended for REJECT and REQUEST_CHANGES.'),
	},
});

/** The decided request, the step's combined outcome and the instance afterwards. */
export const DecisionResultModel = defineSchemaModel({
	name: 'DecisionResult',
	fields: {
		request: f.ref(ApprovalRequestModel),
		stepOutcome: f.ref(ApprovalOutcomeEnum),
		instance: f.ref(WorkflowInstanceModel),
	},
});

export const DelegateApprovalInputModel = defineSchemaModel({
	name: 'DelegateApprovalInput',
	fields: {
		requestId: f.id(),
		delegateToId: f.id(),
		comment: f.string({ maxLength: 4000 }).optional(),
	},
});

/** The handed-on request (DELEGATED) and the delegate's new one. */
export const DelegationResultModel = defineSchemaModel({
	name: 'DelegationResult',
	fields: {
		delegated: f.ref(ApprovalRequestModel),
		request: f.ref(ApprovalRequestModel),
	},
});

export const CommentApprovalInputModel = defineSchemaModel({
	name: 'CommentApprovalInput',
	fields: {
		requestId: f.id(),
		body: f.string({ minLength: 1, maxLength: 4000 }),
	},
});

export const ListMyApprovalsInputModel = defineSchemaModel({
	name: 'ListMyApprovalsInput',
	fields: {
		status: f.ref(ApprovalRequestStatusEnum).withDefault('PENDING'),
		limit: f.int({ minimum: 1, maximum: 100 }).withDefault(20),
		cursor: f.string().optional(),
	},
});

export const ListInstanceApprovalsInputModel = defineSchemaModel({
	name: 'ListInstanceApprovalsInput',
	fields: {
		instanceId: f.id(),
		stepKey: f.string().optional(),
	},
});

export const ApprovalRequestPageModel = defineSchemaModel({
	name: 'ApprovalRequestPage',
	fields: {
		items: f.ref(ApprovalRequestModel).array(),
		nextCursor: f.string().optional().nullable(),
	},
});
