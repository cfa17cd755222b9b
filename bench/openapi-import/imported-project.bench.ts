import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchReport, formatReport } from '../bench-report.ts';

/*
 * An imported project, as a user runs it, for the largest description at hand: GitHub's REST
 * API (@octokit/openapi, 13 MB, over 1,100 operations, about 900 component schemas).
 * Three `charter` processes in a fresh project folder: `openapi import` (which writes a config
 * serving every operation as 501), `generate openapi`, and `serve` until its banner is
 * printed (every API surface built: REST, GraphQL, MCP; /readyz ready), then on until the docs
 * site it builds after listening is done. Each reports its wall and CPU time and its peak
 * resident memory (maxRSS, printed on exit by peak-rss.mjs).
 * Targets: each under 10 s and under 1 GB.
 * Run alone: `npx tsx bench/openapi-import/imported-project.bench.ts`.
 */

const TARGET_MS = 10_000;
const TARGET_KB = 1024 * 1024;
const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../../packages/cli/bin/charter.js');
/** The CPU figures a process prints (see peak-rss.mjs). */
const CPU = /charter-bench-cpu-ms (\d+)/g;

interface Measured {
	readonly ms: number;
	/** CPU time of the process over the same span (user + system, all threads). */
	readonly cpuMs: number;
	readonly peakKb: number;
	readonly output: string;
}

/**
 * Runs `charter ...` in `cwd` until it exits, or, with `marks`, until its output has matched
 * each in turn (then stops it): one figure per mark (wall and CPU time when it matched; the
 * peak memory is the process's, at exit), or one for the whole run.
 */
function measure(
	cwd: string,
	args: readonly string[],
	marks: readonly RegExp[] = [],
): Promise<Measured[]> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const times: number[] = [];
		let stopping = false;
		const child = spawn(process.execPath, [BIN, ...args], {
			cwd,
			env: {
				...process.env,
				NO_COLOR: '1',
				NODE_OPTIONS: `--import ${pathToFileURL(join(here, 'peak-rss.mjs')).href}`,
			},
		});
		let output = '';
		const cpuFigures = () => [...output.matchAll(CPU)].map((m) => Number(m[1]));
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			const next = marks[times.length];
			// The CPU figure of the previous mark is printed before the next mark is looked for.
			if (next && cpuFigures().length === times.length && next.test(output)) {
				times.push(performance.now() - started);
				child.kill('SIGUSR2'); // prints the CPU time so far
			}
			if (marks.length > 0 && !stopping && cpuFigures().length >= marks.length) {
				stopping = true;
				child.kill('SIGTERM');
			}
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('error', reject);
		child.on('exit', (code) => {
			const peak = /charter-bench-peak-rss-kb (\d+)/.exec(output);
			const cpu = cpuFigures();
			const complete = marks.length === 0 ? code === 0 : times.length === marks.length;
			if (!complete || !peak || cpu.length === 0) {
				reject(new Error(`charter ${args.join(' ')} failed (${code}):\n${output.slice(-2000)}`));
				return;
			}
			const peakKb = Number(peak[1]);
			const ends = marks.length === 0 ? [performance.now() - started] : times;
			resolve(ends.map((ms, i) => ({ ms, cpuMs: cpu[i]!, peakKb, output })));
		});
	});
}

export async function run(): Promise<BenchReport> {
	const [load = 0] = loadavg();
	const require = createRequire(import.meta.url);
	const file = join(
		dirname(require.resolve('@octokit/openapi/package.json')),
		'generated/api.github.com.json',
	);
	// Inside the repository, so the generated contracts resolve `@charter/*`.
	const project = join(here, '../.tmp', `imported-${process.pid}`);
	mkdirSync(project, { recursive: true });
	try {
		const [imported] = (await measure(project, [
			'openapi',
			'import',
			file,
			'--out',
			'src/api',
		])) as [Measured];
		const [generated] = (await measure(project, ['generate', 'openapi'])) as [Measured];
		// The banner says every API surface is built (/readyz is ready); the docs site is built
		// after listening, while the server answers, and its log line ends the second span.
		// The process is stopped then, so serve's peak memory includes the site.
		const [served, documented] = (await measure(
			project,
			['serve', '--port', '0', '--db', 'sqlite::memory:'],
			[/OpenAPI\s+http:\/\/\S+\/openapi\.json/, /docs site built/],
		)) as [Measured, Measured];
		const operations = /imported (\d+) operations and (\d+) models/.exec(imported.output);
		const phases = [
			['charter openapi import', imported],
			['charter generate openapi', generated],
			['charter serve (until the banner)', served],
		] as const;
		const docsPhase = 'charter serve (until the docs site is built, after listening)';
		return {
			name: 'imported project: GitHub REST API description, import / generate openapi / serve',
			tasks: [...phases, [docsPhase, documented] as const].map(([name, m]) => ({
				name,
				hz: 1000 / m.ms,
				rme: 0,
				extra: `${(m.ms / 1000).toFixed(1)} s wall, ${(m.cpuMs / 1000).toFixed(1)} s CPU, peak ${Math.round(m.peakKb / 1024)} MB`,
			})),
			ratios: [
				...phases.flatMap(([name, m]) => [
					{ name: `10 s budget / ${name}`, value: TARGET_MS / m.ms, target: 1 },
					{ name: `10 s budget / CPU time of ${name}`, value: TARGET_MS / m.cpuMs },
					{ name: `1 GB budget / peak memory of ${name}`, value: TARGET_KB / m.peakKb, target: 1 },
				]),
				{ name: `10 s budget / ${docsPhase}`, value: TARGET_MS / documented.ms },
			],
			notes: [
				`${operations?.[1] ?? '?'} operations, ${operations?.[2] ?? '?'} models; one run each (a cold process is what a user waits for)`,
				'peak memory is the process maxRSS at exit; serve runs on an in-memory SQLite database and is stopped once its docs site is built, so its peak includes the site',
				`CPU time is user + system of all the process's threads (GC, the TypeScript loader), so it can exceed the wall time on a quiet machine; on a loaded one the wall time is inflated and the CPU time is the comparable figure. load average (1 min) at the start: ${load.toFixed(1)}`,
			],
		};
	} finally {
		rmSync(project, { recursive: true, force: true });
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(formatReport(await run()));
}
