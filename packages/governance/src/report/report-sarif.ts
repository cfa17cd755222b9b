import { CHECK_RULES } from '../check/check-rules.ts';
import { CONTRACT_DIFF_RULES, TYPE_DIFF_RULES } from '../diff/diff-rules.ts';
import { VERSION_RULES } from '../version/version-policy.ts';
import type { GovernanceReport } from './governance-report.ts';
import { surfaceNote } from './report-text.ts';

type Level = 'error' | 'warning' | 'note' | 'none';

interface SarifResult {
	ruleId: string;
	level: Level;
	message: { text: string };
	locations?: {
		physicalLocation?: { artifactLocation: { uri: string } };
		logicalLocations?: { fullyQualifiedName: string; kind: string }[];
	}[];
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Maps a diff severity to a SARIF level: what fails a gate is an error. */
const DIFF_LEVEL = { breaking: 'error', dangerous: 'warning', safe: 'note', info: 'note' } as const;
const CHECK_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * Renders a report as a SARIF 2.1.0 log (one run, tool `charter`), for code-scanning UIs.
 * Rule ids are namespaced by part: `check/…`, `diff/…`, `version/…`, `snapshot/…`, `drift/…`.
 */
export function renderSarif(report: GovernanceReport): Record<string, unknown> {
	const rules = [
		...Object.values(CHECK_RULES).map((r) => ({
			id: `check/${r.id}`,
			summary: r.summary,
			level: CHECK_LEVEL[r.severity],
		})),
		...Object.entries(TYPE_DIFF_RULES).map(([id, r]) => ({
			id: `diff/${id}`,
			summary: r.summary,
			level: DIFF_LEVEL[r.request],
		})),
		...Object.entries(CONTRACT_DIFF_RULES).map(([id, r]) => ({
			id: `diff/${id}`,
			summary: r.summary,
			level: DIFF_LEVEL[r.severity],
		})),
		...Object.entries(VERSION_RULES).map(([id, r]) => ({
			id: `version/${id}`,
			summary: r.summary,
			level: CHECK_LEVEL[r.severity],
		})),
		{
			id: 'snapshot/stale',
			summary: 'The lockfile matches the contracts.',
			level: 'error' as const,
		},
		{
			id: 'drift/generated-file',
			summary: 'Generated files match the contracts.',
			level: 'error' as const,
		},
	];
	const results: SarifResult[] = [];
	const where = (file: string | undefined, name: string | undefined) => [
		{
			...(file ? { physicalLocation: { artifactLocation: { uri: file } } } : {}),
			...(name ? { logicalLocations: [{ fullyQualifiedName: name, kind: 'member' }] } : {}),
		},
	];
	for (const f of report.check?.findings ?? []) {
		const name = f.key ? `${f.key}@${f.version ?? ''}${f.field ? `.${f.field}` : ''}` : undefined;
		results.push({
			ruleId: `check/${f.ruleId}`,
			level: CHECK_LEVEL[f.severity],
			message: { text: f.message },
			...(f.file || name ? { locations: where(f.file, name) } : {}),
		});
	}
	if (report.snapshot && report.snapshot.status !== 'fresh') {
		results.push({
			ruleId: 'snapshot/stale',
			level: 'error',
			message: {
				text: `${report.snapshot.lockfile} is ${report.snapshot.status}: run \`charter snapshot\``,
			},
			locations: where(report.snapshot.lockfile, undefined),
		});
	}
	for (const d of report.drift?.drifted ?? []) {
		results.push({
			ruleId: 'drift/generated-file',
			level: 'error',
			message: {
				text: `${d.path} ${d.status === 'missing' ? 'is missing' : 'differs from what the contracts generate'}`,
			},
			locations: where(d.path, undefined),
		});
	}
	for (const f of report.diff?.findings ?? []) {
		const surfaces = surfaceNote(f);
		results.push({
			ruleId: `diff/${f.ruleId}`,
			level: DIFF_LEVEL[f.severity],
			message: { text: `${f.severity}: ${f.message}${surfaces ? ` (${surfaces})` : ''}` },
			locations: where(f.file, `${f.key}@${f.version}${f.path.slice(1)}`),
		});
	}
	for (const f of report.diff?.policy ?? []) {
		results.push({
			ruleId: `version/${f.ruleId}`,
			level: CHECK_LEVEL[f.severity],
			message: { text: f.message },
			locations: where(f.file, `${f.key}@${f.version}`),
		});
	}
	return {
		$schema: SARIF_SCHEMA,
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'charter',
						version: report.tool.version,
						rules: rules.map((r) => ({
							id: r.id,
							shortDescription: { text: r.summary },
							defaultConfiguration: { level: r.level },
						})),
					},
				},
				results,
			},
		],
	};
}
