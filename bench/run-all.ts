import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import {
	type BenchReport,
	formatRatios,
	formatReport,
	isMissed,
	type RatioResult,
} from './bench-report.ts';

/*
 * Runs every `bench/**\/*.bench.ts` (each exports `run(): Promise<BenchReport>`), one after
 * the other so they never compete for the CPU, then prints one table of every ratio and
 * its target. Exits 1 when a benchmark fails to run; a missed target is reported, not fatal.
 */

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = (
	await glob('**/*.bench.ts', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] })
).sort();
const all: RatioResult[] = [];
let failed = false;

for (const file of files) {
	const name = relative(dir, file);
	const module = (await import(pathToFileURL(file).href)) as { run?: () => Promise<BenchReport> };
	if (typeof module.run !== 'function') {
		console.error(`${name}: exports no run() function`);
		failed = true;
		continue;
	}
	try {
		const report = await module.run();
		console.log(`${formatReport(report)}\n`);
		all.push(...report.ratios.map((r) => ({ ...r, name: `${report.name} | ${r.name}` })));
	} catch (error) {
		console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
		failed = true;
	}
}

console.log('## all benchmarks\n');
console.log(formatRatios(all));
const judged = all.filter((r) => r.target !== undefined).length;
const missed = all.filter(isMissed).length;
const reference = all.length - judged;
console.log(
	`\n${judged} ratios with a target, ${judged - missed} met, ${missed} missed; ${reference} for reference`,
);
if (failed) process.exitCode = 1;
