// GitHub Actions: workflow commands that annotate contract files, and a job summary.
import type { GovernanceReport } from './governance-report.ts';

/** Where an annotation points: a file (from the repository root) and a line. */
export interface AnnotationTarget {
	readonly file: string;
	readonly line?: number;
}

/** Options of {@link renderGithub}. */
export interface GithubOptions {
	/**
	 * Places a finding of a contract in its file: the path from the repository root and the line
	 * that declares the contract (or the field). Findings without a place are annotated without one.
	 */
	readonly locate?: (f: {
		file?: string;
		key?: string;
		field?: string;
	}) => AnnotationTarget | undefined;
}

const escapeData = (text: string) =>
	text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) =>
	escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

function command(
	level: 'error' | 'warning' | 'notice',
	title: string,
	message: string,
	target: AnnotationTarget | undefined,
): string {
	const properties = [
		...(target ? [`file=${escapeProperty(target.file)}`] : []),
		...(target?.line ? [`line=${target.line}`] : []),
		`title=${escapeProperty(title)}`,
	];
	return `::${level} ${properties.join(',')}::${escapeData(message)}`;
}

/**
 * Renders a report as GitHub Actions workflow commands: an `error` annotation for each error and
 * breaking change, a `warning` for each warning and dangerous change, a `notice` for each safe
 * change and waiver used, on the contract's file and line. Info findings are left out (they are
 * in the job summary: the Markdown report).
 */
export function renderGithub(report: GovernanceReport, options: GithubOptions = {}): string {
	const where = options.locate ?? (() => undefined);
	const lines: string[] = [];
	for (const f of report.check?.findings ?? []) {
		if (f.severity === 'info') continue;
		lines.push(
			command(
				f.severity === 'error' ? 'error' : 'warning',
				`charter check: ${f.ruleId}`,
				`${f.key ? `${f.key}@${f.version}: ` : ''}${f.message}`,
				where(f),
			),
		);
	}
	for (const d of report.drift?.drifted ?? []) {
		lines.push(
			command(
				'error',
				'charter generate --check',
				`${d.path} ${d.status === 'missing' ? 'is missing' : `differs from line ${d.line}`}: run charter generate`,
				undefined,
			),
		);
	}
	if (report.snapshot && report.snapshot.status !== 'fresh') {
		lines.push(
			command(
				'error',
				'charter snapshot --check',
				`${report.snapshot.lockfile} is ${report.snapshot.status}: run charter snapshot and commit it`,
				undefined,
			),
		);
	}
	for (const f of report.diff?.findings ?? []) {
		if (f.severity === 'info') continue;
		const level = f.waiver
			? 'notice'
			: f.severity === 'breaking'
				? 'error'
				: f.severity === 'dangerous'
					? 'warning'
					: 'notice';
		const waived = f.waiver ? ` (waived: ${f.waiver.reason})` : '';
		lines.push(
			command(
				level,
				`charter diff: ${f.severity} ${f.ruleId}`,
				`${f.key}@${f.version} ${f.path}: ${f.message}${waived}`,
				where({ ...f, field: f.path }),
			),
		);
	}
	for (const w of report.diff?.waivers?.expired ?? []) {
		lines.push(
			command(
				'error',
				'charter diff: waiver expired',
				`waiver for ${w.change} expired on ${w.expires}`,
				undefined,
			),
		);
	}
	for (const f of report.diff?.policy ?? []) {
		lines.push(
			command(
				f.severity === 'error' ? 'error' : 'warning',
				`charter version policy: ${f.ruleId}`,
				`${f.key}@${f.version}: ${f.message}`,
				where(f),
			),
		);
	}
	return lines.join('\n');
}
