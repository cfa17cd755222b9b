import { createClient } from '@charter/rest';
import {
	createExecutor,
	declaredProblem,
	implement,
	type Logger,
	ProblemError,
	silentLogger,
} from '@charter/runtime';
import { defineSchemaModel, f, listOf } from '@charter/schema';
import { createRegistry, defineCommand, wireNames } from '@charter/spec';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	CreateInvoice,
	DeleteInvoice,
	ExportInvoices,
	invoiceCsv,
	openExportSources,
	responseBindings,
} from '../../../test-support/response-contracts.ts';
import { serveThreeSurfaces, type ThreeSurfaces } from '../../../test-support/three-surfaces.ts';

/*
 * The cross-surface conformance test: one app served on REST, GraphQL and MCP.
 * - Typed errors: a handler raises what its contract declares through `ctx.errors`; every
 *   surface answers the declared code, status and data (checked against the declaration).
 * - Response control: what a handler sets through `ctx.response` (status, headers, cookies, a
 *   download) is REST's wire; GraphQL and MCP answer the same data (the output) without it.
 * - Middleware: the app's middleware runs on every surface alike (`ctx.via`, the 'stamped' order).
 */

const meta = { version: '1.0.0', owners: ['@t'], description: 'x.' } as const;
const Issue = defineSchemaModel({
	name: 'Issue',
	fields: { path: f.string(), message: f.string() },
});
const Order = defineSchemaModel({
	name: 'Order',
	fields: { id: f.string(), note: f.string().optional() },
});
const Submit = defineCommand({
	meta: { ...meta, key: 'shop.order.submit' },
	io: { input: Order, output: Order },
	policy: { auth: 'anonymous' },
	errors: {
		ORDER_INVALID: { status: 422, description: 'The order has issues.', data: listOf(Issue) },
		ORDER_LOCKED: { status: 423, description: 'The order is locked.' },
	},
});

/** `id` picks the failure: 'invalid' raises with data, 'locked' without, 'bad-data' breaks it. */
const errorLog: unknown[] = [];
function executor() {
	const logger: Logger = {
		...silentLogger,
		error: (fields: unknown) => void errorLog.push(fields),
		child: () => logger,
	};
	return createExecutor({
		contracts: createRegistry([Submit, CreateInvoice, DeleteInvoice, ExportInvoices]),
		logger,
		middleware: [async ({ ctx }, next) => next({ via: ctx.metadata.transport ?? 'none' })],
		bindings: [
			implement(Submit, (input, ctx) => {
				if (input.id === 'stamped') return { id: input.id, note: (ctx as { via?: string }).via };
				if (input.id === 'invalid') {
					const data = [{ path: '/id', message: 'taken', extra: 'stripped' }];
					throw ctx.errors.ORDER_INVALID({ detail: 'the order has 1 issue', data });
				}
				if (input.id === 'locked') throw ctx.errors.ORDER_LOCKED();
				if (input.id === 'bad-data') {
					// what a handler typed loosely (or plain JS) could do
					throw ctx.errors.ORDER_INVALID({ data: [{ path: 7 }] as never });
				}
				return input;
			}),
			...responseBindings,
		],
	});
}

const ISSUES = [{ path: '/id', message: 'taken' }];

let surfaces: ThreeSurfaces;
beforeAll(async () => {
	surfaces = await serveThreeSurfaces(executor);
});
afterAll(() => surfaces.close());

const field = (spec: Parameters<typeof wireNames>[0]) => wireNames(spec).graphql.field;

describe('typed errors raised through ctx.errors', () => {
	it('on REST: the declared status, code and checked data', async () => {
		const invalid = await surfaces.rest(Submit, { id: 'invalid' });
		expect(invalid.status).toBe(422);
		expect(await invalid.json()).toMatchObject({
			code: 'ORDER_INVALID',
			title: 'The order has issues.',
			detail: 'the order has 1 issue',
			data: ISSUES,
		});
		const locked = await surfaces.rest(Submit, { id: 'locked' });
		expect(locked.status).toBe(423);
		const body = await locked.json();
		expect(body).toMatchObject({ code: 'ORDER_LOCKED', type: 'urn:charter:problem:order-locked' });
		expect(body).not.toHaveProperty('data');
		expect(await (await surfaces.rest(Submit, { id: 'stamped' })).json()).toEqual({
			id: 'stamped',
			note: 'rest',
		});
	});

	it('data that breaks its declaration is a contract bug: an opaque 500, logged with issues', async () => {
		errorLog.length = 0;
		const response = await surfaces.rest(Submit, { id: 'bad-data' });
		expect(response.status).toBe(500);
		const body = await response.json();
		expect(body.code).toBe('OUTPUT_CONTRACT_VIOLATION');
		expect(body).not.toHaveProperty('data');
		expect(errorLog).toContainEqual(
			expect.objectContaining({
				code: 'ORDER_INVALID',
				issues: expect.arrayContaining([expect.objectContaining({ path: '/0/path' })]),
			}),
		);
	});

	it('on the typed client: the declared errors as a union to switch on by code', async () => {
		const client = createClient([Submit], {
			baseUrl: 'http://localhost',
			fetch: (url, init) => surfaces.restFetch(new Request(url, init)),
		});
		const failure = await client.shop.order.submit({ id: 'invalid' }).catch((e: unknown) => e);
		const declared = declaredProblem(failure, Submit);
		expect(declared?.code).toBe('ORDER_INVALID');
		if (declared?.code === 'ORDER_INVALID') expect(declared.data).toEqual(ISSUES);
		// A built-in problem is a ProblemError too, but not one the contract declares.
		const refused = await client.shop.order.submit({} as never).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ProblemError);
		expect((refused as ProblemError).code).toBe('VALIDATION_FAILED');
		expect(declaredProblem(refused, Submit)).toBeUndefined();
	});

	it('on GraphQL: the code, status and data in the error extensions', async () => {
		const { body } = await surfaces.graphql(
			`mutation { ${field(Submit)}(input: { id: "invalid" }) { id } }`,
		);
		expect(body.errors![0].extensions).toMatchObject({
			code: 'ORDER_INVALID',
			status: 422,
			data: ISSUES,
		});
		const stamped = await surfaces.graphql(
			`mutation { ${field(Submit)}(input: { id: "stamped" }) { id note } }`,
		);
		expect(stamped.body.data[field(Submit)]).toEqual({ id: 'stamped', note: 'graphql' });
	});

	it('on MCP: an isError result carrying the same problem', async () => {
		const result = await surfaces.mcp(Submit, { id: 'invalid' });
		expect(result.isError).toBe(true);
		expect(result.structuredContent).toMatchObject({
			code: 'ORDER_INVALID',
			status: 422,
			data: ISSUES,
		});
		const stamped = await surfaces.mcp(Submit, { id: 'stamped' });
		expect(stamped.structuredContent).toEqual({ id: 'stamped', note: 'mcp' });
	});
});

describe('response control set through ctx.response', () => {
	const created = { id: 'inv-1', total: '9.00' };

	it('on REST: the chosen status, the declared headers and cookies, a 204 without body, a stream', async () => {
		const create = await surfaces.rest(CreateInvoice, { total: '9.00' });
		expect(create.status).toBe(201);
		expect(create.headers.get('location')).toBe('/v1/invoices/inv-1');
		expect(create.headers.getSetCookie()).toEqual([
			'last_invoice=inv%201; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax',
		]);
		expect(await create.json()).toEqual(created);
		const queued = await surfaces.rest(CreateInvoice, { total: '9.00', later: true });
		expect(queued.status).toBe(202);
		const deleted = await surfaces.rest(DeleteInvoice, { id: 'inv-1' });
		expect(deleted.status).toBe(204);
		expect(await deleted.text()).toBe('');
		const download = await surfaces.rest(ExportInvoices, { rows: 2 });
		expect(download.headers.get('content-type')).toBe('text/csv');
		expect(await download.text()).toBe(invoiceCsv(2));
		expect(openExportSources()).toBe(0);
	});

	it('on GraphQL: the same data; status, headers and cookies are not GraphQL wire', async () => {
		const create = await surfaces.graphql(
			`mutation { ${field(CreateInvoice)}(input: { total: "9.00" }) { id total } }`,
		);
		expect(create.status).toBe(200);
		expect(create.body).toEqual({ data: { [field(CreateInvoice)]: created } });
		expect(create.headers.get('location')).toBeNull();
		expect(create.headers.getSetCookie()).toEqual([]);
		// A 204 on REST still answers the output here: GraphQL has a field to fill.
		const deleted = await surfaces.graphql(
			`mutation { ${field(DeleteInvoice)}(input: { id: "inv-1" }) { id total } }`,
		);
		expect(deleted.body.data[field(DeleteInvoice)]).toEqual({ id: 'inv-1', total: '0.00' });
		// A download answers its output: the rows it would stream; the stream's source is ended.
		const exported = await surfaces.graphql(
			`{ ${field(ExportInvoices)}(input: { rows: 2 }) { rows } }`,
		);
		expect(exported.body.data[field(ExportInvoices)]).toEqual({ rows: 2 });
		await vi.waitFor(() => expect(openExportSources()).toBe(0));
	});

	it('on MCP: the same data as structured content, nothing else', async () => {
		const create = await surfaces.mcp(CreateInvoice, { total: '9.00' });
		expect(create.isError ?? false).toBe(false);
		expect(create.structuredContent).toEqual(created);
		const deleted = await surfaces.mcp(DeleteInvoice, { id: 'inv-1' });
		expect(deleted.structuredContent).toEqual({ id: 'inv-1', total: '0.00' });
		const exported = await surfaces.mcp(ExportInvoices, { rows: 2 });
		expect(exported.structuredContent).toEqual({ rows: 2 });
		await vi.waitFor(() => expect(openExportSources()).toBe(0));
	});

	it('an undeclared header is refused alike on every surface: the same opaque problem', async () => {
		const rest = await surfaces.rest(CreateInvoice, { total: '1.00', sneaky: true });
		expect(rest.status).toBe(500);
		expect((await rest.json()).code).toBe('OUTPUT_CONTRACT_VIOLATION');
		const graphql = await surfaces.graphql(
			`mutation { ${field(CreateInvoice)}(input: { total: "1.00", sneaky: true }) { id } }`,
		);
		expect(graphql.body.errors![0].extensions).toMatchObject({
			code: 'OUTPUT_CONTRACT_VIOLATION',
			status: 500,
		});
		const mcp = await surfaces.mcp(CreateInvoice, { total: '1.00', sneaky: true });
		expect(mcp.isError).toBe(true);
		expect(mcp.structuredContent).toMatchObject({ code: 'OUTPUT_CONTRACT_VIOLATION', status: 500 });
	});

	it('a declared error of a response-controlled operation is the same problem on every surface', async () => {
		const rest = await surfaces.rest(CreateInvoice, { total: '-1.00' });
		expect(rest.status).toBe(422);
		expect(rest.headers.get('location')).toBeNull();
		const graphql = await surfaces.graphql(
			`mutation { ${field(CreateInvoice)}(input: { total: "-1.00" }) { id } }`,
		);
		expect(graphql.body.errors![0].extensions).toMatchObject({
			code: 'TOTAL_NEGATIVE',
			status: 422,
		});
		const mcp = await surfaces.mcp(CreateInvoice, { total: '-1.00' });
		expect(mcp.structuredContent).toMatchObject({ code: 'TOTAL_NEGATIVE', status: 422 });
	});
});
