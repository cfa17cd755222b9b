import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../src/index.ts';
import { fixtureRegistry, TOKENS } from './fixtures/fixture-contracts.ts';
import { createFixtureExecutor, fixtureContext } from './fixtures/fixture-executor.ts';

const CHROMIUM = '/usr/bin/chromium';
/** Screenshots land in a gitignored folder, for a person to look at. */
const SHOTS = fileURLToPath(new URL('../.screenshots', import.meta.url));
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`GraphiQL browser tests skipped: ${CHROMIUM} is missing`);

const executor = createFixtureExecutor();
const handler = createGraphqlHandler(fixtureRegistry(), {
	executor,
	events: executor.bus,
	context: fixtureContext,
});

/** Replaces the text of the visible CodeMirror editor under `selector`. */
async function setEditor(page: Page, selector: string, text: string) {
	await page.evaluate(
		([css, value]) => {
			const found = [...document.querySelectorAll(css!)].find(
				(el) => (el as HTMLElement).offsetParent !== null,
			) as (HTMLElement & { CodeMirror?: { setValue(v: string): void } }) | undefined;
			if (!found?.CodeMirror) throw new Error(`no visible editor at ${css}`);
			found.CodeMirror.setValue(value!);
		},
		[selector, text],
	);
	// GraphiQL reads its editors through a debounced change handler.
	await page.waitForTimeout(500);
}

const resultText = (page: Page) =>
	page.locator('.graphiql-response .CodeMirror-code').textContent();

describe.skipIf(!hasChromium)('GraphiQL explorer in headless Chromium', () => {
	let server: Server;
	let origin: string;
	let browser: Browser;
	let page: Page;
	const elsewhere: string[] = [];
	const failures: string[] = [];

	beforeAll(async () => {
		server = createServer((req, res) => void handler.node(req, res));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run',
				'--disable-sync',
			],
		});
		page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (url.origin !== origin && url.protocol !== 'data:') elsewhere.push(request.url());
		});
		page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
		page.on('response', (response) => {
			if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
		});
		page.on('console', (message) => {
			if (message.type() === 'error') failures.push(`console: ${message.text()}`);
		});
		// Injected by the driver, so the CSP does not apply to it: records every violation.
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
			});
		});
		mkdirSync(SHOTS, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		server?.closeAllConnections();
		await new Promise((resolve) => server?.close(resolve));
	});

	it('renders GraphiQL from local files only, with no CSP violation or script error', async () => {
		const response = await page.goto(`${origin}/graphql`);
		expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
		await page.locator('.graphiql-container .graphiql-query-editor .CodeMirror').waitFor();
		// The schema came through the fetcher: the documentation explorer can list Query.
		await page.locator('.graphiql-execute-button').waitFor();
		expect(elsewhere).toEqual([]);
		expect(failures).toEqual([]);
	});

	it('runs a query with the Bearer token typed into the headers editor and shows the result', async () => {
		await setEditor(
			page,
			'.graphiql-query-editor .CodeMirror',
			'query Note { notesNoteGet(input: { id: "n1" }) { id title status author { email } } }',
		);
		await setEditor(
			page,
			'.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
			JSON.stringify({ Authorization: `Bearer ${TOKENS.user}` }),
		);
		await page.locator('.graphiql-execute-button').click();
		await expect.poll(() => resultText(page), { timeout: 10_000 }).toContain('"title": "First"');
		expect(await resultText(page)).toContain('"email": "ada@example.com"');
		await page.screenshot({ path: join(SHOTS, 'graphiql-query.png') });
		expect(elsewhere).toEqual([]);
		expect(failures).toEqual([]);
	});

	it('with the template and its empty Bearer, Ctrl+Enter reruns the query and shows UNAUTHENTICATED', async () => {
		await setEditor(
			page,
			'.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
			'{ "Authorization": "Bearer " }',
		);
		await page.locator('.graphiql-query-editor .CodeMirror').click();
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => resultText(page), { timeout: 10_000 }).toContain('UNAUTHENTICATED');
		expect(failures).toEqual([]);
	});

	it('streams a subscription over graphql-sse: an event published after it opened appears', async () => {
		await setEditor(
			page,
			'.graphiql-query-editor .CodeMirror',
			'subscription Created { notesNoteCreated { title tenant } }',
		);
		await setEditor(
			page,
			'.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
			JSON.stringify({ Authorization: `Bearer ${TOKENS.user}` }),
		);
		await page.locator('.graphiql-execute-button').click();
		// The listener is live once the stream is open; keep creating notes until one arrives.
		await expect
			.poll(
				async () => {
					await handler.fetch(
						new Request(`${origin}/graphql`, {
							method: 'POST',
							headers: {
								'content-type': 'application/json',
								authorization: `Bearer ${TOKENS.user}`,
							},
							body: JSON.stringify({
								query: 'mutation { notesNoteCreate(input: { title: "From the bus" }) { id } }',
							}),
						}),
					);
					return resultText(page);
				},
				{ timeout: 10_000, interval: 300 },
			)
			.toContain('"title": "From the bus"');
		await page.screenshot({ path: join(SHOTS, 'graphiql-subscription.png') });
		await page.locator('.graphiql-execute-button').click(); // stops the subscription
		expect(elsewhere).toEqual([]);
		expect(failures).toEqual([]);
	});
});
