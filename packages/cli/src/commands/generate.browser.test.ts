import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDocs } from '@charter/docs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { createOutput } from '../output/output.ts';

const CHROMIUM = '/usr/bin/chromium';
const here = fileURLToPath(new URL('.', import.meta.url));
const EXAMPLE = join(here, '../../../../examples/workflow-system');
const AXE = join(here, '../../../../node_modules/axe-core/axe.min.js');
/** Screenshots land in a gitignored folder, for a human (or agent) to look at. */
const SHOTS = join(here, '../../../docs/.screenshots');
const PAUSE = 'operations/workflow.instance.pause@1.0.0.html';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
	console.warn(`docs browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
}

function readTree(root: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
		}
	};
	walk(root);
	return files;
}

describe.skipIf(!hasChromium)('docs site in headless Chromium', () => {
	let outDir: string;
	let files: Map<string, string>;
	let server: { url: string; close: () => Promise<void> };
	let browser: Browser;
	const outside: string[] = [];

	beforeAll(async () => {
		outDir = mkdtempSync(join(tmpdir(), 'charter-docs-site-'));
		const lines: string[] = [];
		const sink = { write: (text: string) => lines.push(text) };
		const code = await main(
			['generate', 'docs', '--out', outDir],
			createOutput({ stdout: sink, stderr: sink }, { NO_COLOR: '1' }),
			EXAMPLE,
		);
		expect(code, lines.join('')).toBe(0);
		files = readTree(outDir);
		server = await serveDocs(files, { port: 0 });
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
		mkdirSync(SHOTS, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		if (outDir) rmSync(outDir, { recursive: true, force: true });
	});

	async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
		const page = await browser.newPage({ viewport });
		// Record and block any request that would leave the machine.
		await page.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (url.hostname === '127.0.0.1') return route.continue();
			outside.push(url.href);
			return route.abort();
		});
		await page.goto(new URL(path, server.url).href);
		return page;
	}

	it('finds workflow.instance.pause by searching the index for "pause" and opens it', async () => {
		const page = await open('index.html');
		await page.getByLabel('Search', { exact: true }).fill('pause');
		const link = page.getByRole('link', { name: 'workflow.instance.pause', exact: true });
		await expect.poll(() => link.isVisible()).toBe(true);
		const visible = await page.locator('[data-entry]:not([hidden])').count();
		const all = await page.locator('[data-entry]').count();
		expect(visible).toBeGreaterThan(0);
		expect(visible).toBeLessThan(all);
		await expect.poll(() => page.locator('#result-count').textContent()).toBe(`${visible} results`);
		await link.click();
		await page.waitForURL(/workflow\.instance\.pause@1\.0\.0\.html$/);
		expect(await page.locator('h1').textContent()).toBe('workflow.instance.pause');
		await page.close();
	});

	it('filters the index by tag, owner and stability', async () => {
		const page = await open('index.html');
		const visibleHrefs = () =>
			page
				.locator('[data-entry]:not([hidden])')
				.evaluateAll((items) => items.map((i) => i.getAttribute('data-entry')));
		const search = JSON.parse(files.get('search-index.json')!) as {
			href: string;
			tags: string[];
			owners: string[];
			stability?: string;
		}[];
		const expected = (test: (e: (typeof search)[number]) => boolean) =>
			search
				.filter(test)
				.map((e) => e.href)
				.sort();
		await page.selectOption('#filter-tag', 'pause');
		expect((await visibleHrefs()).sort()).toEqual(expected((e) => e.tags.includes('pause')));
		await page.selectOption('#filter-tag', '');
		const stability =
			search.find((e) => e.stability && e.stability !== 'stable')?.stability ?? 'stable';
		await page.selectOption('#filter-stability', stability);
		expect((await visibleHrefs()).sort()).toEqual(expected((e) => e.stability === stability));
		await page.selectOption('#filter-stability', '');
		await page.selectOption('#filter-owner', '@example.workflow-system');
		const owned = await visibleHrefs();
		expect(owned).toContain(PAUSE);
		expect(owned.sort()).toEqual(expected((e) => e.owners.includes('@example.workflow-system')));
		await page.close();
	});

	it('shows the facts once, the input and output field tables, and working links', async () => {
		const page = await open(PAUSE);
		const facts = await page
			.locator('dl.facts')
			.first()
			.evaluate((dl) =>
				Object.fromEntries(
					[...dl.querySelectorAll('dt')].map((dt) => [
						dt.textContent,
						dt.nextElementSibling?.textContent,
					]),
				),
			);
		expect(facts).toEqual({
			Type: 'operation (command)',
			Version: '1.0.0',
			Stability: 'stable',
			Owners: '@example.workflow-system',
			Tags: 'workflow, instance, pause',
			File: 'src/instance/instance.operations.ts',
		});
		expect(await page.locator('dl.facts').count()).toBe(1);
		const inputRows = await page
			.locator('section[aria-labelledby="input"] tbody th')
			.allTextContents();
		expect(inputRows).toEqual(['instanceId', 'reason']);
		const outputRows = await page
			.locator('section[aria-labelledby="output"] tbody th')
			.allTextContents();
		expect(outputRows).toEqual(
			expect.arrayContaining(['id', 'status', 'previousStatus', 'updatedAt']),
		);
		const statusRow = page.locator('section[aria-labelledby="output"] tbody tr', {
			hasText: 'previousStatus',
		});
		expect(await statusRow.locator('td').allTextContents()).toEqual(
			expect.arrayContaining(['InstanceStatus', 'no', 'yes']),
		);
		expect(await page.locator('#wire + .table-wrap').textContent()).toContain(
			'POST /v1/workflow/instance/pause',
		);
		const eventLink = page.locator('section[aria-labelledby="events"] a').first();
		expect(await eventLink.textContent()).toBe('workflow.instance.paused');
		await page
			.locator('section[aria-labelledby="output"] a', { hasText: 'WorkflowInstance' })
			.first()
			.click();
		await page.waitForURL(/models\/WorkflowInstance\.html$/);
		expect(await page.locator('h1').textContent()).toBe('WorkflowInstance');
		await page.close();
	});

	it('resolves every internal link of every page', async () => {
		const broken: string[] = [];
		for (const [path, body] of files) {
			if (!path.endsWith('.html')) continue;
			for (const [, href] of body.matchAll(/href="([^"#?]+)[^"]*"/g)) {
				const target = new URL(href!, new URL(path, 'http://site/')).pathname.slice(1);
				if (!files.has(target)) broken.push(`${path} -> ${href}`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('shows no raw label keys on any page', async () => {
		const pages = [...files.keys()].filter((p) => p.endsWith('.html'));
		const page = await browser.newPage();
		for (const path of pages) {
			await page.goto(new URL(path, server.url).href);
			const text = await page.evaluate(() => document.documentElement.textContent);
			expect(text, path).not.toMatch(/\b[a-z]+(\.[a-z]+)*\.label\b/);
		}
		await page.close();
	});

	it('takes desktop and phone screenshots in light and dark themes without overflowing the phone', async () => {
		for (const [name, viewport] of [
			['desktop', { width: 1280, height: 900 }],
			['phone', { width: 390, height: 844 }],
		] as const) {
			for (const path of ['index.html', PAUSE]) {
				const page = await open(path, viewport);
				const slug = path === PAUSE ? 'pause' : 'index';
				await page.screenshot({ path: join(SHOTS, `${slug}-${name}-light.png`), fullPage: false });
				await page.getByRole('button', { name: /theme/i }).click();
				expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
				await page.screenshot({ path: join(SHOTS, `${slug}-${name}-dark.png`), fullPage: true });
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth,
				);
				expect(overflow, `${path} at ${name} width scrolls sideways`).toBeLessThanOrEqual(0);
				await page.close();
			}
		}
	});

	it('has no serious or critical axe violations on the index, a contract, an event and a model', async () => {
		const paths = [
			'index.html',
			PAUSE,
			'events/workflow.instance.paused@1.0.0.html',
			'models/WorkflowInstance.html',
		];
		const found: string[] = [];
		for (const path of paths) {
			for (const theme of ['light', 'dark']) {
				const page = await open(path);
				await page.evaluate((t) => {
					document.documentElement.dataset.theme = t;
				}, theme);
				await page.addScriptTag({ path: AXE });
				const violations = await page.evaluate(async () => {
					const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
					return result.violations.map((v: any) => ({
						id: v.id,
						impact: v.impact,
						nodes: v.nodes.length,
						target: v.nodes[0]?.target,
					}));
				});
				for (const v of violations as {
					id: string;
					impact: string;
					nodes: number;
					target: unknown;
				}[]) {
					if (v.impact === 'serious' || v.impact === 'critical')
						found.push(`${path} (${theme}): ${v.id} ×${v.nodes} ${JSON.stringify(v.target)}`);
				}
				await page.close();
			}
		}
		expect(found).toEqual([]);
	});

	it('requested nothing outside the machine', () => {
		expect(outside).toEqual([]);
	});
});
