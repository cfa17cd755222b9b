import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, createFetchHandler } from '@charter/rest';
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
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../graphql/src/index.ts';
import { createMcpHttpHandler } from '../src/index.ts';

/*
 * A handler raises the errors its contract declares through `ctx.errors`; every surface answers
 * with the declared status, the code and the data checked against the declaration. The app's
 * middleware runs on every surface alike (it adds `ctx.via`, which the 'stamped' order shows).
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
		contracts: createRegistry([Submit]),
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
		],
	});
}

const ISSUES = [{ path: '/id', message: 'taken' }];

let server: Server;
let mcp: Client;
beforeAll(async () => {
	const handler = createMcpHttpHandler(executor(), executor().registry);
	server = createServer((req, res) => void handler(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
	mcp = new Client({ name: 't', version: '1.0.0' });
	await mcp.connect(new StreamableHTTPClientTransport(url));
});
afterAll(async () => {
	await mcp.close();
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

describe('typed errors raised through ctx.errors', () => {
	it('on REST: the declared status, code and checked data', async () => {
		const rest = createFetchHandler(executor());
		const { method, path } = wireNames(Submit).rest;
		const post = (id: string) =>
			rest(
				new Request(`http://localhost${path}`, {
					method,
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ id }),
				}),
			);
		const invalid = await post('invalid');
		expect(invalid.status).toBe(422);
		expect(await invalid.json()).toMatchObject({
			code: 'ORDER_INVALID',
			title: 'The order has issues.',
			detail: 'the order has 1 issue',
			data: ISSUES,
		});
		const locked = await post('locked');
		expect(locked.status).toBe(423);
		const body = await locked.json();
		expect(body).toMatchObject({ code: 'ORDER_LOCKED', type: 'urn:charter:problem:order-locked' });
		expect(body).not.toHaveProperty('data');
		expect(await (await post('stamped')).json()).toEqual({ id: 'stamped', note: 'rest' });
	});

	it('data that breaks its declaration is a contract bug: an opaque 500, logged with issues', async () => {
		errorLog.length = 0;
		const rest = createFetchHandler(executor());
		const { method, path } = wireNames(Submit).rest;
		const response = await rest(
			new Request(`http://localhost${path}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ id: 'bad-data' }),
			}),
		);
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
		const rest = createFetchHandler(executor());
		const client = createClient([Submit], {
			baseUrl: 'http://localhost',
			fetch: (url, init) => rest(new Request(url, init)),
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
		const graphql = createGraphqlHandler(executor().registry, { executor: executor() });
		const field = wireNames(Submit).graphql.field;
		const response = await graphql.fetch(
			new Request('http://localhost/graphql', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ query: `mutation { ${field}(input: { id: "invalid" }) { id } }` }),
			}),
		);
		const { errors } = await response.json();
		expect(errors[0].extensions).toMatchObject({
			code: 'ORDER_INVALID',
			status: 422,
			data: ISSUES,
		});
		const stamped = await graphql.fetch(
			new Request('http://localhost/graphql', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					query: `mutation { ${field}(input: { id: "stamped" }) { id note } }`,
				}),
			}),
		);
		expect((await stamped.json()).data[field]).toEqual({ id: 'stamped', note: 'graphql' });
	});

	it('on MCP: an isError result carrying the same problem', async () => {
		const result = await mcp.callTool({
			name: wireNames(Submit).mcp.tool,
			arguments: { id: 'invalid' },
		});
		expect(result.isError).toBe(true);
		expect(result.structuredContent).toMatchObject({
			code: 'ORDER_INVALID',
			status: 422,
			data: ISSUES,
		});
		const stamped = await mcp.callTool({
			name: wireNames(Submit).mcp.tool,
			arguments: { id: 'stamped' },
		});
		expect(stamped.structuredContent).toEqual({ id: 'stamped', note: 'mcp' });
	});
});
