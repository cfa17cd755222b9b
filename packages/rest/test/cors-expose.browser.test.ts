import { createExecutor, silentLogger } from '@charter/runtime';
import { createRegistry, wireNames } from '@charter/spec';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from '../../../test-support/chromium.ts';
import { serveNode, type TestServer } from '../../../test-support/node-server.ts';
import { CreateInvoice, responseBindings } from '../../../test-support/response-contracts.ts';
import { createRestServer } from '../src/node/node-server.ts';

// A page on another origin reads a success's declared headers (`Location` after a 201): the
// REST surface names them in `Access-Control-Expose-Headers`, or the browser hides them.

if (!hasChromium) console.warn(`CORS browser test skipped: ${CHROMIUM} is missing`);

describe.skipIf(!hasChromium)('declared response headers across origins, in Chromium', () => {
	let page: TestServer;
	let api: TestServer;
	let browser: Browser;

	beforeAll(async () => {
		page = await serveNode((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>');
		});
		const executor = createExecutor({
			contracts: createRegistry([CreateInvoice]),
			bindings: responseBindings,
			logger: silentLogger,
		});
		api = await serveNode(
			createRestServer(executor, { cors: { origins: [page.origin] } }).listener,
		);
		browser = await launchChromium();
	}, 30_000);
	afterAll(async () => {
		await browser?.close();
		await Promise.all([page?.close(), api?.close()]);
	});

	it('lets a page on another origin read Location and the trace id of a 201', async () => {
		const tab = await browser.newPage();
		await tab.goto(page.origin);
		const url = `${api.origin}${wireNames(CreateInvoice).rest.path}`;
		const seen = await tab.evaluate(async (target) => {
			const response = await fetch(target, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ total: '1.00' }),
			});
			return {
				status: response.status,
				location: response.headers.get('location'),
				traced: response.headers.get('x-trace-id') !== null,
			};
		}, url);
		expect(seen).toEqual({ status: 201, location: '/v1/invoices/inv-1', traced: true });
	});
});
