import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchReport, formatReport } from '../bench-report.ts';

/*
 * `charter check` and `charter diff` on a generated project of 1,000 contracts (100 modules
 * of 10 operations: input and output models, an enum, errors, an emitted event, an
 * acceptance example), timed as real CLI processes, process start included. The diff runs
 * against a lockfile taken before 100 contracts were edited (a field added, an enum value
 * added). Target: each under 1 s. Run alone: `npx tsx bench/governance/governance.bench.ts`.
 */

const MODULES = 100;
const PER_MODULE = 10;
const TARGET_MS = 1000;
const RUNS = 5;

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

function writeProject(root: string, edited: boolean): void {
	mkdirSync(join(root, 'src'), { recursive: true });
	writeFileSync(
		join(root, 'charter.config.ts'),
		"import { defineConfig } from '@charter/cli';\nexport default defineConfig({ contracts: ['src/*.operations.ts'] });\n",
	);
	for (let m = 0; m < MODULES; m++) {
		writeFileSync(
			join(root, `src/domain${m}.operations.ts`),
			moduleSource(m, edited && m % 10 === 0),
		);
	}
}

/** Runs the CLI and gives its wall time in ms; the exit code must be one of `codes`. */
function time(root: string, args: string[], codes: number[]): number {
	const t0 = performance.now();
	try {
		execFileSync(process.execPath, [BIN, ...args], {
			cwd: root,
			stdio: 'pipe',
			env: { ...process.env, NO_COLOR: '1' },
		});
		if (!codes.includes(0)) throw new Error(`charter ${args.join(' ')} exited 0`);
	} catch (error) {
		const status = (error as { status?: number }).status;
		if (status === undefined || !codes.includes(status)) throw error;
	}
	return performance.now() - t0;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Times check, diff and a bare process start (median of 5 runs after a warmup). */
export async function run(): Promise<BenchReport> {
	// Inside the repo so the generated modules resolve `@charter/*` from the root node_modules.
	const root = join(here, `.tmp-${randomUUID()}`);
	const times = { start: [] as number[], check: [] as number[], diff: [] as number[] };
	try {
		writeProject(root, false);
		execFileSync(process.execPath, [BIN, 'snapshot', '--out', 'base.lock.json'], {
			cwd: root,
			stdio: 'pipe',
		});
		writeProject(root, true);
		for (let i = 0; i <= RUNS; i++) {
			const start = time(root, ['--version'], [0]);
			const check = time(root, ['check'], [0]);
			const diff = time(root, ['diff', '--base', 'base.lock.json', '--format', 'json'], [1]);
			if (i === 0) continue; // warmup
			times.start.push(start);
			times.check.push(check);
			times.diff.push(diff);
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
	const task = (name: string, ms: number) => ({ name, hz: 1000 / ms, rme: 0 });
	const check = median(times.check);
	const diff = median(times.diff);
	return {
		name: 'governance: check and diff on 1,000 contracts (CLI process)',
		tasks: [
			task('process start (charter --version)', median(times.start)),
			task('charter check', check),
			task('charter diff --base lockfile', diff),
		],
		ratios: [
			{ name: `1 s budget / check (${Math.round(check)} ms)`, value: TARGET_MS / check, target: 1 },
			{ name: `1 s budget / diff (${Math.round(diff)} ms)`, value: TARGET_MS / diff, target: 1 },
		],
		notes: [
			`medians: process start ${Math.round(median(times.start))} ms, check ${Math.round(check)} ms, diff ${Math.round(diff)} ms`,
			`${MODULES * PER_MODULE} operations in ${MODULES} modules; 100 edited for the diff (field + enum value)`,
			'ops/s are runs per second of a whole CLI process; median of 5 runs after one warmup',
		],
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(formatReport(await run()));
}
