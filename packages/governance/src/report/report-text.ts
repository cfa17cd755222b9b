import type { CheckFinding } from '../check/check-rules.ts';
import { DIFF_SEVERITIES, type DiffFinding } from '../diff/diff-rules.ts';
import { describeFieldImpact } from '../impact/field-impact.ts';
import { describeImpact } from '../impact/traffic-impact.ts';
import type { GovernanceReport } from './governance-report.ts';

/** Colour functions; identity functions give plain text. */
export interface TextStyle {
	bold(text: string): string;
	dim(text: string): string;
	red(text: string): string;
	yellow(text: string): string;
	green(text: string): string;
	cyan(text: string): string;
}

const plain = (text: string) => text;
/** A style that adds no colour. */
export const PLAIN_STYLE: TextStyle = {
	bold: plain,
	dim: plain,
	red: plain,
	yellow: plain,
	green: plain,
	cyan: plain,
};

/** Gives `file › key@version › field`, skipping what is unknown. */
export function locate(f: {
	file?: string;
	key?: string;
	version?: string;
	field?: string;
}): string {
	const contract = f.key ? `${f.key}${f.version ? `@${f.version}` : ''}` : undefined;
	return [f.file, contract, f.field].filter(Boolean).join(' › ');
}

/** Renders one check finding as a line: severity, where, message, rule id. */
export function checkLine(f: CheckFinding, s: TextStyle = PLAIN_STYLE): string {
	const label =
		f.severity === 'error'
			? s.red('error')
			: f.severity === 'warning'
				? s.yellow('warning')
				: s.cyan('info');
	return `${label} ${s.bold(locate(f))}: ${f.message} ${s.dim(`[${f.ruleId}]`)}`;
}

/** Renders one diff finding as a line: severity, contract, path, message, before -> after, rule id. */
export function diffLine(f: DiffFinding, s: TextStyle = PLAIN_STYLE): string {
	const color =
		f.severity === 'breaking'
			? s.red
			: f.severity === 'dangerous'
				? s.yellow
				: f.severity === 'safe'
					? s.green
					: s.cyan;
	const values =
		f.before !== undefined || f.after !== undefined
			? s.dim(` (${JSON.stringify(f.before) ?? '—'} -> ${JSON.stringify(f.after) ?? '—'})`)
			: '';
	const surfaces = surfaceNote(f);
	const waived = f.waiver ? s.cyan(' (waived)') : '';
	return `${color(f.severity.padEnd(9))}${waived} ${s.bold(`${f.key}@${f.version}`)} ${f.path}: ${f.message}${values}${surfaces ? s.dim(` {${surfaces}}`) : ''} ${s.dim(`[${f.ruleId}]`)}`;
}

/**
 * Describes the verdicts per surface when they differ (`graphql breaking; rest, openapi, mcp,
 * sdk safe`), worst first; empty when every surface the change reaches agrees.
 */
export function surfaceNote(f: DiffFinding): string {
	const groups = new Map<string, string[]>();
	for (const severity of DIFF_SEVERITIES) groups.set(severity, []);
	for (const [surface, severity] of Object.entries(f.surfaces)) groups.get(severity)?.push(surface);
	const used = [...groups].filter(([, surfaces]) => surfaces.length > 0);
	if (used.length < 2) return '';
	return used.map(([severity, surfaces]) => `${surfaces.join(', ')} ${severity}`).join('; ');
}

/** Renders a whole report as readable text (coloured when given a colouring style). */
export function renderText(report: GovernanceReport, s: TextStyle = PLAIN_STYLE): string {
	const lines: string[] = [];
	if (report.check) {
		lines.push(s.bold('check'));
		for (const f of report.check.findings) lines.push(`  ${checkLine(f, s)}`);
		if (report.check.findings.length === 0) lines.push(`  ${s.green('ok')} no findings`);
	}
	if (report.snapshot) {
		const { status, lockfile } = report.snapshot;
		lines.push(s.bold('snapshot'));
		lines.push(
			status === 'fresh'
				? `  ${s.green('ok')} ${lockfile} is up to date`
				: `  ${s.red('error')} ${lockfile} is ${status}: run \`charter snapshot\``,
		);
	}
	if (report.drift) {
		lines.push(s.bold('generate --check'));
		for (const d of report.drift.drifted) {
			lines.push(
				`  ${s.red('drift')} ${d.path} ${d.status === 'missing' ? 'is missing' : `differs from line ${d.line}`}`,
			);
		}
		if (report.drift.drifted.length === 0)
			lines.push(`  ${s.green('ok')} ${report.drift.checked} file(s) up to date`);
	}
	if (report.diff) {
		lines.push(s.bold(`diff against ${report.diff.base}`));
		for (const f of report.diff.findings) lines.push(`  ${diffLine(f, s)}`);
		if (report.diff.findings.length === 0) lines.push(`  ${s.green('ok')} no changes`);
		for (const w of report.diff.waivers?.expired ?? []) {
			lines.push(
				`  ${s.red('error')} waiver for ${s.bold(w.change)} expired on ${w.expires} (approved by ${w.approvedBy}): renew it or remove it ${s.dim('[waiver-expired]')}`,
			);
		}
		for (const w of report.diff.waivers?.used ?? []) {
			lines.push(
				`  ${s.cyan('waived')} ${s.bold(w.change)}: ${w.reason} (approved by ${w.approvedBy}, until ${w.expires})`,
			);
		}
		if (report.diff.impact) {
			const { impact } = report.diff;
			lines.push(
				`  ${s.bold('impact')} from ${impact.source}, ${impact.since.slice(0, 10)} to ${impact.until.slice(0, 10)}`,
			);
			for (const o of impact.operations) {
				const color = o.severity === 'breaking' ? s.red : s.yellow;
				lines.push(
					`    ${color(o.severity)} ${s.bold(`${o.key}@${o.version}`)}: ${describeImpact(o)}`,
				);
				for (const f of o.fields ?? [])
					lines.push(`      ${s.dim(f.change)}: ${describeFieldImpact(f)}`);
			}
			if (impact.operations.length === 0)
				lines.push(`    ${s.green('ok')} no breaking or dangerous change to an operation`);
		}
		for (const r of report.diff.reviews ?? []) {
			const who = r.owners.length > 0 ? r.owners.join(', ') : s.yellow('no owner declared');
			lines.push(`  ${s.dim('review')} ${s.bold(`${r.key}@${r.version}`)} (${r.severity}): ${who}`);
		}
		for (const f of report.diff.policy) {
			const label = f.severity === 'error' ? s.red('error') : s.yellow('warning');
			lines.push(
				`  ${label} ${s.bold(`${f.key}@${f.version}`)}: ${f.message} ${s.dim(`[${f.ruleId}]`)}`,
			);
		}
	}
	const m = report.summary;
	const verdict = report.status === 'pass' ? s.green('pass') : s.red('fail');
	lines.push(
		`${verdict} ${m.errors} error(s), ${m.warnings} warning(s), ${m.breaking} breaking, ${m.dangerous} dangerous, ${m.safe} safe change(s)${m.waived ? `, ${m.waived} waived` : ''}${m.driftedFiles ? `, ${m.driftedFiles} drifted file(s)` : ''}${m.staleSnapshot ? ', stale snapshot' : ''} ${s.dim(`(fail on ${report.failOn})`)}`,
	);
	return lines.join('\n');
}
