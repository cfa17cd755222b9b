import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	freePort,
	type ServeProcess,
	startServe,
} from '../../../examples/workflow-system/test/e2e/serve-process.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../../../test-support/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
/** Screenshots go to the OS temp folder (printed), never into the repository. */
const SHOTS = join(tmpdir(), 'charter-studio-screenshots');
const PAGES = [
	'catalog',
	'run/workflow.instance.pause@1.0.0',
	'events',
	'audit',
	'health',
	'data/workflow.instance.list@1.0.0',
];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
if (!hasChromium) console.warn(`Studio browser test skipped: ${CHROMIUM} is missing`);

describe.skipIf(!hasChromium)('Studio in Chromium against charter serve of the example', () => {
	const db = join(tmpdir(), `studio-${randomUUID()}.db`);
	let api: ServeProcess;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	/** Requests that left the server's origin, and CSP reports, across every page. */
	const foreign: string[] = [];
	const cspErrors: string[] = [];

	beforeAll(async () => {
		// The package's build, as `npm run build -w @charter/studio` makes it; then a real server.
		// Vitest sets NODE_ENV=test, which would make Vite build React's development JSX.
		const nodeEnv = process.env.NODE_ENV;
		process.env.NODE_ENV = 'production';
		try {
			await build({
				configFile: join(root, 'vite.config.ts'),
				logLevel: 'error',
				mode: 'production',
			});
		} finally {
			process.env.NODE_ENV = nodeEnv;
		}
		api = await startServe(await freePort(), `sqlite:${db}`);
		browser = await launchChromium();
		mkdirSync(SHOTS, { recursive: true });
		console.log(`Studio screenshots: ${SHOTS}`);
	}, 180_000);

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await api?.stop();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
	});

	/**
	 * Opens Studio in a fresh context and signs in as one of the dev principals; `prepare` runs on
	 * the page before it opens (to route a request, say).
	 */
	async function signIn(
		principal: string,
		viewport = VIEWPORTS.desktop,
		prepare?: (page: Page) => Promise<unknown>,
	): Promise<Page> {
		const context = await browser.newContext({ viewport });
		contexts.push(context);
		const page = await context.newPage();
		await prepare?.(page);
		page.on('request', (request) => {
			if (!request.url().startsWith(api.url) && !request.url().startsWith('data:'))
				foreign.push(request.url());
		});
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
		});
		await page.goto(`${api.url}/studio/`);
		await page.getByRole('button', { name: `Sign in as ${principal}` }).click();
		return page;
	}

	const api_ = (path: string, token: string) =>
		fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
			r.json(),
		);

	/** Starts an expense approval as the employee (REST), with a caller's traceparent if given. */
	async function startInstance(traceparent?: string): Promise<Response> {
		const response = await fetch(`${api.url}/v1/workflow/instance/start`, {
			method: 'POST',
			headers: {
				authorization: 'Bearer employee-token',
				'content-type': 'application/json',
				...(traceparent ? { traceparent } : {}),
			},
			body: JSON.stringify({
				definitionKey: 'expense-approval',
				context: { amount: 12, reason: 'Studio live view' },
			}),
		});
		expect(response.ok).toBe(true);
		return response;
	}

	async function axeViolations(page: Page): Promise<string[]> {
		// Through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused).
		await page.evaluate(readFileSync(AXE, 'utf8'));
		return page.evaluate(async () => {
			const axe = (globalThis as unknown as { axe: { run: () => Promise<any> } }).axe;
			const results = await axe.run();
			return results.violations
				.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
				.map(
					(v: { id: string; help: string; nodes: { target: string[] }[] }) =>
						`${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
				);
		});
	}

	it('admin: finds pause by search, runs it on a waiting instance, sees the event live with the command that caused it, goes to its audit record and back, and sees the PAUSED column', async () => {
		const waiting = await api_('/v1/workflow/instance/list?status=WAITING&limit=1', 'admin-token');
		const instance = waiting.items[0] as { id: string };
		const page = await signIn('user-admin-1');
		await page.getByTestId('feed-status').getByText('Live', { exact: true }).waitFor();

		await page.getByRole('searchbox', { name: 'Search' }).fill('workflow.instance.pause');
		await page.locator('a[data-key="workflow.instance.pause"]').click();
		await page.getByRole('heading', { name: 'workflow.instance.pause' }).waitFor();
		expect(await page.getByTestId('policy').textContent()).toMatch(/admin/i);
		await page.getByRole('link', { name: 'Run workflow.instance.pause' }).click();

		const form = page.getByRole('form', { name: 'Input of workflow.instance.pause' });
		await form.getByLabel(/^Instance id/).fill(instance.id);
		await form.getByLabel(/^Reason/).fill('Studio e2e');
		await form.getByRole('button', { name: 'Send command' }).click();
		// The example declares pause not destructive (destructive: false): Studio sends it at once.
		await expect.poll(() => page.getByTestId('result-status').textContent()).toBe('200');
		const resultAt = await page.evaluate(() => Date.now());
		const body = JSON.parse((await page.getByTestId('result-body').textContent())!);
		expect(body).toMatchObject({ id: instance.id, status: 'PAUSED' });
		const traceId = (await page.getByTestId('result-trace').textContent())!;
		expect(traceId).toMatch(/^[0-9a-f]{32}$/);
		await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('curl -X POST');

		await page.getByRole('link', { name: 'Live events' }).click();
		const event = page.locator('li[data-event="workflow.instance.paused"]').first();
		await event.waitFor({ timeout: 1_000 });
		const receivedAt = Number(await event.getAttribute('data-received'));
		expect(receivedAt - resultAt).toBeLessThan(1_000);

		// The event says what caused it: the command, its caller and outcome, its trace.
		const cause = event.getByTestId('event-cause');
		const command = cause.getByTestId('event-command');
		expect(await command.textContent()).toBe('workflow.instance.pause v1.0.0');
		expect(decodeURIComponent((await command.getAttribute('href'))!)).toContain(
			'operations/workflow.instance.pause@1.0.0.html',
		);
		expect(await cause.textContent()).toContain('by user-admin-1, OK');
		expect(await cause.getByTestId('event-trace').textContent()).toBe(traceId);
		await page.screenshot({ path: join(SHOTS, 'events-cause-desktop.png'), fullPage: true });

		await event.getByTestId('event-audit').click();
		const record = page.getByTestId('audit-record');
		await record.waitFor();
		expect(await record.textContent()).toContain('workflow.instance.pause v1.0.0');
		expect(await record.textContent()).toContain(traceId);
		expect(await record.textContent()).toContain('user-admin-1');
		// And back: the record's events, in the live view.
		await record.getByTestId('record-events').click();
		await page.getByTestId('caused-by-filter').waitFor();
		const caused = page.locator('li[data-event]');
		expect(await caused.count()).toBe(1);
		expect(await caused.getAttribute('data-event')).toBe('workflow.instance.paused');
		expect(await caused.getByTestId('event-trace').textContent()).toBe(traceId);

		await page.getByRole('link', { name: 'Data' }).click();
		await page.getByRole('link', { name: 'workflow.instance.list' }).click();
		const paused = page.locator(`[data-column="PAUSED"] [data-item="${instance.id}"]`);
		await paused.waitFor();
		// The item's actions come from the contracts: a PAUSED instance offers resume, not pause.
		await paused.getByRole('button').click();
		const panel = page.getByTestId('item-panel');
		await panel.getByRole('form', { name: `Resume ${instance.id}` }).waitFor();
		expect(await panel.getByRole('form', { name: `Pause ${instance.id}` }).count()).toBe(0);
		await page.screenshot({ path: join(SHOTS, 'data-board-desktop.png'), fullPage: true });
		expect(foreign).toEqual([]);
		expect(cspErrors).toEqual([]);
	}, 120_000);

	it("an event of a call whose caller named the trace (traceparent) links to that call's own audit record, which keeps the caller's trace beside its own", async () => {
		const page = await signIn('user-admin-1');
		await page.getByTestId('feed-status').getByText('Live', { exact: true }).waitFor();
		await page.getByRole('link', { name: 'Live events' }).click();
		const named = randomUUID().replaceAll('-', '');
		const started = await startInstance(`00-${named}-00f067aa0ba902b7-01`);
		expect(started.headers.get('x-trace-id')).toBe(named);
		const event = page.locator('li[data-event="workflow.instance.started"]').first();
		await event.waitFor();
		expect(await event.getByTestId('event-trace').textContent()).toBe(named);
		expect(await event.getByTestId('event-command').textContent()).toBe(
			'workflow.instance.start v1.1.0',
		);
		expect(await event.getByTestId('event-cause').textContent()).toContain('by user-1, OK');
		await event.getByTestId('event-audit').click();
		const record = page.getByTestId('audit-record');
		await record.waitFor();
		const text = (await record.textContent())!;
		expect(text).toContain('workflow.instance.start v1.1.0');
		expect(text).toContain(`Caller's trace${named}`);
		// The record's own trace id is the server's, not the one the caller named.
		expect(text.split(named)).toHaveLength(2);
	});

	it('against a server from before causes, whose feed streams the bare envelope: the event is listed, its cause said to be unknown, its type, time, payload, command and trace kept', async () => {
		const older = {
			specversion: '1.0',
			id: randomUUID(),
			source: 'charter:operation/workflow.instance.pause@1.0.0',
			type: 'workflow.instance.paused',
			time: new Date().toISOString(),
			datacontenttype: 'application/json',
			data: { id: 'older-server-instance', status: 'PAUSED' },
			eventversion: '1.0.0',
			traceid: randomUUID().replaceAll('-', ''),
		};
		const withoutCause = { ...older, id: randomUUID(), type: 'workflow.instance.resumed' };
		// The first stream is the older server's (the bare envelope), and one as `{ envelope }`;
		// the feed then reconnects to this server.
		const page = await signIn('user-admin-1', VIEWPORTS.desktop, (p) =>
			p.route(
				'**/studio/api/events',
				(route) =>
					route.fulfill({
						contentType: 'text/event-stream',
						body: [': ready', older, { envelope: withoutCause }]
							.map((m) =>
								typeof m === 'string'
									? `${m}\n\n`
									: `event: charter\ndata: ${JSON.stringify(m)}\n\n`,
							)
							.join(''),
					}),
				{ times: 1 },
			),
		);
		await page.getByRole('link', { name: 'Live events' }).click();
		const event = page.locator('li[data-event="workflow.instance.paused"]');
		await event.waitFor({ timeout: 5_000 });
		const cause = event.getByTestId('event-cause');
		expect(await cause.textContent()).toContain('Cause not reported by this server');
		const command = cause.getByTestId('event-command');
		expect(await command.textContent()).toBe('workflow.instance.pause v1.0.0');
		expect(decodeURIComponent((await command.getAttribute('href'))!)).toContain(
			'operations/workflow.instance.pause@1.0.0.html',
		);
		expect(await cause.getByTestId('event-trace').textContent()).toBe(older.traceid);
		expect(await event.locator('time').getAttribute('datetime')).toBe(older.time);
		await event.getByRole('button', { name: 'Payload' }).click();
		expect(JSON.parse((await event.locator('pre').textContent())!)).toEqual(older);
		const other = page.locator('li[data-event="workflow.instance.resumed"]');
		expect(await other.getByTestId('event-cause').textContent()).toContain(
			'Cause not reported by this server',
		);
	});

	it('the employee token: Studio refuses to open, and no data is served', async () => {
		const page = await signIn('user-1');
		const refusal = page.getByTestId('refusal');
		await refusal.waitFor();
		expect(await refusal.textContent()).toContain('Studio opens only for the role admin');
		await page.screenshot({ path: join(SHOTS, 'refused-employee.png') });
		const audit = await fetch(`${api.url}/studio/api/audit`, {
			headers: { authorization: 'Bearer employee-token' },
		});
		expect(audit.status).toBe(403);
	});

	it("the other organization's admin sees none of org-acme's records", async () => {
		const acme = await api_('/studio/api/audit?limit=200', 'admin-token');
		expect(acme.items.length).toBeGreaterThan(0);
		const page = await signIn('user-globex-1');
		await page.getByRole('link', { name: 'Audit' }).click();
		const table = page.getByTestId('audit-table');
		await table.waitFor();
		const text = (await table.textContent())!;
		for (const who of ['user-1', 'user-admin-1', 'user-manager-1']) expect(text).not.toContain(who);
		expect(text).toContain('user-globex-1');
		await page.getByRole('link', { name: 'Data' }).click();
		await page.getByRole('link', { name: 'workflow.instance.list' }).click();
		await page.getByTestId('board').waitFor();
		const acmeIds = (await api_('/v1/workflow/instance/list?limit=100', 'admin-token')).items.map(
			(i: { id: string }) => i.id,
		);
		await expect.poll(() => page.locator('[data-item]').count()).toBeGreaterThan(0);
		const shown = await page
			.locator('[data-item]')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-item')));
		expect(shown.filter((id) => acmeIds.includes(id))).toEqual([]);
	});

	it('every page: no serious or critical axe violation in light and dark, at desktop and phone widths; a screenshot of each', async () => {
		const failures: string[] = [];
		for (const [name, viewport] of Object.entries(VIEWPORTS)) {
			const page = await signIn('user-admin-1', viewport);
			await page.getByTestId('viewer').waitFor();
			await page.getByTestId('feed-status').getByText('Live', { exact: true }).waitFor();
			// An event in the live view, so its cause is checked too.
			await startInstance();
			for (const theme of ['light', 'dark'] as const) {
				await page.getByLabel('Theme').selectOption(theme);
				for (const path of PAGES) {
					await page.goto(`${api.url}/studio/#/${path}`);
					await page.locator('main h1').first().waitFor();
					if (path === 'events') await page.getByTestId('event-cause').first().waitFor();
					// The live-event stream keeps a request open, so the network is never idle for long.
					await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => {});
					for (const v of await axeViolations(page))
						failures.push(`${theme} ${name} ${path}: ${v}`);
					await page.screenshot({
						path: join(SHOTS, `${path.split('/')[0]}-${theme}-${name}.png`),
						fullPage: true,
					});
				}
			}
		}
		expect(failures).toEqual([]);
	}, 240_000);
});
