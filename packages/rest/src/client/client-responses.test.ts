import { getEventListeners } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Download } from '@charter/client';
import { createExecutor, silentLogger } from '@charter/runtime';
import { createRegistry } from '@charter/spec';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { serveNode, type TestServer } from '../../../../test-support/node-server.ts';
import {
	CreateInvoice,
	DeleteInvoice,
	ExportInvoices,
	invoiceCsv,
	responseBindings,
} from '../../../../test-support/response-contracts.ts';
import { linkedTempFolder } from '../../../../test-support/temp-folder.ts';
import { typeCheck } from '../../../../test-support/type-check.ts';
import { createRestServer } from '../node/node-server.ts';
import { generateClientSdk } from './sdk-generator.ts';

// The clients read what a contract declares of its success: the status and headers the handler
// chose (`withResponse`), and a streamed download, against a real node:http server.

const registry = createRegistry([CreateInvoice, DeleteInvoice, ExportInvoices]);
let server: TestServer;
const folder = linkedTempFolder('charter-sdk-responses-');

beforeAll(async () => {
	const executor = createExecutor({
		contracts: registry,
		bindings: responseBindings,
		logger: silentLogger,
	});
	server = await serveNode(createRestServer(executor).listener);
});
afterAll(async () => {
	await server.close();
	folder.remove();
});

describe('the typed client', () => {
	const client = () =>
		createClient([CreateInvoice, DeleteInvoice, ExportInvoices], { baseUrl: server.origin });

	it('gives the output alone by default, and { data, status, headers } with withResponse', async () => {
		expect(await client().billing.invoice.create({ total: '1.00' })).toEqual({
			id: 'inv-1',
			total: '1.00',
		});
		const created = await client().billing.invoice.create(
			{ total: '1.00' },
			{ withResponse: true },
		);
		expectTypeOf(created.status).toEqualTypeOf<201 | 202>();
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toBe('/v1/invoices/inv-1');
		expect(created.data).toEqual({ id: 'inv-1', total: '1.00' });
		const queued = await client().call(
			CreateInvoice,
			{ total: '1.00', later: true },
			{ withResponse: true },
		);
		expect([queued.status, queued.data]).toEqual([
			202,
			{ id: 'inv-1', total: '1.00', queued: true },
		]);
		const deleted = await client().billing.invoice.delete({ id: 'inv-1' }, { withResponse: true });
		expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
		expect([deleted.status, deleted.data]).toEqual([204, undefined]);
	});

	it('call and tryCall may leave out an input with no required field', async () => {
		const exported = (await client().call(ExportInvoices)) as Download;
		expect(await exported.text()).toBe(invoiceCsv(2));
		const result = await client().tryCall(ExportInvoices);
		expect(result).toMatchObject({ ok: true, status: 200 });
	});

	it('tryCall carries the status and headers too', async () => {
		const result = await client().tryCall(CreateInvoice, { total: '3.00' });
		if (!result.ok) throw new Error(result.problem.code);
		expect(result.status).toBe(201);
		expect(result.headers.get('location')).toBe('/v1/invoices/inv-1');
		const failed = await client().tryCall(CreateInvoice, { total: '-1.00' });
		expect(failed).toMatchObject({ ok: false, problem: { status: 422, code: 'TOTAL_NEGATIVE' } });
		expect(!failed.ok && failed.headers?.get('content-type')).toBe('application/problem+json');
	});

	it('reads a declared download as a Download, streamed as it arrives', async () => {
		const exported = await client().billing.invoice.export({ rows: 20_000 });
		expectTypeOf(exported).toEqualTypeOf<Download | { rows: number }>();
		if (!('body' in exported)) throw new Error('expected a download');
		expect(exported.mediaType).toBe('text/csv');
		let chunks = 0;
		let text = '';
		const decoder = new TextDecoder();
		const reader = exported.body.getReader();
		for (let read = await reader.read(); !read.done; read = await reader.read()) {
			chunks++;
			text += decoder.decode(read.value, { stream: true });
		}
		expect(chunks).toBeGreaterThan(1);
		expect(text).toBe(invoiceCsv(20_000));
		// Its input has no required field: it may be left out (`rows` defaults to 2).
		const whole = (await client().billing.invoice.export()) as Download;
		expect(await whole.text()).toBe(invoiceCsv(2));
	});

	it("ends a download's body when the caller aborts, even with a timeout set", async () => {
		const abort = new AbortController();
		const exported = (await client().call(
			ExportInvoices,
			{ rows: 100_000 },
			{ signal: abort.signal, timeoutMs: 30_000 },
		)) as Download;
		const reader = exported.body.getReader();
		await reader.read();
		abort.abort(new Error('enough'));
		await expect(
			(async () => {
				for (;;) if ((await reader.read()).done) return 'ended without an error';
			})(),
		).rejects.toThrow('enough');
	});

	it('leaves no listener on a long-lived signal once its downloads are read', async () => {
		const shutdown = new AbortController();
		for (let i = 0; i < 3; i++) {
			const exported = (await client().call(
				ExportInvoices,
				{ rows: 2 },
				{ signal: shutdown.signal, timeoutMs: 30_000 },
			)) as Download;
			expect(await exported.text()).toBe(invoiceCsv(2));
		}
		expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
	});
});

describe('the generated SDK', () => {
	it('compiles, and gives status, headers and downloads as the typed client does', async () => {
		const file = join(folder.dir, 'client.ts');
		writeFileSync(file, generateClientSdk(registry));
		const check = join(folder.dir, 'check.ts');
		writeFileSync(
			check,
			[
				"import { createApiClient, declaredError, type Download } from './client.ts';",
				"const api = createApiClient({ baseUrl: '' });",
				"const created = await api.billing.invoice.create({ total: '1' }, { withResponse: true });",
				'const status: 201 | 202 = created.status;',
				'const data: { id: string; total: string; queued?: boolean } = created.data;',
				'const exported: Download | { rows: number } = await api.billing.invoice.export({ rows: 1 });',
				"const deleted: undefined = await api.billing.invoice.delete({ id: 'x' });",
				'// @ts-expect-error the SDK knows a create never answers 200',
				'const wrong: 200 = created.status;',
				'const declared = declaredError(new Error(), api.billing.invoice.create);',
				"const code: 'TOTAL_NEGATIVE' | undefined = declared?.code;",
				'const none: undefined = declared?.data;',
				'// @ts-expect-error a code the contract does not declare',
				"if (declared?.code === 'NOT_FOUND') throw new Error();",
				'// @ts-expect-error a delete declares no errors: nothing to narrow to',
				'const never: string = declaredError(new Error(), api.billing.invoice.delete)?.code;',
				'export { code, data, deleted, exported, never, none, status, wrong };',
			].join('\n'),
		);
		expect(typeCheck([check])).toEqual([]);

		const sdk = (await import(file)) as {
			declaredError(error: unknown, method: object): unknown;
			createApiClient(options: { baseUrl: string }): {
				billing: {
					invoice: {
						create(
							input: object,
							options: { withResponse: true },
						): Promise<{ status: number; headers: Headers; data: unknown }>;
						export(input: object): Promise<Download>;
					};
				};
			};
		};
		const api = sdk.createApiClient({ baseUrl: server.origin });
		const created = await api.billing.invoice.create({ total: '1.00' }, { withResponse: true });
		expect([created.status, created.headers.get('location')]).toEqual([201, '/v1/invoices/inv-1']);
		const exported = await api.billing.invoice.export({ rows: 5 });
		expect([exported.mediaType, await exported.text()]).toEqual(['text/csv', invoiceCsv(5)]);
		const failed = await api.billing.invoice
			.create({ total: '-1' }, { withResponse: true })
			.catch((e: unknown) => e);
		expect(sdk.declaredError(failed, api.billing.invoice.create)).toMatchObject({
			code: 'TOTAL_NEGATIVE',
			status: 422,
		});
		expect(sdk.declaredError(failed, api.billing.invoice.export)).toBeUndefined();
	}, 30_000);
});
