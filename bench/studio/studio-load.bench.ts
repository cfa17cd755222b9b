import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { freePort, startServe } from '../../examples/workflow-system/test/e2e/serve-process.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../../test-support/chromium.ts';
import type { BenchReport } from '../bench-report.ts';

/*
 * Studio's initial load in Debian's headless Chromium against `charter serve` of the example:
 * a cold browser context opens /studio/ (the sign-in screen), then signs in as the example's
 * admin and waits for the catalog. Measured per run, from the browser's own timings:
 * - bytes: every response of the load (HTML, JS, CSS, the API's JSON), as transferred (the
 *   Resource Timing `transferSize`) and as gzip -6 of the same bodies (what a gzip-serving
 *   proxy would send); the target is 300 kB gzip;
 * - interactive: from navigation start until the sign-in buttons are in the page and
 *   clickable (the app has rendered and its handlers are attached); the target is 1 s;
 * - catalog: from the click until the catalog's heading shows (reference).
 * The median of RUNS cold loads is reported. Needs /usr/bin/chromium and Studio's build
 * (`npm run build -w @charter/studio`).
 */

const RUNS = 5;
const BUDGET_BYTES = 300 * 1024;
const BUDGET_MS = 1000;
const STUDIO_DIST = fileURLToPath(
	new URL('../../packages/studio/dist/app/index.html', import.meta.url),
);

interface LoadRun {
	readonly transferred: number;
	readonly gzip: number;
	readonly raw: number;
	readonly interactiveMs: number;
	readonly catalogMs: number;
	readonly requests: number;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function loadOnce(browser: Browser, url: string): Promise<LoadRun> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		const bodies: Promise<Buffer | undefined>[] = [];
		page.on('response', (response) => {
			// The live-event stream never ends; its bytes are a few comments.
			if (response.url().endsWith('/studio/api/events')) return;
			bodies.push(response.body().catch(() => undefined));
		});
		await page.goto(`${url}/studio/`);
		const signIn = page.getByRole('button', { name: /^Sign in as / }).first();
		await signIn.waitFor();
		const interactiveMs = await page.evaluate(() => performance.now());
		const clicked = await page.evaluate(() => performance.now());
		await signIn.click();
		await page.locator('main h1').first().waitFor();
		const catalogMs = (await page.evaluate(() => performance.now())) - clicked;
		await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => {});
		const transferred = await page.evaluate(() =>
			[
				...performance.getEntriesByType('navigation'),
				...performance.getEntriesByType('resource'),
			].reduce((sum, e) => sum + (e as PerformanceResourceTiming).transferSize, 0),
		);
		const loaded = (await Promise.all(bodies)).filter((b): b is Buffer => b !== undefined);
		return {
			transferred,
			raw: loaded.reduce((sum, b) => sum + b.length, 0),
			gzip: loaded.reduce((sum, b) => sum + gzipSync(b, { level: 6 }).length, 0),
			interactiveMs,
			catalogMs,
			requests: loaded.length,
		};
	} finally {
		await context.close();
	}
}

/** Loads Studio cold RUNS times and judges the median against the budgets. */
export async function run(): Promise<BenchReport> {
	if (!hasChromium) throw new Error(`Studio load bench needs ${CHROMIUM}`);
	if (!existsSync(STUDIO_DIST))
		throw new Error('Studio is not built: run npm run build -w @charter/studio');
	const db = join(tmpdir(), `studio-bench-${randomUUID()}.db`);
	const server = await startServe(await freePort(), `sqlite:${db}`);
	const browser = await launchChromium();
	try {
		await loadOnce(browser, server.url); // warms the server (and its first catalog build)
		const runs: LoadRun[] = [];
		for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, server.url));
		const gzip = median(runs.map((r) => r.gzip));
		const interactive = median(runs.map((r) => r.interactiveMs));
		const m = (pick: (r: LoadRun) => number) => median(runs.map(pick));
		return {
			name: 'Studio initial load (headless Chromium, charter serve of the example)',
			tasks: [],
			ratios: [
				{ name: '300 kB / gzip bytes of the load', value: BUDGET_BYTES / gzip, target: 1 },
				{ name: '1 s / time to interactive', value: BUDGET_MS / interactive, target: 1 },
			],
			notes: [
				`median of ${RUNS} cold loads (a new browser context each), after one warm-up load`,
				`bytes: ${kb(m((r) => r.transferred))} transferred as served, ${kb(m((r) => r.raw))} uncompressed, ${kb(gzip)} gzip -6, in ${m((r) => r.requests)} responses (sign-in screen, then the catalog with its API calls)`,
				`interactive (sign-in buttons clickable, from navigation start): ${interactive.toFixed(0)} ms`,
				`catalog after signing in (click to heading): ${m((r) => r.catalogMs).toFixed(0)} ms`,
			],
		};
	} finally {
		await browser.close();
		await server.stop();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { formatReport } = await import('../bench-report.ts');
	console.log(formatReport(await run()));
}
