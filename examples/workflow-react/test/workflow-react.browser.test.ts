import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from '../../../test-support/chromium.ts';
import {
	freePort,
	type ServeProcess,
	startServe,
} from '../../workflow-system/test/e2e/serve-process.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
/** Screenshots land in a gitignored folder, for a person to look at. */
const SHOTS = join(root, '.screenshots');
if (!hasChromium) console.warn(`React example browser test skipped: ${CHROMIUM} is missing`);

describe.skipIf(!hasChromium)('the React example against charter serve, in Chromium', () => {
	const db = join(tmpdir(), `workflow-react-${randomUUID()}.db`);
	let outDir: string;
	let api: ServeProcess;
	let site: PreviewServer;
	let url: string;
	let browser: Browser;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		api = await startServe(await freePort(), `sqlite:${db}`);
		outDir = mkdtempSync(join(tmpdir(), 'workflow-react-dist-'));
		// The production bundle, served by Vite's preview server proxying /v1 and /graphql.
		process.env.CHARTER_API = api.url;
		await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
		site = await preview({
			root,
			logLevel: 'error',
			build: { outDir },
			preview: { port: 0, host: '127.0.0.1', strictPort: false },
		});
		url = site.resolvedUrls!.local[0]!;
		browser = await launchChromium();
		mkdirSync(SHOTS, { recursive: true });
	}, 120_000);

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await site?.close();
		await api?.stop();
		if (outDir) rmSync(outDir, { recursive: true, force: true });
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
	});

	/** Opens the app as a demo user, in a context of its own, and waits for live updates. */
	async function openAs(token: string): Promise<{ page: Page; posts: string[] }> {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		contexts.push(context);
		const page = await context.newPage();
		const posts: string[] = [];
		page.on('request', (request) => {
			if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/v1/'))
				posts.push(new URL(request.url()).pathname);
		});
		await page.goto(`${url}?as=${token}`);
		await page.getByTestId('live-status').getByText('Live', { exact: true }).waitFor();
		return { page, posts };
	}

	/** Runs axe-core on the page's forms and gives the serious and critical violations. */
	async function formViolations(page: Page): Promise<string[]> {
		await page.addScriptTag({ path: AXE });
		return page.evaluate(async () => {
			const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<any> } })
				.axe;
			const results = await axe.run({ include: [['form']] });
			return results.violations
				.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
				.map((v: { id: string; help: string }) => `${v.id}: ${v.help}`);
		});
	}

	const row = (page: Page, reason: string) =>
		page.locator('tbody tr').filter({ has: page.getByRole('button', { name: reason }) });

	it("pauses and resumes through the generated forms, and another browser's list follows without a reload", async () => {
		const watcher = await openAs('employee-token');
		await expect
			.poll(() => row(watcher.page, 'Parking').getByTestId('status').textContent())
			.toBe('WAITING');
		const admin = await openAs('admin-token');
		await row(admin.page, 'Parking').getByRole('button').click();
		const form = admin.page.getByRole('form', { name: 'Pause this instance' });
		await form.getByLabel('Reason').fill('Receipt missing');
		await form.getByRole('button', { name: 'Pause' }).click();
		await expect
			.poll(() => admin.page.getByTestId('detail-status').textContent(), { timeout: 10_000 })
			.toBe('PAUSED');
		expect(admin.posts).toEqual(['/v1/workflow/instance/pause']);
		// The other context heard workflow.instance.paused over SSE and refetched its list.
		await expect
			.poll(() => row(watcher.page, 'Parking').getByTestId('status').textContent(), {
				timeout: 10_000,
			})
			.toBe('PAUSED');
		await admin.page.screenshot({ path: join(SHOTS, 'paused.png') });
		// Paused, it offers resume instead; resuming restores the status it had.
		const resume = admin.page.getByRole('form', { name: 'Resume this instance' });
		await resume.getByRole('button', { name: 'Resume' }).click();
		await expect
			.poll(() => admin.page.getByTestId('detail-status').textContent(), { timeout: 10_000 })
			.toBe('WAITING');
		await expect
			.poll(() => row(watcher.page, 'Parking').getByTestId('status').textContent(), {
				timeout: 10_000,
			})
			.toBe('WAITING');
	});

	it('an empty required field shows the validation error and sends nothing; then a decision moves the step', async () => {
		const manager = await openAs('manager-token');
		await row(manager.page, 'Taxi to the airport').getByRole('button').click();
		const form = manager.page.getByRole('form', { name: 'Decide this approval' });
		await form.getByRole('button', { name: 'Send decision' }).click();
		const decision = form.getByLabel(/^Decision/);
		await expect.poll(() => decision.getAttribute('aria-invalid')).toBe('true');
		const describedBy = (await decision.getAttribute('aria-describedby'))!.split(' ');
		const messages = await Promise.all(
			describedBy.map((id) => manager.page.locator(`[id="${id}"]`).textContent()),
		);
		expect(messages).toContain('is required');
		expect(manager.posts).toEqual([]);
		await manager.page.screenshot({ path: join(SHOTS, 'required.png') });
		// The form with an error showing is accessible too.
		expect(await formViolations(manager.page)).toEqual([]);

		await decision.selectOption('APPROVE');
		await form.getByRole('button', { name: 'Send decision' }).click();
		await expect
			.poll(() => row(manager.page, 'Taxi to the airport').locator('td').nth(2).textContent(), {
				timeout: 10_000,
			})
			.toBe('approved');
		expect(manager.posts).toEqual(['/v1/workflow/approval/decide']);
	});

	it('the generated form has no serious or critical accessibility violation (axe-core)', async () => {
		const admin = await openAs('admin-token');
		await row(admin.page, 'Conference ticket').getByRole('button').click();
		await admin.page.getByRole('form', { name: 'Pause this instance' }).waitFor();
		expect(await formViolations(admin.page)).toEqual([]);
	});
});
