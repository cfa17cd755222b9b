import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../../test-support/free-port.ts';
import type { BenchReport } from '../bench-report.ts';

/*
 * Cold start of the flagship example: from spawning the process to the first 200 of
 * /healthz (and, for the built server, of /readyz: GraphQL, MCP and Studio are built after
 * listening, and the server is ready once they are), serving as `npm start` does (a fresh in-memory SQLite database with the demo
 * data). Three ways, interleaved in one run so all see the same machine:
 * - built: `charter build` once (Charter and the other packages bundled in), then
 *   `node .charter/build/server.mjs`, the production path:
 *   no TypeScript compiler at start, the docs site built after listening;
 * - compiled: the `charter serve` bin, Charter from its packages' dist/, the example's own
 *   TypeScript through tsx (what `npm start` runs while developing);
 * - sources: Charter's TypeScript compiled by tsx at start too (`--conditions=@charter/source`),
 *   which is how every start ran before the packages were built.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const EXAMPLE = join(here, '../../examples/workflow-system');
const BIN = join(here, '../../packages/cli/bin/charter.js');
// Inside the example's .charter/ (git-ignored local state), beside its node_modules.
const BUILD = join(EXAMPLE, '.charter/build');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SERVE = ['--db', 'sqlite::memory:', '--log-level', 'silent'];

type Way = 'built' | 'compiled' | 'sources';

/** The environment of a child: the bench runs under tsx, whose loader it must not inherit. */
function childEnv(way: Way): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	delete env.NODE_OPTIONS;
	if (way === 'sources') env.NODE_OPTIONS = '--conditions=@charter/source';
	return env;
}

/** A start: milliseconds from spawn to the first 200 of /healthz, and of /readyz. */
interface Start {
	readonly healthz: number;
	readonly readyz: number;
	/** CPU milliseconds the server process had used at its first /healthz 200 (Linux), steadier than wall time on a loaded machine. */
	readonly cpu: number | undefined;
}

/** User plus system CPU milliseconds a process has used, from /proc (undefined elsewhere). */
function cpuMillis(pid: number | undefined): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may hold spaces) start at field 3.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
		return (ticks * 1000) / CLOCK_TICKS;
	} catch {
		return undefined;
	}
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * Milliseconds from spawn to the first 200 of /healthz (the process answers), then of /readyz
 * (every surface built: GraphQL, MCP and Studio load after listening); the process is stopped
 * after.
 */
async function coldStart(way: Way): Promise<Start> {
	const port = await freePort();
	const listen = ['--port', String(port), ...SERVE];
	const args = way === 'built' ? [join(BUILD, 'server.mjs'), ...listen] : [BIN, 'serve', ...listen];
	const started = performance.now();
	const child = spawn(process.execPath, args, {
		cwd: EXAMPLE,
		env: childEnv(way),
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let stderr = '';
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	const firstOk = async (path: string) => {
		for (;;) {
			if (child.exitCode !== null)
				throw new Error(`${way}: the server exited with ${child.exitCode}\n${stderr}`);
			const ok = await fetch(`http://127.0.0.1:${port}${path}`).then(
				(r) => r.status === 200,
				() => false,
			);
			if (ok) return performance.now() - started;
			if (performance.now() - started > 120_000)
				throw new Error(`${way}: no ${path} 200 in 120 s\n${stderr}`);
			await new Promise((r) => setTimeout(r, 10));
		}
	};
	try {
		const healthz = await firstOk('/healthz');
		const cpu = cpuMillis(child.pid);
		return { healthz, cpu, readyz: await firstOk('/readyz') };
	} finally {
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<BenchReport> {
	execFileSync(process.execPath, [BIN, 'build', '--out', BUILD], {
		cwd: EXAMPLE,
		env: childEnv('compiled'),
		stdio: 'pipe',
	});
	const ways: Way[] = ['built', 'compiled', 'sources'];
	const times: Record<Way, number[]> = { built: [], compiled: [], sources: [] };
	const builtReady: number[] = [];
	const cpu: Record<Way, number[]> = { built: [], compiled: [], sources: [] };
	for (const way of ways) await coldStart(way); // warms the OS file cache and tsx's cache
	for (let i = 0; i < ROUNDS; i++) {
		for (const way of ways) {
			const start = await coldStart(way);
			times[way].push(start.healthz);
			if (start.cpu !== undefined) cpu[way].push(start.cpu);
			if (way === 'built') builtReady.push(start.readyz);
		}
	}
	const [b, c, s] = ways.map((way) => median(times[way])) as [number, number, number];
	const row = (name: string, ms: number, all: number[]) => ({
		name,
		hz: 1000 / ms,
		rme: 0,
		extra: `median ${Math.round(ms)} ms (${all.map(Math.round).join(', ')} ms)`,
	});
	return {
		name: 'cold start of the example: spawn to first /healthz 200',
		tasks: [
			row('built (charter build, node server.mjs)', b, times.built),
			row('built, to the first /readyz 200 (every surface built)', median(builtReady), builtReady),
			...ways
				.filter((way) => cpu[way].length > 0)
				.map((way) => row(`${way}: server CPU time to /healthz`, median(cpu[way]), cpu[way])),
			row('compiled (charter serve: dist, tsx for the project)', c, times.compiled),
			row('sources through tsx (before)', s, times.sources),
		],
		ratios: [
			{ name: 'built vs sources (x faster)', value: s / b, target: 2 },
			{ name: 'compiled vs sources (x faster)', value: s / c, target: 1.5 },
			{ name: 'built under 1 s (1000 ms / median)', value: 1000 / b, target: 1 },
			...(cpu.built.length > 0
				? [
						{
							name: 'built CPU under 1 s (1000 ms / median CPU)',
							value: 1000 / median(cpu.built),
							target: 1,
						},
					]
				: []),
		],
		notes: [
			`${ROUNDS} interleaved rounds, median; ops/s is starts per second`,
			'built loads no compiler; compiled and sources load the example\u2019s TypeScript through tsx',
		],
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { formatReport } = await import('../bench-report.ts');
	console.log(formatReport(await run()));
}
