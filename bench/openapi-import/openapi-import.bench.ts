import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importOpenApi } from '../../packages/openapi-import/src/index.ts';
import { type BenchReport, formatReport } from '../bench-report.ts';

/*
 * Importing GitHub's REST API description (@octokit/openapi, api.github.com.json: 13 MB,
 * over 1,200 operations, about 900 component schemas) into contract files: read and parse,
 * convert, render formatted TypeScript, and write the files into an empty folder.
 * Target: the whole import under 10 s. Run alone: `npx tsx bench/openapi-import/openapi-import.bench.ts`.
 */

const TARGET_MS = 10_000;
const ROUNDS = 3;

export async function run(): Promise<BenchReport> {
	const require = createRequire(import.meta.url);
	const file = join(
		dirname(require.resolve('@octokit/openapi/package.json')),
		'generated/api.github.com.json',
	);
	const out = mkdtempSync(join(tmpdir(), 'charter-openapi-import-bench-'));
	const times = { cold: 0, convert: [] as number[], write: [] as number[] };
	let facts = { operations: 0, models: 0, files: 0, report: 0 };
	try {
		for (let i = 0; i <= ROUNDS; i++) {
			const t0 = performance.now();
			await importOpenApi({ file, outDir: join(out, 'dry'), dryRun: true });
			const t1 = performance.now();
			const result = await importOpenApi({ file, outDir: join(out, `run${i}`) });
			const t2 = performance.now();
			facts = {
				operations: result.operations,
				models: result.models,
				files: result.written.length,
				report: result.report.length,
			};
			if (i === 0) {
				times.cold = t1 - t0;
				continue;
			}
			times.convert.push(t1 - t0);
			times.write.push(t2 - t1);
		}
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
	const task = (name: string, ms: number) => ({
		name,
		hz: 1000 / ms,
		rme: 0,
		extra: `${Math.round(ms)} ms`,
	});
	const whole = median(times.write);
	return {
		name: 'openapi import: GitHub REST API description to contract files',
		tasks: [
			task('first import in the process (cold, no writing)', times.cold),
			task('parse + convert + render (no writing)', median(times.convert)),
			task('whole import, files written', whole),
		],
		ratios: [
			{
				name: `10 s budget / whole import (${Math.round(whole)} ms)`,
				value: TARGET_MS / whole,
				target: 1,
			},
		],
		notes: [
			`${facts.operations} operations, ${facts.models} models, ${facts.files} files, ${facts.report} report entries`,
			`ops/s are imports per second; median of ${ROUNDS} runs after one warmup; rme not measured`,
		],
	};
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(formatReport(await run()));
}
