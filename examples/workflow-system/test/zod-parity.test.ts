import { createFetchHandler, toOpenApi } from '@charter/rest';
import { createExecutor, implement, silentLogger } from '@charter/runtime';
import { createRegistry, defineQuery } from '@charter/spec';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGraphqlSchema } from '../../../packages/graphql/src/index.ts';
import {
	CommentApprovalContract,
	GetApprovalContract,
	ListMyApprovalsContract,
} from '../src/approval/approval.operations.ts';
import { describeParity, ENUMS, type LibraryIo } from './parity-surfaces.ts';

/*
 * Zod parity: three of the example's contracts written again with Zod-only models must give
 * the same OpenAPI document, GraphQL SDL, MCP tool schemas and snapshot as the native ones.
 * Objects and enums are named with `.meta({ id })`; an enum's value descriptions are a union
 * of described literals (JSON Schema's way to document values).
 */

const documentedEnum = (id: keyof typeof ENUMS) =>
	z
		.union(
			Object.entries(ENUMS[id].values).map(([value, text]) =>
				z.literal(value).describe(text),
			) as never,
		)
		.meta({ id, description: ENUMS[id].description });

const ApprovalDecision = documentedEnum('ApprovalDecision');
const ApprovalRequestStatus = documentedEnum('ApprovalRequestStatus');
const ApprovalOutcome = documentedEnum('ApprovalOutcome');

const id = () => z.string().meta({ 'x-charter-scalar': 'ID' });
const dateTime = () => z.iso.datetime();

const ApprovalRequest = z
	.object({
		id: id(),
		instanceId: id(),
		stepKey: z.string(),
		organizationId: id(),
		assigneeId: id(),
		order: z
			.number()
			.int()
			.min(0)
			.describe('Turn under SEQUENTIAL (lowest first); kept by a delegate.'),
		status: ApprovalRequestStatus,
		decision: ApprovalDecision.nullable().optional(),
		decidedAt: dateTime().nullable().optional(),
		decisionComment: z.string().nullable().optional(),
		delegatedFromId: id()
			.nullable()
			.optional()
			.describe('Request this one replaces, when it came from a delegation.'),
		delegatedToId: id()
			.nullable()
			.optional()
			.describe('Principal this request was handed to (status DELEGATED).'),
		escalatedAt: dateTime().nullable().optional(),
		expiresAt: dateTime().nullable().optional(),
		createdAt: dateTime(),
	})
	.meta({ id: 'ApprovalRequest' });
const ApprovalComment = z
	.object({
		id: id(),
		requestId: id(),
		authorId: id(),
		body: z.string().min(1).max(4000),
		createdAt: dateTime(),
	})
	.meta({ id: 'ApprovalComment' });

const zodIo: LibraryIo = {
	[CommentApprovalContract.meta.key]: {
		input: z
			.object({ requestId: id(), body: z.string().min(1).max(4000) })
			.meta({ id: 'CommentApprovalInput' }),
		output: ApprovalComment,
	},
	[GetApprovalContract.meta.key]: {
		input: z.object({ requestId: id() }).meta({ id: 'ApprovalRefInput' }),
		output: z
			.object({
				request: ApprovalRequest,
				comments: z.array(ApprovalComment),
				stepOutcome: ApprovalOutcome,
			})
			.meta({ id: 'ApprovalRequestDetail' }),
	},
	[ListMyApprovalsContract.meta.key]: {
		input: z
			.object({
				status: ApprovalRequestStatus.default('PENDING' as never),
				limit: z.number().int().min(1).max(100).default(20),
				cursor: z.string().optional(),
			})
			.meta({ id: 'ListMyApprovalsInput' }),
		output: z
			.object({ items: z.array(ApprovalRequest), nextCursor: z.string().nullable().optional() })
			.meta({ id: 'ApprovalRequestPage' }),
	},
};

describeParity('Zod', zodIo);

describe('a Zod schema that names nothing', () => {
	const CountItems = defineQuery({
		meta: {
			key: 'catalog.item.count',
			version: '1.0.0',
			owners: ['@catalog'],
			description: 'Count items.',
		},
		io: {
			input: z.object({ qty: z.number().int().min(1), note: z.string().default('none') }),
			output: z.object({ qty: z.number().int(), note: z.string() }),
		},
		policy: { auth: 'anonymous' },
	});
	const registry = createRegistry([CountItems]);

	it('is named after the operation, and `.default()` makes a field optional on input', () => {
		expect(CountItems.io.input).toMatchObject({
			kind: 'model',
			name: 'CatalogItemCountInput',
			fields: { note: { isOptional: true, default: 'none' }, qty: { isOptional: false } },
		});
		expect(printSchema(createGraphqlSchema(registry))).toContain(
			'catalogItemCount(input: CatalogItemCountInput!): CatalogItemCountOutput',
		);
	});

	it('gets its query parameters coerced on REST and listed in OpenAPI', async () => {
		const executor = createExecutor({
			contracts: registry,
			logger: silentLogger,
			bindings: [implement(CountItems, (input) => input)],
		});
		const response = await createFetchHandler(executor)(
			new Request('http://localhost/v1/catalog/item/count?qty=2'),
		);
		expect(await response.json()).toEqual({ qty: 2, note: 'none' });
		const paths = toOpenApi(registry).paths as Record<
			string,
			{ get: { parameters: { name: string; required?: boolean }[] } }
		>;
		expect(
			paths['/v1/catalog/item/count']?.get.parameters.map((p) => [p.name, p.required ?? false]),
		).toEqual([
			['qty', true],
			['note', false],
		]);
	});
});
