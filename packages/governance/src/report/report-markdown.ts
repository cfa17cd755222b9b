import { describeFieldImpact } from '../impact/field-impact.ts';
import { describeImpact } from '../impact/traffic-impact.ts';
import type { GovernanceReport } from './governance-report.ts';
import { locate, surfaceNote } from './report-text.ts';

const ICON = {
	breaking: '🔴',
	dangerous: '🟠',
	safe: '🟢',
	info: 'ℹ️',
	error: '🔴',
	warning: '🟠',
} as const;

/** Escapes text for a Markdown table cell. */
function cell(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
	return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

const code = (text: string) => (text ? `\`${text.replaceAll('`', "'")}\`` : '');

/** Renders a report as Markdown for a pull-request comment: a verdict, then one table per part. */
export function renderMarkdown(report: GovernanceReport): string {
	const m = report.summary;
	const out: string[] = [
		`## Charter governance: ${report.status === 'pass' ? '✅ pass' : '❌ fail'}`,
		'',
		`${m.errors} error(s) · ${m.warnings} warning(s) · ${m.breaking} breaking · ${m.dangerous} dangerous · ${m.safe} safe · fail on \`${report.failOn}\``,
	];
	if (report.check) {
		out.push('', '### Check', '');
		if (report.check.findings.length === 0) out.push('No findings.');
		else {
			out.push('| | Where | Message | Rule |', '|---|---|---|---|');
			for (const f of report.check.findings) {
				out.push(
					`| ${ICON[f.severity === 'info' ? 'info' : f.severity]} ${f.severity} | ${cell(locate(f))} | ${cell(f.message)} | ${code(f.ruleId)} |`,
				);
			}
		}
	}
	if (report.snapshot) {
		out.push('', '### Snapshot', '');
		out.push(
			report.snapshot.status === 'fresh'
				? `${code(report.snapshot.lockfile)} is up to date.`
				: `🔴 ${code(report.snapshot.lockfile)} is ${report.snapshot.status}: run \`charter snapshot\` and commit it.`,
		);
	}
	if (report.drift) {
		out.push('', '### Generated files', '');
		if (report.drift.drifted.length === 0) out.push(`${report.drift.checked} file(s) up to date.`);
		for (const d of report.drift.drifted)
			out.push(
				`- 🔴 ${code(d.path)} ${d.status === 'missing' ? 'is missing' : `differs from line ${d.line}`}`,
			);
	}
	if (report.diff) {
		out.push('', `### Changes against ${code(report.diff.base)}`, '');
		if (report.diff.findings.length === 0) out.push('No changes.');
		else {
			out.push(
				'| | Contract | Path | Change | Before | After | Surfaces | Rule |',
				'|---|---|---|---|---|---|---|---|',
			);
			for (const f of report.diff.findings) {
				out.push(
					`| ${ICON[f.severity]} ${f.severity} | ${code(`${f.key}@${f.version}`)} | ${code(f.path)} | ${cell(f.message)} | ${cell(f.before ?? '')} | ${cell(f.after ?? '')} | ${cell(surfaceNote(f) || 'all')} | ${code(f.ruleId)} |`,
				);
			}
		}
		for (const w of report.diff.waivers?.expired ?? []) {
			out.push(
				'',
				`🔴 **error** waiver for ${code(w.change)} expired on ${w.expires} (approved by ${cell(w.approvedBy)})`,
			);
		}
		if ((report.diff.waivers?.used.length ?? 0) > 0) {
			out.push(
				'',
				'#### Waivers used',
				'',
				'| Change | Reason | Approved by | Until |',
				'|---|---|---|---|',
			);
			for (const w of report.diff.waivers?.used ?? []) {
				out.push(
					`| ${code(w.change)} | ${cell(w.reason)} | ${cell(w.approvedBy)} | ${w.expires} |`,
				);
			}
		}
		if (report.diff.impact) {
			const { impact } = report.diff;
			out.push(
				'',
				`#### Impact from traffic (${cell(impact.source)}, ${impact.since.slice(0, 10)} to ${impact.until.slice(0, 10)})`,
				'',
				'| Operation | Change | Calls in the window |',
				'|---|---|---|',
			);
			for (const o of impact.operations) {
				out.push(
					`| ${code(`${o.key}@${o.version}`)} | ${ICON[o.severity]} ${o.severity} | ${cell(describeImpact(o))} |`,
				);
				for (const f of o.fields ?? []) {
					out.push(`| ↳ | ${code(f.change)} | ${cell(describeFieldImpact(f))} |`);
				}
			}
		}
		if ((report.diff.reviews?.length ?? 0) > 0) {
			out.push(
				'',
				'#### Owners to review',
				'',
				'| Contract | Worst change | Owners |',
				'|---|---|---|',
			);
			for (const r of report.diff.reviews ?? []) {
				out.push(
					`| ${code(`${r.key}@${r.version}`)} | ${ICON[r.severity]} ${r.severity} | ${cell(r.owners.join(', ') || 'none declared')} |`,
				);
			}
		}
		for (const f of report.diff.policy) {
			out.push(
				'',
				`${ICON[f.severity === 'info' ? 'info' : f.severity]} **${f.severity}** ${code(`${f.key}@${f.version}`)}: ${cell(f.message)} (${code(f.ruleId)})`,
			);
		}
	}
	return `${out.join('\n')}\n`;
}
