import { Bench } from 'tinybench';

/** One measured task: operations per second and relative margin of error (%). */
export interface TaskResult {
	readonly name: string;
	readonly hz: number;
	readonly rme: number;
	/** More columns for this row (latency, a ratio), printed after the margin of error. */
	readonly extra?: string;
}

/**
 * A ratio between two tasks and the value it must reach (`value >= target`). A ratio without
 * a target is reported for reference (against a floor such as hand-written code), not judged.
 */
export interface RatioResult {
	readonly name: string;
	readonly value: number;
	readonly target?: number;
}

/** Whether a ratio has a target it does not reach. */
export function isMissed(ratio: RatioResult): boolean {
	return ratio.target !== undefined && ratio.value < ratio.target;
}

/** What every `*.bench.ts` module returns from its exported `run()`. */
export interface BenchReport {
	readonly name: string;
	readonly tasks: readonly TaskResult[];
	readonly ratios: readonly RatioResult[];
	/** Facts a reader needs to trust the numbers (options, inputs). */
	readonly notes?: readonly string[];
}

/** Runs tasks in one tinybench run (same process, same warmup), and gives ops/s by name. */
export async function measure(
	tasks: Record<string, () => unknown>,
	options: { time?: number; warmupTime?: number } = {},
): Promise<Map<string, TaskResult>> {
	const bench = new Bench({ time: options.time ?? 1000, warmupTime: options.warmupTime ?? 250 });
	for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
	await bench.warmup();
	await bench.run();
	const results = new Map<string, TaskResult>();
	for (const task of bench.tasks) {
		if (!task.result || task.result.error) {
			throw new Error(`benchmark task "${task.name}" failed: ${String(task.result?.error)}`);
		}
		results.set(task.name, { name: task.name, hz: task.result.hz, rme: task.result.rme });
	}
	return results;
}

/** Gives the ratio of two measured tasks' ops/s. */
export function ratio(
	results: Map<string, TaskResult>,
	name: string,
	numerator: string,
	denominator: string,
	target: number,
): RatioResult {
	const a = results.get(numerator);
	const b = results.get(denominator);
	if (!a || !b) throw new Error(`ratio ${name}: unknown task ${a ? denominator : numerator}`);
	return { name, value: a.hz / b.hz, target };
}

/** Formats a report as plain text tables. */
export function formatReport(report: BenchReport): string {
	const lines = [`## ${report.name}`, '', 'task'.padEnd(44) + 'ops/s'.padStart(14) + '  ±rme'];
	for (const t of report.tasks) {
		lines.push(
			t.name.padEnd(44) +
				Math.round(t.hz).toLocaleString('en-US').padStart(14) +
				`  ±${t.rme.toFixed(1)}%`.padEnd(9) +
				(t.extra ?? ''),
		);
	}
	lines.push('', formatRatios(report.ratios));
	for (const note of report.notes ?? []) lines.push(`note: ${note}`);
	return lines.join('\n');
}

/** Formats ratios with their targets and a met / MISSED verdict. */
export function formatRatios(ratios: readonly RatioResult[], prefix = ''): string {
	const width = Math.max(24, ...ratios.map((r) => prefix.length + r.name.length + 2));
	const head = 'ratio'.padEnd(width) + 'value'.padStart(8) + 'target'.padStart(9) + '  verdict';
	const rows = ratios.map(
		(r) =>
			(prefix + r.name).padEnd(width) +
			r.value.toFixed(2).padStart(8) +
			(r.target === undefined ? '-' : `>= ${r.target}`).padStart(9) +
			(r.target === undefined ? '  reference' : isMissed(r) ? '  MISSED' : '  met'),
	);
	return [head, ...rows].join('\n');
}
