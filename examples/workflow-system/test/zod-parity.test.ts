import { buildDocsModel } from '@charter/docs';
import { buildToolCatalog } from '@charter/mcp';
import { createFetchHandler, toOpenApi } from '@charter/rest';
import { createExecutor, implement, silentLogger } from '@charter/runtime';
import {
	type ContractSpec,
	createRegistry,
	createSnapshot,
	defineCommand,
	defineQuery,
	type OperationSpec,
} from '@charter/spec';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGraphqlSchema } from '../../../packages/graphql/src/index.ts';
import {
	CommentApprovalContract,
	GetApprovalContract,
	ListMyApprovalsContract,
} from '../src/approval/approval.operations.ts';

/*
 * Zod parity: three of the example's contracts written again with Zod-only models must give
 * the same OpenAPI document, GraphQL SDL, MCP tool schemas and snapshot as the native ones.
 * Objects and enums are named with `.meta({ id })`; an enum's value descriptions are a union
 * of described literals (JSON Schema's way to document values).
 */

const documentedEnum = (id: string, description: string, values: Record<string, string>) =>
	z
		.union(Object.entries(values).map(([value, text]) => z.literal(value).describe(text)) as never)
		.meta({ id, description });

const ApprovalDecision = documentedEnum('ApprovalDecision', 'Decision on an approval request.', {
	APPROVE: 'Approve.',
	REJECT: 'Reject.',
	REQUEST_CHANGES: 'Send back for changes to a TASK step.',
	ABSTAIN: 'Take no side: the approver leaves the count.',
});
const ApprovalRequestStatus = documentedEnum(
	'ApprovalRequestStatus',
	'Status of an approval request.',
	{
		PENDING: 'Waiting for the assignee.',
		APPROVED: 'The assignee approved.',
		REJECTED: 'The assignee rejected.',
		CHANGES_REQUESTED: 'The assignee asked for changes.',
		ABSTAINED: 'The assignee abstained.',
		DELEGATED: 'Handed on to another assignee (a new request).',
		EXPIRED: 'Not decided in time; counts as a rejection.',
		CANCELLED: 'Closed without a decision (step left or instance cancelled).',
	},
);
const ApprovalOutcome = documentedEnum('ApprovalOutcome', 'Combined outcome of an APPROVAL step.', {
	PENDING: 'Not decided yet.',
	APPROVED: 'The step is approved.',
	REJECTED: 'The step is rejected.',
	CHANGES_REQUESTED: 'Sent back to a TASK step for changes.',
});

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

const zodIo = {
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

const native = [CommentApprovalContract, GetApprovalContract, ListMyApprovalsContract];
const zodOnly = native.map((spec) => {
	const define = (spec.kind === 'command' ? defineCommand : defineQuery) as (
		definition: unknown,
	) => OperationSpec;
	return define({ ...spec, io: zodIo[spec.meta.key] });
});

const surfaces = (specs: readonly ContractSpec[]) => {
	const registry = createRegistry(specs);
	return {
		openapi: toOpenApi(registry),
		sdl: printSchema(createGraphqlSchema(registry)),
		mcp: Object.fromEntries(
			[...buildToolCatalog(registry)].map(([name, tool]) => [
				name,
				{ input: tool.tool.inputSchema, output: tool.tool.outputSchema },
			]),
		),
		snapshot: createSnapshot(registry),
		docs: buildDocsModel(registry, { title: 'Parity' }),
	};
};

describe('a Zod-only copy of three example contracts', () => {
	const expected = surfaces(native);
	const actual = surfaces(zodOnly);

	it('is made of Zod schemas converted at definition time, not of the native models', () => {
		for (const [i, spec] of zodOnly.entries()) {
			expect(spec.io.input).not.toBe(native[i]!.io.input);
			expect(spec.io.input).toEqual(native[i]!.io.input);
			expect(spec.io.output).toEqual(native[i]!.io.output);
		}
	});

	it('gives the same OpenAPI document', () => {
		expect(actual.openapi).toEqual(expected.openapi);
	});

	it('gives the same GraphQL SDL', () => {
		expect(actual.sdl).toBe(expected.sdl);
	});

	it('gives the same MCP tool schemas', () => {
		expect(actual.mcp).toEqual(expected.mcp);
	});

	it('gives the same docs pages (field tables, type pages, snippets)', () => {
		expect(actual.docs).toEqual(expected.docs);
	});

	it('gives the same snapshot, so charter diff sees no change', () => {
		expect(actual.snapshot).toEqual(expected.snapshot);
	});
});

describe('the Zod-only list query on REST', () => {
	// Same contract, anonymous, so the request reaches the handler, which answers with what it got.
	const anonymous = (spec: OperationSpec) =>
		defineQuery({
			...(spec as never as object),
			policy: { auth: 'anonymous' },
		} as never) as OperationSpec;
	const inputOf = async (spec: OperationSpec, query: string) => {
		let seen: unknown;
		const executor = createExecutor({
			contracts: createRegistry([spec]),
			logger: silentLogger,
			bindings: [
				implement(spec, ((input: unknown) => {
					seen = input;
					return { items: [] };
				}) as never),
			],
		});
		const response = await createFetchHandler(executor)(
			new Request(`http://localhost/v1/workflow/approval/list-mine${query}`),
		);
		const {
			traceId: _traceId,
			instance: _instance,
			...problem
		} = (await response.json()) as Record<string, unknown>;
		return { status: response.status, seen, body: response.ok ? undefined : problem };
	};
	const nativeList = anonymous(ListMyApprovalsContract);
	const zodList = anonymous(zodOnly[2]!);

	it.each(['', '?limit=5', '?limit=5&status=APPROVED&cursor=abc'])(
		'coerces and defaults %j exactly like the native one',
		async (query) => {
			const expected = await inputOf(nativeList, query);
			expect(expected.status).toBe(200);
			expect(await inputOf(zodList, query)).toEqual(expected);
		},
	);

	it.each(['?limit=0', '?limit=ten', '?status=LOST'])(
		'refuses %j exactly like the native one',
		async (query) => {
			const expected = await inputOf(nativeList, query);
			expect(expected.status).toBe(422);
			expect(await inputOf(zodList, query)).toEqual(expected);
		},
	);
});

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
