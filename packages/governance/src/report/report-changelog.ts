// Release notes from a diff: Markdown grouped by feature, then by severity.
import type { DiffFinding } from '../diff/diff-rules.ts';
import type { GovernanceReport } from './governance-report.ts';

/** Options of {@link renderChangelog}. */
export interface ChangelogOptions {
	/** The feature a contract belongs to (its title or key), or undefined when it belongs to none. */
	readonly featureOf?: (key: string) => string | undefined;
	/** The release title; `Release notes` by default. */
	readonly title?: string;
}

const DEPRECATION_RULES = new Set([
	'contract-deprecated',
	'deprecation-changed',
	'sunset-moved-earlier',
	'deprecation-too-short',
]);

const SECTIONS = [
	['Breaking changes', (f: DiffFinding) => f.severity === 'breaking'],
	['Needs attention', (f: DiffFinding) => f.severity === 'dangerous'],
	['Deprecations', (f: DiffFinding) => DEPRECATION_RULES.has(f.ruleId)],
	['Added', (f: DiffFinding) => f.ruleId === 'contract-added'],
	['Other changes', (f: DiffFinding) => f.severity === 'safe'],
] as const;

const NO_FEATURE = 'Other contracts';

/**
 * Renders the changes of a report as Markdown release notes: a section per feature (contracts
 * in no feature last), and in each the breaking changes, those that need attention (dangerous),
 * deprecations, additions and other safe changes. Metadata-only changes are left out; a change a
 * waiver accepted says so, with its reason.
 */
export function renderChangelog(report: GovernanceReport, options: ChangelogOptions = {}): string {
	const findings = report.diff?.findings ?? [];
	const title = options.title ?? 'Release notes';
	const out: string[] = [`# ${title}`, ''];
	if (report.diff) out.push(`Changes against \`${report.diff.base}\`.`, '');
	const byFeature = new Map<string, DiffFinding[]>();
	for (const f of findings) {
		if (!SECTIONS.some(([, test]) => test(f))) continue;
		const feature = options.featureOf?.(f.key) ?? NO_FEATURE;
		const list = byFeature.get(feature) ?? [];
		list.push(f);
		byFeature.set(feature, list);
	}
	if (byFeature.size === 0) {
		out.push('No change for consumers.');
		return `${out.join('\n')}\n`;
	}
	const features = [...byFeature.keys()].sort((a, b) =>
		a === NO_FEATURE ? 1 : b === NO_FEATURE ? -1 : a.localeCompare(b),
	);
	for (const feature of features) {
		out.push(`## ${feature}`, '');
		const list = byFeature.get(feature) ?? [];
		const shown = new Set<DiffFinding>();
		for (const [section, test] of SECTIONS) {
			const items = list.filter((f) => test(f) && !shown.has(f));
			if (items.length === 0) continue;
			out.push(`### ${section}`, '');
			for (const f of items) {
				shown.add(f);
				out.push(`- ${line(f)}`);
			}
			out.push('');
		}
	}
	return `${out.join('\n').trimEnd()}\n`;
}

function line(f: DiffFinding): string {
	const where = f.path === '$' ? '' : ` (\`${f.path}\`)`;
	const waived = f.waiver ? ` — accepted: ${f.waiver.reason} (${f.waiver.approvedBy})` : '';
	return `\`${f.key}@${f.version}\`: ${f.message.replaceAll('\n', ' ')}${where}${waived}`;
}
