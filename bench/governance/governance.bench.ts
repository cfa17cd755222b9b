import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	type BenchReport,
	formatReport,
	type RatioResult,
	type TaskResult,
} from '../bench-report.ts';

/*
 * `charter check` and `charter diff` on generated projects of 1,000 contracts (100 modules
 * of 10 operations: input and output models, an enum, errors, an emitted event, an
 * acceptance example) and of 10,000 (1,000 such modules), timed as real CLI processes,
 * process start included. The diff runs against a lockfile taken before a tenth of the
 * modules were edited (a field added, an enum value added). Targets: each under 0.5 s for
 * 1,000 contracts and under 2 s for 10,000, cold (no `.charter/cache`: the config and the
 * contracts are compiled again) and warm (the cache from the run before). Beside wall time,
 * the CPU time of each CLI process (user + system, from /proc on Linux), which a loaded
 * machine inflates much less. Env: GOVERNANCE_BENCH_RUNS (3 timed runs after one warmup; the
 * median is kept), GOVERNANCE_BENCH_SIZES (module counts, `100,1000`).
 * Run alone: `npx tsx bench/governance/governance.bench.ts`.
 */

const PER_MODULE = 10;
/** The budget per module count: 0.5 s for 1,000 contracts, 2 s for 10,000. */
const TARGETS_MS: Record<number, number> = { 100: 500, 1000: 2000 };
const RUNS = Math.max(1, Number(process.env.GOVERNANCE_BENCH_RUNS ?? 3));
const SIZES = (process.env.GOVERNANCE_BENCH_SIZES ?? '100,1000').split(',').map(Number);

const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../../packages/cli/bin/charter.js');

function moduleSource(m: number, edited: boolean): string {
	const values = edited ? "['OPEN', 'CLOSED', 'ARCHIVED']" : "['OPEN', 'CLOSED']";
	const extra = edited ? '\n\t\tnote: { type: S.String(), isOptional: true },' : '';
	let source = `import { defineEnum, defineSchemaModel, ScalarTypeEnum as S } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';

const Status = defineEnum('Status${m}', ${values});
const Item = defineSchemaModel({
	name: 'Item${m}',
	fields: {
		id: { type: S.ID(), isOptional: false },
		title: { type: S.String({ maxLength: 200 }), isOptional: false },
		status: { type: Status, isOptional: false },
		amount: { type: S.Decimal(), isOptional: true, isNullable: true },
		createdAt: { type: S.DateTime(), isOptional: false },${extra}
	},
});
`;
	for (let o = 0; o < PER_MODULE; o++) {
		const key = `domain${m}.item.action${o}`;
		const define = o % 2 === 0 ? 'defineQuery' : 'defineCommand';
		const effects =
			o % 2 === 0
				? ''
				: `\n\terrors: { NOT_FOUND: { status: 404, description: 'No such item.' } },\n\tsideEffects: { emits: [{ key: '${key}.done', version: '1.0.0', payload: Item }], audit: ['${key}.done'] },`;
		source += `
export const Action${o} = ${define}({
	meta: { key: '${key}', version: '1.0.0', stability: 'stable', owners: ['@team${m % 7}'], description: 'Action ${o}.', goal: 'Benchmark.' },
	io: {
		input: defineSchemaModel({ name: 'Action${m}x${o}Input', fields: { id: { type: S.ID(), isOptional: false }, size: { type: S.Int({ minimum: 1 }), isOptional: true } } }),
		output: Item,
	},
	policy: { auth: 'user' },${effects}
	acceptance: { examples: [{ key: 'ok', input: { id: 'i-1', size: 2 }, output: { id: 'i-1', status: 'OPEN' } }] },
});
`;
	}
	return source;
}

function writeProject(root: string, modules: number, edited: boolean): void {
	mkdirSync(join(root, 'src'), { recursive: true });
	writeFileSync(
		join(root, 'charter.config.ts'),
		"import { defineConfig } from '@charter/cli';\nexport default defineConfig({ contracts: ['src/*.operations.ts'] });\n",
	);
	for (let m = 0; m < modules; m++) {
		writeFileSync(
			join(root, `src/domain${m}.operations.ts`),
			moduleSource(m, edited && m % 10 === 0),
		);
	}
}

/** A run's wall time and CPU time (user + system), in ms. */
interface Run {
	readonly wall: number;
	readonly cpu: number;
}

/**
 * CPU time used so far by this process's finished children (cutime + cstime in /proc, in clock
 * ticks of 10 ms), in ms; NaN where /proc is not there.
 */
function childrenCpu(): number {
	try {
		const stat = readFileSync('/proc/self/stat', 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[13]) + Number(fields[14])) * 10;
	} catch {
		return Number.NaN;
	}
}

/** Runs the CLI and gives its wall and CPU time; the exit code must be one of `codes`. */
function time(root: string, args: string[], codes: number[]): Run {
	const cpu0 = childrenCpu();
	const t0 = performance.now();
	try {
		execFileSync(process.execPath, [BIN, ...args], {
			cwd: root,
			// The report itself is not read (a diff of 10,000 contracts is megabytes of JSON).
			stdio: ['ignore', 'ignore', 'pipe'],
			env: { ...process.env, NO_COLOR: '1' },
		});
		if (!codes.includes(0)) throw new Error(`charter ${args.join(' ')} exited 0`);
	} catch (error) {
		const status = (error as { status?: number }).status;
		if (status === undefined || !codes.includes(status)) throw error;
	}
	return { wall: performance.now() - t0, cpu: childrenCpu() - cpu0 };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

const TIMED = ['start', 'check', 'diff', 'coldCheck', 'coldDiff'] as const;
type Timing = Record<(typeof TIMED)[number], Run>;

/** Times check and diff (warm and cold) and a bare process start on one project size. */
function timeProject(modules: number): Timing {
	// Inside the repo so the generated modules resolve `@charter/*` from the root node_modules.
	const root = join(here, `.tmp-${randomUUID()}`);
	const runs = Object.fromEntries(TIMED.map((t) => [t, [] as Run[]])) as Record<
		(typeof TIMED)[number],
		Run[]
	>;
	const cold = () => rmSync(join(root, '.charter'), { recursive: true, force: true });
	const diffArgs = ['diff', '--base', 'base.lock.json', '--format', 'json'];
	try {
		writeProject(root, modules, false);
		execFileSync(process.execPath, [BIN, 'snapshot', '--out', 'base.lock.json'], {
			cwd: root,
			stdio: 'pipe',
		});
		writeProject(root, modules, true);
		for (let i = 0; i <= RUNS; i++) {
			cold();
			const coldCheck = time(root, ['check'], [0]);
			cold();
			const coldDiff = time(root, diffArgs, [1]);
			const start = time(root, ['--version'], [0]);
			const check = time(root, ['check'], [0]);
			const diff = time(root, diffArgs, [1]);
			if (i === 0) continue; // warmup
			for (const [name, run] of Object.entries({ start, check, diff, coldCheck, coldDiff })) {
				runs[name as (typeof TIMED)[number]].push(run);
			}
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
	const medianRun = (list: Run[]) => ({
		wall: median(list.map((r) => r.wall)),
		cpu: median(list.map((r) => r.cpu)),
	});
	return Object.fromEntries(TIMED.map((t) => [t, medianRun(runs[t])])) as Timing;
}

const fmtLoad = (l: readonly number[]) => l.map((v) => v.toFixed(2)).join(' / ');

/** Times check and diff at every size; each ratio is the budget over the median time. */
export async function run(): Promise<BenchReport> {
	const before = loadavg();
	const tasks: TaskResult[] = [];
	const ratios: RatioResult[] = [];
	const notes: string[] = [];
	for (const modules of SIZES) {
		const count = (modules * PER_MODULE).toLocaleString('en-US');
		const budget = TARGETS_MS[modules] ?? 2000;
		const t = timeProject(modules);
		const task = (name: string, run: Run) => ({
			name: `${name} (${count})`,
			hz: 1000 / run.wall,
			rme: 0,
		});
		tasks.push(
			task('process start (charter --version)', t.start),
			task('charter check, cold', t.coldCheck),
			task('charter check, warm', t.check),
			task('charter diff --base lockfile, cold', t.coldDiff),
			task('charter diff --base lockfile, warm', t.diff),
		);
		for (const [name, run] of [
			['check, cold', t.coldCheck],
			['check, warm', t.check],
			['diff, cold', t.coldDiff],
			['diff, warm', t.diff],
		] as const) {
			ratios.push({
				name: `${budget / 1000} s budget / ${name}, ${count} (${Math.round(run.wall)} ms; CPU ${Math.round(run.cpu)} ms)`,
				value: budget / run.wall,
				target: 1,
			});
		}
		const both = (run: Run) => `${Math.round(run.wall)} ms (CPU ${Math.round(run.cpu)} ms)`;
		notes.push(
			`${count} operations in ${modules} modules (${modules / 10} edited for the diff): process start ${both(t.start)}; check cold ${both(t.coldCheck)}, warm ${both(t.check)}; diff cold ${both(t.coldDiff)}, warm ${both(t.diff)} (medians)`,
		);
	}
	notes.push(
		`ops/s are runs per second of a whole CLI process; median of ${RUNS} runs after one warmup; cold runs start without .charter/cache (config and contracts compiled again by esbuild, whose own process may be missing from the CPU time), warm ones with the cache the run before left`,
		`load average (1/5/15 min) before ${fmtLoad(before)}, after ${fmtLoad(loadavg())} on a machine with ${cpus().length} cores`,
	);
	return {
		name: 'governance: check and diff at 1,000 and 10,000 contracts (CLI process)',
		tasks,
		ratios,
		notes,
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(formatReport(await run()));
}
