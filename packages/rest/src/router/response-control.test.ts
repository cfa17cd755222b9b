import type { AddressInfo } from 'node:net';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createClient } from '@charter/client';
import {
	createExecutor,
	createMemoryStores,
	implement,
	type Logger,
	silentLogger,
} from '@charter/runtime';
import { defineSchemaModel, f } from '@charter/schema';
import { createRegistry, defineCommand, defineQuery, wireNames } from '@charter/spec';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { serveNode, type TestServer } from '../../../../test-support/node-server.ts';
import {
	CreateInvoice,
	DeleteInvoice,
	ExportInvoices,
	Invoice,
	invoiceCsv,
	responseBindings,
} from '../../../../test-support/response-contracts.ts';
import { charterExpress } from '../adapters/express/express-adapter.ts';
import { charterFastify } from '../adapters/fastify/fastify-adapter.ts';
import { charterHono } from '../adapters/hono/hono-adapter.ts';
import { generateClientSdk } from '../client/sdk-generator.ts';
import { createFetchHandler } from '../fetch/fetch-handler.ts';
import { createRestServer } from '../node/node-server.ts';
import { toOpenApi } from '../openapi/openapi-export.ts';

// A handler sets its success response within what its contract's `transport.rest` declares:
// the status, headers, cookies (with safe defaults) and a streamed download.

const errors: unknown[] = [];
const logger: Logger = {
	...silentLogger,
	error: (fields: unknown) => void errors.push(fields),
	child: () => logger,
};
const executor = createExecutor({
	contracts: createRegistry([CreateInvoice, DeleteInvoice, ExportInvoices]),
	bindings: responseBindings,
	logger,
});
const rest = createFetchHandler(executor);

function call(
	contract: typeof CreateInvoice | typeof DeleteInvoice,
	body: unknown,
	init: RequestInit = {},
) {
	const { method, path } = wireNames(contract).rest;
	return rest(
		new Request(`http://api.example.com${path}`, {
			method,
			...init,
			headers: { 'content-type': 'application/json', ...(init.headers as object) },
			body: JSON.stringify(body),
		}),
	);
}

describe('response control on REST', () => {
	it('a create answers 201 with its Location and a cookie with safe defaults', async () => {
		const response = await call(CreateInvoice, { total: '12.00' });
		expect(response.status).toBe(201);
		expect(response.headers.get('location')).toBe('/v1/invoices/inv-1');
		expect(response.headers.getSetCookie()).toEqual([
			'last_invoice=inv%201; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax',
		]);
		expect(await response.json()).toEqual({ id: 'inv-1', total: '12.00' });
	});

	it('a cookie is Secure on a loopback host too (a proxy in front may call it 127.0.0.1)', async () => {
		const { method, path } = wireNames(CreateInvoice).rest;
		const response = await rest(
			new Request(`http://localhost:3000${path}`, {
				method,
				headers: { 'content-type': 'application/json', host: 'localhost:3000' },
				body: JSON.stringify({ total: '1.00' }),
			}),
		);
		expect(response.headers.getSetCookie()[0]).toContain('; Secure;');
	});

	it('the handler picks another declared status (202) for the same operation', async () => {
		const response = await call(CreateInvoice, { total: '3.00', later: true });
		expect(response.status).toBe(202);
		expect(response.headers.get('location')).toBeNull();
		expect(await response.json()).toMatchObject({ queued: true });
	});

	it('a delete declared 204 answers without a body or content type', async () => {
		const response = await call(DeleteInvoice, { id: 'inv-1' });
		expect(response.status).toBe(204);
		expect(response.headers.get('content-type')).toBeNull();
		expect(await response.text()).toBe('');
	});

	it('an undeclared header set at run time is refused: an opaque 500, logged', async () => {
		errors.length = 0;
		const response = await call(CreateInvoice, { total: '1.00', sneaky: true });
		expect(response.status).toBe(500);
		expect(response.headers.get('x-undeclared')).toBeNull();
		expect((await response.json()).code).toBe('OUTPUT_CONTRACT_VIOLATION');
		expect(JSON.stringify(errors)).toContain('X-Undeclared');
	});

	it('a declared error still answers its problem, without the success headers', async () => {
		const response = await call(CreateInvoice, { total: '-1.00' });
		expect(response.status).toBe(422);
		expect(response.headers.get('location')).toBeNull();
		expect(response.headers.getSetCookie()).toEqual([]);
	});

	it('an idempotent replay answers the same status and headers, without the cookie whose value is not stored', async () => {
		const headers = { 'idempotency-key': 'create-once-1' };
		const first = await call(CreateInvoice, { total: '5.00' }, { headers });
		const again = await call(CreateInvoice, { total: '5.00' }, { headers });
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(again.status).toBe(first.status);
		expect(again.status).toBe(201);
		expect(again.headers.get('location')).toBe(first.headers.get('location'));
		expect(first.headers.getSetCookie()).toHaveLength(1);
		// `last_invoice` is not declared `replay: true`: its value was never stored.
		expect(again.headers.getSetCookie()).toEqual([]);
		expect(await again.json()).toEqual(await first.json());
	});

	it('a declared download streams its media type instead of the JSON output', async () => {
		const response = await rest(
			new Request(`http://api.example.com${wireNames(ExportInvoices).rest.path}?rows=3`),
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv');
		expect(await response.text()).toBe(invoiceCsv(3));
	});

	it('a contract may not declare headers Charter writes, nor a stream on a command', () => {
		const base = {
			meta: { key: 'x.y.z', version: '1.0.0', owners: ['@t'] },
			io: { input: Invoice, output: Invoice },
			policy: { auth: 'anonymous' },
		} as const;
		expect(() =>
			defineCommand({
				...base,
				transport: { rest: { response: { headers: { 'Set-Cookie': {} } } } },
			}),
		).toThrow(/declare cookies under `cookies`/);
		for (const name of ['Access-Control-Allow-Origin', 'Vary'])
			expect(() =>
				defineCommand({ ...base, transport: { rest: { response: { headers: { [name]: {} } } } } }),
			).toThrow(/Charter writes this header itself/);
		expect(() =>
			defineCommand({ ...base, transport: { rest: { response: { statuses: [302] } } } }),
		).toThrow(/302 is not a success status/);
		expect(() =>
			defineCommand({
				...base,
				transport: { rest: { response: { stream: { mediaType: 'text/csv' } } } },
			}),
		).toThrow(/only a query may stream/);
	});
});

describe('a download no one writes is ended, and ending it never rejects unhandled', () => {
	const Report = defineQuery({
		meta: { key: 'billing.report.export', version: '1.0.0', owners: ['@t'], description: 'x.' },
		io: {
			input: defineSchemaModel({ name: 'ReportInput', fields: { broken: f.boolean().optional() } }),
			output: defineSchemaModel({ name: 'Report', fields: { rows: f.int() } }),
		},
		policy: { auth: 'anonymous' },
		transport: { rest: { response: { stream: { mediaType: 'text/csv' } } } },
	});
	let ended = 0;
	/** A source whose `return()` ends it, then fails (a reader whose cancel rejects, say). */
	function failingSource(): AsyncIterableIterator<string> {
		const source: AsyncIterableIterator<string> = {
			[Symbol.asyncIterator]: () => source,
			next: async () => ({ done: false, value: 'a,b\n' }),
			return: async () => {
				ended++;
				throw new Error('cancel failed');
			},
		};
		return source;
	}
	const reportRest = createFetchHandler(
		createExecutor({
			contracts: createRegistry([Report]),
			bindings: [
				implement(Report, (input, ctx) => {
					ctx.response.stream(failingSource());
					// An output its contract refuses: the call fails after the stream was set.
					return (input.broken ? { rows: 'many' } : { rows: 1 }) as { rows: number };
				}),
			],
			logger: silentLogger,
		}),
	);
	const path = wireNames(Report).rest.path;

	it('a call that fails after its handler set a stream ends the stream', async () => {
		ended = 0;
		const response = await reportRest(new Request(`http://api.example.com${path}?broken=true`));
		expect(response.status).toBe(500);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(ended).toBe(1);
	});

	it('a HEAD request ends the stream; the failure of its return() is no unhandled rejection', async () => {
		ended = 0;
		const unhandled: unknown[] = [];
		const record = (reason: unknown) => void unhandled.push(reason);
		process.on('unhandledRejection', record);
		try {
			const response = await reportRest(
				new Request(`http://api.example.com${path}`, { method: 'HEAD' }),
			);
			expect(response.status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 10));
			expect(ended).toBe(1);
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', record);
		}
	});
});

describe('response control on the node server', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await serveNode(createRestServer(executor).listener);
	});
	afterAll(() => server.close());

	it('writes each cookie as its own Set-Cookie line, and streams a download chunk by chunk', async () => {
		const { path } = wireNames(CreateInvoice).rest;
		const created = await fetch(`${server.origin}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ total: '1.00' }),
		});
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toBe('/v1/invoices/inv-1');
		// Secure even though 127.0.0.1 is loopback.
		expect(created.headers.getSetCookie()).toEqual([
			'last_invoice=inv%201; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax',
		]);
		const download = await fetch(`${server.origin}${wireNames(ExportInvoices).rest.path}?rows=500`);
		expect(download.headers.get('content-type')).toBe('text/csv');
		expect(download.headers.get('transfer-encoding')).toBe('chunked');
		expect(await download.text()).toBe(invoiceCsv(500));
	});
});

describe('the typed client', () => {
	const client = createClient([CreateInvoice, DeleteInvoice], {
		baseUrl: 'http://api.example.com',
		fetch: (url, init) => rest(new Request(url, init)),
	});

	it('gives the output of a 201 and undefined for a 204, typed so', async () => {
		const created = await client.billing.invoice.create({ total: '2.00' });
		expectTypeOf(created).toEqualTypeOf<{ id: string; total: string; queued?: boolean }>();
		expect(created).toEqual({ id: 'inv-1', total: '2.00' });
		const deleted = await client.billing.invoice.delete({ id: 'inv-1' });
		expectTypeOf(deleted).toEqualTypeOf<undefined>();
		expect(deleted).toBeUndefined();
	});

	it('the generated SDK types a 204 method as undefined and a 201/202 one as the output', () => {
		const sdk = generateClientSdk(createRegistry([CreateInvoice, DeleteInvoice]));
		expect(sdk).toMatch(/\tdelete: caller\.method<[A-Za-z]+, undefined, 204, never>\(/);
		expect(sdk).toMatch(/\tcreate: caller\.method<[A-Za-z]+, Invoice, 201 \| 202, \(Problem/);
	});
});

describe('the OpenAPI export documents exactly the declared responses', () => {
	const doc = toOpenApi(executor) as {
		paths: Record<string, Record<string, { responses: Record<string, any> }>>;
	};
	const responsesOf = (contract: { meta: { key: string } }) => {
		const { method, path } = wireNames(contract as typeof CreateInvoice).rest;
		return doc.paths[path]![method.toLowerCase()]!.responses;
	};

	it('a create: 201 and 202 with Location and Set-Cookie; no 200', () => {
		const responses = responsesOf(CreateInvoice);
		expect(Object.keys(responses).filter((s) => s.startsWith('2'))).toEqual(['201', '202']);
		expect(responses['201'].headers).toEqual({
			Location: { description: 'Where the new invoice is read.', schema: { type: 'string' } },
			'Set-Cookie': {
				description: '`last_invoice`: The last invoice created.',
				schema: { type: 'string' },
			},
		});
		expect(Object.keys(responses['201'].content)).toEqual(['application/json']);
	});

	it('a delete: 204 without content; a download: the JSON output and the stream media type', () => {
		expect(responsesOf(DeleteInvoice)['204']).toEqual({ description: 'Success.' });
		const download = responsesOf(ExportInvoices)['200'];
		expect(Object.keys(download.content)).toEqual(['application/json', 'text/csv']);
		expect(download.content['text/csv'].schema).toEqual({
			type: 'string',
			description: 'One line per invoice.',
		});
	});

	it('is a valid OpenAPI 3.1 document', async () => {
		await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
	});
});

describe.each([
	[
		'express',
		async () => {
			const app = express();
			app.use(express.json());
			app.use('/api', charterExpress(executor));
			const server = app.listen(0, '127.0.0.1');
			await new Promise((r) => server.once('listening', r));
			const { port } = server.address() as AddressInfo;
			return {
				fetch: (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init),
				close: () => new Promise<void>((r) => server.close(() => r())),
			};
		},
	],
	[
		'fastify',
		async () => {
			const app = Fastify();
			await app.register(charterFastify(executor, { basePath: '/api' }), { prefix: '/api' });
			await app.listen({ port: 0, host: '127.0.0.1' });
			const { port } = app.server.address() as AddressInfo;
			return {
				fetch: (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init),
				close: () => app.close(),
			};
		},
	],
	[
		'hono',
		async () => {
			const app = new Hono();
			app.use('/api/*', charterHono(executor, { basePath: '/api' }));
			return {
				fetch: (path: string, init?: RequestInit) => app.request(path, init),
				close: async () => {},
			};
		},
	],
] as const)('response control through the %s adapter', (_name, mount) => {
	it('writes the status, headers, each cookie and a streamed download', async () => {
		const mounted = await mount();
		try {
			const created = await mounted.fetch(`/api${wireNames(CreateInvoice).rest.path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ total: '1.00' }),
			});
			expect(created.status).toBe(201);
			expect(created.headers.get('location')).toBe('/v1/invoices/inv-1');
			expect(created.headers.getSetCookie()).toHaveLength(1);
			expect(created.headers.getSetCookie()[0]).toMatch(/^last_invoice=inv%201; Path=\/;/);
			const download = await mounted.fetch(`/api${wireNames(ExportInvoices).rest.path}?rows=50`);
			expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
			expect(await download.text()).toBe(invoiceCsv(50));
		} finally {
			await mounted.close();
		}
	});
});

describe('a download the client leaves', () => {
	it('ends the source on fetch and node: the generator returns, its finally runs', async () => {
		let ended = false;
		let sent = 0;
		const Tail = defineQuery({
			meta: { key: 'billing.invoice.tail', version: '1.0.0', owners: ['@t'] },
			io: { input: Invoice, output: Invoice },
			policy: { auth: 'anonymous' },
			transport: { rest: { response: { stream: { mediaType: 'text/plain' } } } },
		});
		const tailing = createExecutor({
			bindings: [
				implement(Tail, (input, ctx) => {
					ctx.response.stream(
						(async function* () {
							try {
								for (;;) {
									sent++;
									yield `line ${sent}\n`;
									await new Promise((r) => setTimeout(r, 5));
								}
							} finally {
								ended = true;
							}
						})(),
					);
					return input;
				}),
			],
			logger: silentLogger,
		});
		// On the fetch handler: the reader cancels the web stream.
		const viaFetch = await createFetchHandler(tailing)(
			new Request(`http://api.example.com${wireNames(Tail).rest.path}?id=a&total=1`),
		);
		const fetchReader = viaFetch.body!.getReader();
		await fetchReader.read();
		await fetchReader.cancel();
		await expect.poll(() => ended, { timeout: 5_000 }).toBe(true);
		ended = false;
		// On the node server: the client aborts.
		const server = await serveNode(createRestServer(tailing).listener);
		try {
			const abort = new AbortController();
			const query = 'id=a&total=1';
			const response = await fetch(`${server.origin}${wireNames(Tail).rest.path}?${query}`, {
				signal: abort.signal,
			});
			const reader = response.body!.getReader();
			await reader.read();
			abort.abort();
			await expect.poll(() => ended, { timeout: 5_000 }).toBe(true);
			const at = sent;
			await new Promise((r) => setTimeout(r, 50));
			expect(sent).toBe(at);
		} finally {
			await server.close();
		}
	});
});

describe('the audit record and call metrics of a success', () => {
	it('keep the status the caller was answered: chosen (202), declared (204), and on a replay', async () => {
		const stores = createMemoryStores();
		const observed: string[] = [];
		const audited = createFetchHandler(
			createExecutor({
				contracts: createRegistry([CreateInvoice, DeleteInvoice]),
				bindings: responseBindings,
				stores,
				logger,
				metrics: {
					record: (call) =>
						void observed.push(
							`${call.operation} ${call.status}${call.replayed ? ' replayed' : ''}`,
						),
				},
			}),
		);
		const send = (
			contract: typeof CreateInvoice | typeof DeleteInvoice,
			body: unknown,
			key: string,
		) => {
			const { method, path } = wireNames(contract).rest;
			return audited(
				new Request(`http://api.example.com${path}`, {
					method,
					headers: { 'content-type': 'application/json', 'idempotency-key': key },
					body: JSON.stringify(body),
				}),
			);
		};
		expect((await send(CreateInvoice, { total: '1.00', later: true }, 'k1')).status).toBe(202);
		expect((await send(CreateInvoice, { total: '1.00', later: true }, 'k1')).status).toBe(202);
		expect((await send(DeleteInvoice, { id: 'inv-1' }, 'k2')).status).toBe(204);
		const records = await stores.audit.list();
		expect(
			records.map((r) => `${r.operation} ${r.status}${r.replayed ? ' replayed' : ''}`).sort(),
		).toEqual([
			'billing.invoice.create 202',
			'billing.invoice.create 202 replayed',
			'billing.invoice.delete 204',
		]);
		expect((await send(CreateInvoice, { total: '-1' }, 'k3')).status).toBe(422);
		expect(observed).toEqual([
			'billing.invoice.create 202',
			'billing.invoice.create 202 replayed',
			'billing.invoice.delete 204',
			'billing.invoice.create 422',
		]);
	});
});
