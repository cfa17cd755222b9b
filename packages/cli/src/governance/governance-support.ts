import { appendFileSync } from 'node:fs';
import {
	buildReport,
	CHECK_RULES,
	type CheckFinding,
	checkContracts,
	FAIL_ON,
	type FailOn,
	findingsFromLoadProblems,
	type GovernanceReport,
	type ReportParts,
	renderChangelog,
	renderGithub,
	renderMarkdown,
	renderSarif,
	renderText,
} from '@charter/governance/check';
import { UsageError } from '../command.ts';
import type { Output } from '../output/output.ts';
import type { Project } from '../project/load-project.ts';
import { VERSION } from '../version.ts';
import { annotationTargets, featuresOf } from './report-context.ts';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'changelog', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Reads `--format`, text by default. */
export function formatOf(value: string | undefined): Format {
	if (value === undefined) return 'text';
	if (!FORMATS.includes(value as Format)) {
		throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
	}
	return value as Format;
}

/** Reads `--fail-on`, breaking by default. */
export function failOnOf(value: string | undefined): FailOn {
	if (value === undefined) return 'breaking';
	if (!FAIL_ON.includes(value as FailOn)) {
		throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${value}"`);
	}
	return value as FailOn;
}

/** Runs every check rule over a loaded project, load problems included. */
export function checkProject(project: Project): CheckFinding[] {
	const rules = project.config.rules ?? {};
	const unknown = Object.keys(rules).filter((id) => !(id in CHECK_RULES));
	if (unknown.length > 0) {
		throw new UsageError(
			`${project.configFile}: unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} in \`rules\`; known rules: ${Object.keys(CHECK_RULES).join(', ')}`,
			'CHARTER_UNKNOWN_RULE',
		);
	}
	return [
		...findingsFromLoadProblems(project.diagnostics, rules),
		...checkContracts(project.registry.all(), {
			rules,
			registry: project.registry,
			...deprecationDays(project, 'warnDays', 'sunsetWarningDays'),
		}),
	];
}

/** Reads one day count of `governance.deprecation` as the option named `option`; a bad one is a usage error. */
export function deprecationDays<O extends string>(
	project: Project,
	key: 'warnDays' | 'minimumDays',
	option: O,
): Partial<Record<O, number>> {
	const days = project.config.governance?.deprecation?.[key];
	if (days === undefined) return {};
	if (!Number.isInteger(days) || days < 0) {
		throw new UsageError(
			`${project.configFile}: governance.deprecation.${key} must be a whole number of days, not ${JSON.stringify(days)}`,
			'CHARTER_CONFIG_INVALID',
		);
	}
	return { [option]: days } as Partial<Record<O, number>>;
}

/**
 * Builds the report and prints it in the chosen format. `github` prints workflow commands (the
 * annotations) and, when `$GITHUB_STEP_SUMMARY` names a file, appends the Markdown report to it.
 */
export function printReport(
	out: Output,
	parts: ReportParts,
	format: Format,
	failOn: FailOn,
	project?: Project,
): GovernanceReport {
	const report = buildReport(parts, { failOn, toolVersion: VERSION });
	if (format === 'json') out.json(report);
	else if (format === 'sarif') out.json(renderSarif(report));
	else if (format === 'markdown') out.line(renderMarkdown(report).trimEnd());
	else if (format === 'changelog') {
		out.line(renderChangelog(report, project ? { featureOf: featuresOf(project) } : {}).trimEnd());
	} else if (format === 'github') {
		const text = renderGithub(report, project ? { locate: annotationTargets(project) } : {});
		if (text) out.line(text);
		const summary = process.env.GITHUB_STEP_SUMMARY;
		if (summary) appendFileSync(summary, renderMarkdown(report));
	} else out.line(renderText(report, out.style));
	return report;
}

/** Tells whether any contract module failed to load (a diff would then see false removals). */
export function hasLoadErrors(project: Project): boolean {
	return project.diagnostics.some((d) => d.severity === 'error');
}
