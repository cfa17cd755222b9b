import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../../test-support/chromium.ts';
import { freePort, type ServeProcess, startServe } from './serve-process.ts';

/*
 * The docs site as a reader meets it: `charter serve` of the example (SQLite, demo data), the
 * README's first commands, then Debian's Chromium on /docs: sidebar, the one search, the
 * try-it panel against this server, dark and phone layouts, axe-core, the CSP.
 */

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));
const AXE = join(REPO, 'node_modules/axe-core/axe.min.js');
/** Screenshots land in a git-ignored folder, for a human (or agent) to look at. */
const SHOTS = join(REPO, 'packages/docs/.screenshots');
const PAUSE = 'operations/workflow.instance.pause@1.0.0.html';
const GUIDE = 'guides/getting-started/first-service.html';
const db = join(tmpdir(), `workflow-docs-${randomUUID()}.db`);
if (!hasChromium)
	console.warn(
		'docs browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium)',
	);

let server: ServeProcess;
let docs: string;

beforeAll(async () => {
	server = await startServe(await freePort(), `sqlite:${db}`);
	docs = `${server.url}/docs/`;
}, 120_000);
afterAll(async () => {
	await server?.stop();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
});

/** The id of a WAITING instance of org-acme, from the demo data. */
async function waitingInstance(): Promise<string> {
	const response = await fetch(`${server.url}/v1/workflow/instance/list?status=WAITING&limit=1`, {
		headers: { authorization: 'Bearer admin-token' },
	});
	return ((await response.json()) as { items: { id: string }[] }).items[0]!.id;
}

/** Splits what several commands printed back to back into its JSON values. */
function jsonValues(text: string): unknown[] {
	const values: unknown[] = [];
	let rest = text.trim();
	while (rest) {
		let end = rest.indexOf('}') + 1;
		for (;;) {
			try {
				values.push(JSON.parse(rest.slice(0, end)));
				break;
			} catch {
				end = rest.indexOf('}', end) + 1;
				if (end === 0) throw new Error(`not JSON: ${rest.slice(0, 200)}`);
			}
		}
		rest = rest.slice(end).trim();
	}
	return values;
}

describe("the README's first commands", () => {
	it('list the waiting instances and pause the first one, as written (only the port differs)', async () => {
		const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
		const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
			.map((m) => m[1]!)
			.find((text) => text.includes('curl') && text.includes('instance/list'));
		if (!block) throw new Error('README has no sh block that lists instances with curl');
		const { stdout } = await promisify(execFile)('sh', [
			'-c',
			block.replaceAll('http://127.0.0.1:3000', server.url),
		]);
		const [list, paused] = jsonValues(stdout);
		expect((list as { items: unknown[] }).items.length).toBeGreaterThan(0);
		expect(paused).toMatchObject({
			status: 'PAUSED',
			pauseReason: 'maintenance',
			previousStatus: 'WAITING',
		});
	});
});

// A page load takes seconds when the machine is busy; ten of them make the axe test.
describe.skipIf(!hasChromium)('the docs site in headless Chromium', { timeout: 180_000 }, () => {
	let browser: Browser;
	const outside: string[] = [];
	const violations: string[] = [];

	beforeAll(async () => {
		browser = await launchChromium();
		mkdirSync(SHOTS, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function open(
		path: string,
		viewport = { width: 1440, height: 900 },
		options: { bypassCSP?: boolean } = {},
	): Promise<Page> {
		const page = await browser.newPage({ viewport, ...options });
		await page.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (url.hostname === '127.0.0.1') return route.continue();
			outside.push(url.href);
			return route.abort();
		});
		page.on('console', (message) => {
			if (/Content Security Policy|Refused to/i.test(message.text()))
				violations.push(`${path}: ${message.text()}`);
		});
		page.on('pageerror', (error) => violations.push(`${path}: ${error.message}`));
		await page.goto(new URL(path, docs).href);
		return page;
	}

	it('serves every page under a strict Content-Security-Policy, with no inline script', async () => {
		const response = await fetch(new URL(PAUSE, docs));
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toContain('unsafe-inline');
		expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
	});

	it('shows a sidebar with the guides, then the features with method badges, the current page marked', async () => {
		const page = await open(PAUSE);
		const sidebar = page.getByRole('navigation', { name: 'Guides and reference' });
		const current = sidebar.locator('a[aria-current="page"]');
		await expect.poll(() => current.textContent()).toBe('POST workflow.instance.pause');
		expect(await current.locator('.method').textContent()).toBe('POST');
		expect(await sidebar.locator('summary').first().textContent()).toBe('Getting started');
		expect(await sidebar.locator('.method-get').count()).toBeGreaterThan(5);
		await sidebar.locator('summary', { hasText: 'Contracts' }).click();
		await sidebar.getByRole('link', { name: 'Policy and errors' }).click();
		await page.waitForURL(/guides\/contracts\/policy-and-errors\.html$/);
		expect(await page.locator('h1').textContent()).toBe('Policy and errors');
		await page.close();
	});

	it('finds guides and reference in one search, opened with /, and goes to a result with the keyboard', async () => {
		const page = await open(GUIDE);
		await page.keyboard.press('/');
		const search = page.getByRole('combobox', { name: 'Search guides and reference' });
		expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);
		await search.fill('pause');
		await expect
			.poll(() => page.locator('#search-results li').first().textContent())
			.toContain('workflow.instance.pause');
		const kinds = await page
			.locator('#search-results .kind, #search-results .method')
			.allTextContents();
		expect(kinds).toContain('POST');
		expect(kinds.some((k) => k === 'guide' || k === 'section')).toBe(true);
		await search.press('ArrowDown');
		expect(await search.getAttribute('aria-activedescendant')).toBe('search-option-0');
		await search.press('Enter');
		await page.waitForURL(/workflow\.instance\.pause@1\.0\.0\.html$/);
		await page.keyboard.press('Control+k');
		expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);
		await page.close();
	});

	it('sends a pause from the try-it panel to this server, and shows a 403 problem for a caller who may not', async () => {
		const page = await open(PAUSE);
		const form = page.locator('form#try-form');
		expect(await form.getByLabel('Server').inputValue()).toBe(server.url);
		const id = await waitingInstance();
		await form.getByLabel('Bearer token').fill('admin-token');
		await form
			.getByLabel('Input (JSON)')
			.fill(JSON.stringify({ instanceId: id, reason: 'tried from the docs' }));
		await form.getByRole('button', { name: 'Send request' }).click();
		const result = page.locator('#try-result');
		await expect.poll(() => result.locator('strong').textContent()).toMatch(/^200/);
		expect(JSON.parse((await result.locator('code').textContent())!)).toMatchObject({
			id,
			status: 'PAUSED',
			pauseReason: 'tried from the docs',
		});
		expect(await page.evaluate(() => sessionStorage.getItem('charter-try-token'))).toBe(
			'admin-token',
		);
		expect(await page.evaluate(() => localStorage.getItem('charter-try-token'))).toBeNull();
		await page.screenshot({ path: join(SHOTS, 'try-it-200.png') });

		await form.getByLabel('Bearer token').fill('employee-token');
		await form.getByRole('button', { name: 'Send request' }).click();
		await expect.poll(() => result.locator('strong').textContent()).toMatch(/^403/);
		expect(await result.textContent()).toContain('FORBIDDEN');
		expect(JSON.parse((await result.locator('code').textContent())!)).toMatchObject({
			status: 403,
			code: 'FORBIDDEN',
		});
		await page.close();
	});

	it('lays the request and response panels beside the prose on a wide screen, with snippet tabs', async () => {
		const page = await open(PAUSE);
		const prose = await page.locator('.op-prose').boundingBox();
		const panels = await page.locator('.op-panels').boundingBox();
		expect(panels!.x).toBeGreaterThan(prose!.x + prose!.width - 1);
		const tabs = page.getByRole('tab');
		expect(await tabs.allTextContents()).toEqual(['curl', 'TypeScript', 'GraphQL', 'MCP']);
		await tabs.nth(2).click();
		expect(await page.locator('#snippet-graphql').isVisible()).toBe(true);
		expect(await page.locator('#snippet-curl').isVisible()).toBe(false);
		expect(await page.locator('details#enum-InstanceStatus').count()).toBe(1);
		await page.close();
	});

	it('has light, dark and phone layouts that never scroll sideways, with the sidebar behind a menu on a phone', async () => {
		for (const [name, viewport] of [
			['desktop', { width: 1440, height: 900 }],
			['phone', { width: 390, height: 844 }],
		] as const) {
			for (const path of ['index.html', PAUSE, GUIDE]) {
				const page = await open(path, viewport);
				const slug = path === PAUSE ? 'pause' : path === GUIDE ? 'guide' : 'index';
				await page.screenshot({ path: join(SHOTS, `${slug}-${name}-light.png`) });
				await page.getByRole('button', { name: /theme/i }).click();
				expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
				expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
					'rgb(20, 23, 28)',
				);
				await page.screenshot({ path: join(SHOTS, `${slug}-${name}-dark.png`), fullPage: true });
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth,
				);
				expect(overflow, `${path} at ${name} width scrolls sideways`).toBeLessThanOrEqual(0);
				const sidebar = page.locator('#sidebar');
				if (name === 'phone') {
					expect(await sidebar.isVisible()).toBe(false);
					await page.getByRole('button', { name: 'Menu' }).click();
					expect(await sidebar.isVisible()).toBe(true);
				} else expect(await sidebar.isVisible()).toBe(true);
				await page.close();
			}
		}
	});

	it('has no serious or critical axe violations on the index, a guide, an operation, an event and a model, light and dark', async () => {
		const found: string[] = [];
		for (const path of [
			'index.html',
			GUIDE,
			PAUSE,
			'events/workflow.instance.paused@1.0.0.html',
			'models/WorkflowInstance.html',
		]) {
			for (const theme of ['light', 'dark']) {
				// axe is injected as a script of the test's own, which the site's CSP would refuse.
				const page = await open(path, undefined, { bypassCSP: true });
				await page.evaluate((t) => {
					document.documentElement.dataset.theme = t;
				}, theme);
				await page.locator('#sidebar details').first().waitFor();
				await page.addScriptTag({ path: AXE });
				const result = (await page.evaluate(async () =>
					(window as any).axe.run(document, { resultTypes: ['violations'] }),
				)) as {
					violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
				};
				for (const v of result.violations) {
					if (v.impact === 'serious' || v.impact === 'critical')
						found.push(
							`${path} (${theme}): ${v.id} ×${v.nodes.length} ${JSON.stringify(v.nodes[0]?.target)}`,
						);
				}
				await page.close();
			}
		}
		expect(found).toEqual([]);
	});

	it('filters the reference index by tag, and shows method and path on each operation card', async () => {
		const page = await open('index.html');
		const card = page.locator(`[data-entry="${PAUSE}"]`);
		expect(await card.locator('.route').textContent()).toBe('POST /v1/workflow/instance/pause');
		await page.selectOption('#filter-tag', 'pause');
		const visible = await page
			.locator('[data-entry]:not([hidden])')
			.evaluateAll((items) => items.map((i) => i.getAttribute('data-entry')));
		expect(visible).toContain(PAUSE);
		expect(visible.every((href) => href?.includes('pause'))).toBe(true);
		await page.close();
	});

	it('links nothing that is not there, and loads nothing from elsewhere without a CSP violation', async () => {
		const llms = await (await fetch(new URL('llms.txt', docs))).text();
		const pages = [...llms.matchAll(/\]\(([^)]+)\.md\)/g)].map((m) => `${m[1]}.html`);
		expect(pages.length).toBeGreaterThan(80);
		const broken: string[] = [];
		for (const path of ['index.html', ...pages]) {
			const body = await (await fetch(new URL(path, docs))).text();
			for (const [, href] of body.matchAll(/href="([^"#?]+)[^"]*"/g)) {
				if (/^[a-z]+:/.test(href!)) continue;
				const target = new URL(href!, new URL(path, docs));
				if ((await fetch(target, { method: 'HEAD' })).status !== 200)
					broken.push(`${path} -> ${href}`);
			}
		}
		expect(broken).toEqual([]);
		expect(outside).toEqual([]);
		expect(violations).toEqual([]);
	}, 120_000);
});
