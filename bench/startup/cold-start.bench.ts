import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchReport } from '../bench-report.ts';

/*
 * Cold start of the flagship example: from spawning the process to the first 200 of
 * /healthz, as `npm start` runs it (`charter serve`, a fresh in-memory SQLite database with the
 * demo data). Two ways, interleaved in one run so both see the same machine:
 * - compiled: Charter from its packages' dist/ (what `npm start` and an installed project run);
 *   only the example's own TypeScript goes through tsx;
 * - sources: Charter's TypeScript compiled by tsx at start (`--conditions=@charter/source`),
 *   which is how every start ran before the packages were built.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const EXAMPLE = join(here, '../../examples/workflow-system');
const BIN = join(here, '../../packages/cli/bin/charter.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Milliseconds from spawn to the first 200 of /healthz; the process is stopped after. */
async function coldStart(fromSources: boolean): Promise<number> {
	const port = await freePort();
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	// The bench itself runs under tsx; the child must not inherit its loader.
	delete env.NODE_OPTIONS;
	if (fromSources) env.NODE_OPTIONS = '--conditions=@charter/source';
	const started = performance.now();
	const child = spawn(
		process.execPath,
		[BIN, 'serve', '--port', String(port), '--db', 'sqlite::memory:', '--log-level', 'silent'],
		{ cwd: EXAMPLE, env, stdio: 'ignore' },
	);
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`charter serve exited with ${child.exitCode}`);
			const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
				(r) => r.status === 200,
				() => false,
			);
			if (ok) return performance.now() - started;
			if (performance.now() - started > 120_000) throw new Error('no /healthz 200 in 120 s');
			await new Promise((r) => setTimeout(r, 10));
		}
	} finally {
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<BenchReport> {
	const compiled: number[] = [];
	const sources: number[] = [];
	await coldStart(false); // warms the OS file cache and tsx's own cache for both
	await coldStart(true);
	for (let i = 0; i < ROUNDS; i++) {
		compiled.push(await coldStart(false));
		sources.push(await coldStart(true));
	}
	const [c, s] = [median(compiled), median(sources)];
	const row = (name: string, ms: number, all: number[]) => ({
		name,
		hz: 1000 / ms,
		rme: 0,
		extra: `median ${Math.round(ms)} ms (${all.map(Math.round).join(', ')} ms)`,
	});
	return {
		name: 'cold start of the example: spawn to first /healthz 200',
		tasks: [row('compiled (dist)', c, compiled), row('sources through tsx (before)', s, sources)],
		ratios: [
			{ name: 'compiled vs sources (x faster)', value: s / c, target: 1.5 },
			{ name: 'compiled under 1 s (1000 ms / median)', value: 1000 / c, target: 1 },
		],
		notes: [
			`${ROUNDS} interleaved rounds, median; ops/s is starts per second`,
			'the example\u2019s own TypeScript (contracts, handlers, config) goes through tsx in both',
		],
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { formatReport } = await import('../bench-report.ts');
	console.log(formatReport(await run()));
}
