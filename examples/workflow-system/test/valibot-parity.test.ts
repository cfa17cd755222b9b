import { toStandardJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import {
	CommentApprovalContract,
	GetApprovalContract,
	ListMyApprovalsContract,
} from '../src/approval/approval.operations.ts';
import { describeParity, ENUMS, type LibraryIo } from './parity-surfaces.ts';

/*
 * Valibot parity: the same three contracts written with Valibot. Valibot exposes JSON Schema
 * through `toStandardJsonSchema` (@valibot/to-json-schema), which Charter reads at definition
 * time. Objects and enums are named with `v.title(...)`; `v.metadata({ 'x-charter-scalar': 'ID' })`
 * picks a Charter scalar; an enum's value descriptions are a union of described literals.
 */

const documentedEnum = (title: keyof typeof ENUMS) =>
	v.pipe(
		v.union(
			Object.entries(ENUMS[title].values).map(([value, text]) =>
				v.pipe(v.literal(value), v.description(text)),
			),
		),
		v.title(title),
		v.description(ENUMS[title].description),
	);

const ApprovalDecision = documentedEnum('ApprovalDecision');
const ApprovalRequestStatus = documentedEnum('ApprovalRequestStatus');
const ApprovalOutcome = documentedEnum('ApprovalOutcome');

const id = () => v.pipe(v.string(), v.metadata({ 'x-charter-scalar': 'ID' }));
const dateTime = () => v.pipe(v.string(), v.isoTimestamp());
const body = () => v.pipe(v.string(), v.minLength(1), v.maxLength(4000));

const ApprovalRequest = v.pipe(
	v.object({
		id: id(),
		instanceId: id(),
		stepKey: v.string(),
		organizationId: id(),
		assigneeId: id(),
		order: v.pipe(
			v.number(),
			v.integer(),
			v.minValue(0),
			v.description('Turn under SEQUENTIAL (lowest first); kept by a delegate.'),
		),
		status: ApprovalRequestStatus,
		decision: v.nullish(ApprovalDecision),
		decidedAt: v.nullish(dateTime()),
		decisionComment: v.nullish(v.string()),
		delegatedFromId: v.pipe(
			v.nullish(id()),
			v.description('Request this one replaces, when it came from a delegation.'),
		),
		delegatedToId: v.pipe(
			v.nullish(id()),
			v.description('Principal this request was handed to (status DELEGATED).'),
		),
		escalatedAt: v.nullish(dateTime()),
		expiresAt: v.nullish(dateTime()),
		createdAt: dateTime(),
	}),
	v.title('ApprovalRequest'),
);
const ApprovalComment = v.pipe(
	v.object({ id: id(), requestId: id(), authorId: id(), body: body(), createdAt: dateTime() }),
	v.title('ApprovalComment'),
);

const json = toStandardJsonSchema;
const valibotIo: LibraryIo = {
	[CommentApprovalContract.meta.key]: {
		input: json(
			v.pipe(v.object({ requestId: id(), body: body() }), v.title('CommentApprovalInput')),
		),
		output: json(ApprovalComment),
	},
	[GetApprovalContract.meta.key]: {
		input: json(v.pipe(v.object({ requestId: id() }), v.title('ApprovalRefInput'))),
		output: json(
			v.pipe(
				v.object({
					request: ApprovalRequest,
					comments: v.array(ApprovalComment),
					stepOutcome: ApprovalOutcome,
				}),
				v.title('ApprovalRequestDetail'),
			),
		),
	},
	[ListMyApprovalsContract.meta.key]: {
		input: json(
			v.pipe(
				v.object({
					status: v.optional(ApprovalRequestStatus, 'PENDING'),
					limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
					cursor: v.optional(v.string()),
				}),
				v.title('ListMyApprovalsInput'),
			),
		),
		output: json(
			v.pipe(
				v.object({ items: v.array(ApprovalRequest), nextCursor: v.nullish(v.string()) }),
				v.title('ApprovalRequestPage'),
			),
		),
	},
};

describeParity('Valibot', valibotIo);
