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
import { createGraphqlSchema } from '../../../packages/graphql/src/index.ts';
import {
	CommentApprovalContract,
	GetApprovalContract,
	ListMyApprovalsContract,
} from '../src/approval/approval.operations.ts';

/*
 * The parity check shared by the Zod, Valibot and ArkType copies: three of the example's
 * contracts (a command, a query returning nested models, enums and arrays, and a list query
 * whose inputs all have defaults or are optional) written again with a library's schemas must
 * give the same IR, OpenAPI document, GraphQL SDL, MCP tool schemas, docs pages and snapshot
 * as the native ones, and the list query must read REST query strings the same way.
 */

/** The three enums the copies write again: name, description and each value's description. */
export const ENUMS = {
	ApprovalDecision: {
		description: 'Decision on an approval request.',
		values: {
			APPROVE: 'Approve.',
			REJECT: 'Reject.',
			REQUEST_CHANGES: 'Send back for changes to a TASK step.',
			ABSTAIN: 'Take no side: the approver leaves the count.',
		},
	},
	ApprovalRequestStatus: {
		description: 'Status of an approval request.',
		values: {
			PENDING: 'Waiting for the assignee.',
			APPROVED: 'The assignee approved.',
			REJECTED: 'The assignee rejected.',
			CHANGES_REQUESTED: 'The assignee asked for changes.',
			ABSTAINED: 'The assignee abstained.',
			DELEGATED: 'Handed on to another assignee (a new request).',
			EXPIRED: 'Not decided in time; counts as a rejection.',
			CANCELLED: 'Closed without a decision (step left or instance cancelled).',
		},
	},
	ApprovalOutcome: {
		description: 'Combined outcome of an APPROVAL step.',
		values: {
			PENDING: 'Not decided yet.',
			APPROVED: 'The step is approved.',
			REJECTED: 'The step is rejected.',
			CHANGES_REQUESTED: 'Sent back to a TASK step for changes.',
		},
	},
} as const;

/** The native contracts the copies are compared with. */
export const NATIVE = [CommentApprovalContract, GetApprovalContract, ListMyApprovalsContract];

/** A library's input and output schemas for each of the three contracts, by key. */
export type LibraryIo = Readonly<
	Record<string, { readonly input: unknown; readonly output: unknown }>
>;

/** The native contracts with their `io` replaced by a library's schemas (converted at definition). */
export function copyWith(
	io: LibraryIo,
	natives: readonly OperationSpec[] = NATIVE,
): OperationSpec[] {
	return natives.map((spec) => {
		const define = (spec.kind === 'command' ? defineCommand : defineQuery) as (
			definition: unknown,
		) => OperationSpec;
		return define({ ...spec, io: io[spec.meta.key] });
	});
}

/** Every surface a contract reaches, built from a registry of `specs`. */
export function surfaces(specs: readonly ContractSpec[]) {
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
}

/**
 * Declares the parity tests of one library's copy of the three contracts (or of those `io`
 * has: a library that cannot say all three is compared on the ones it can).
 */
export function describeParity(library: string, io: LibraryIo): void {
	const natives = NATIVE.filter((spec) => spec.meta.key in io);
	const copy = copyWith(io, natives);

	describe(`a ${library}-only copy of ${natives.map((s) => s.meta.key).join(', ')}`, () => {
		const expected = surfaces(natives);
		const actual = surfaces(copy);

		it(`is made of ${library} schemas converted at definition time into the native IR`, () => {
			for (const [i, spec] of copy.entries()) {
				expect(spec.io.input).not.toBe(natives[i]!.io.input);
				expect(spec.io.input).toEqual(natives[i]!.io.input);
				expect(spec.io.output).toEqual(natives[i]!.io.output);
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

	const list = copy.find((spec) => spec.meta.key === ListMyApprovalsContract.meta.key);
	if (!list) return;
	describe(`the ${library}-only list query on REST`, () => {
		const nativeList = anonymous(ListMyApprovalsContract);
		const copyList = anonymous(list);

		it.each(['', '?limit=5', '?limit=5&status=APPROVED&cursor=abc'])(
			'coerces and defaults %j exactly like the native one',
			async (query) => {
				const expected = await listMine(nativeList, query);
				expect(expected.status).toBe(200);
				expect(await listMine(copyList, query)).toEqual(expected);
			},
		);

		it.each(['?limit=0', '?limit=ten', '?status=LOST'])(
			'refuses %j exactly like the native one',
			async (query) => {
				const expected = await listMine(nativeList, query);
				expect(expected.status).toBe(422);
				expect(await listMine(copyList, query)).toEqual(expected);
			},
		);
	});
}

/** The same contract, anonymous, so a request reaches the handler. */
function anonymous(spec: OperationSpec): OperationSpec {
	return defineQuery({ ...(spec as never as object), policy: { auth: 'anonymous' } } as never);
}

/** Sends `GET list-mine<query>` to a handler that records the input it got. */
async function listMine(spec: OperationSpec, query: string) {
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
		traceId: _t,
		instance: _i,
		...problem
	} = (await response.json()) as Record<string, unknown>;
	return { status: response.status, seen, body: response.ok ? undefined : problem };
}
