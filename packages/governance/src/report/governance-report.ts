import type { CheckFinding } from '../check/check-rules.ts';
import type { DiffFinding } from '../diff/diff-rules.ts';
import type { DriftEntry } from '../drift/check-drift.ts';
import type { TrafficImpact } from '../impact/traffic-impact.ts';
import type { Review } from '../owners/codeowners.ts';
import type { VersionFinding } from '../version/version-policy.ts';
import type { Waiver } from '../waivers/waivers.ts';

export const REPORT_SCHEMA = 'charter.governance-report';
/** Bumped on any incompatible change to the JSON report; see `report.schema.json`. */
export const REPORT_SCHEMA_VERSION = 1;

/** What makes a run fail: the worst level that still passes is the one below it. */
export type FailOn = 'breaking' | 'dangerous' | 'warning' | 'never';
export const FAIL_ON: readonly FailOn[] = ['breaking', 'dangerous', 'warning', 'never'];

/** Parts a governance run may include; a part absent was not run. */
export interface ReportParts {
	readonly check?: { readonly findings: readonly CheckFinding[] };
	readonly snapshot?: {
		readonly lockfile: string;
		readonly status: 'fresh' | 'stale' | 'missing';
	};
	readonly drift?: { readonly checked: number; readonly drifted: readonly DriftEntry[] };
	readonly diff?: {
		readonly base: string;
		readonly findings: readonly DiffFinding[];
		readonly policy: readonly VersionFinding[];
		/** Waivers the run read: those that accepted a change, and those past their expiry (errors). */
		readonly waivers?: {
			readonly used: readonly Waiver[];
			readonly expired: readonly Waiver[];
		};
		/** Each changed contract and the owners who must review it. */
		readonly reviews?: readonly Review[];
		/** Calls of the operations breaking or dangerous changes touch, from the audit log (`--impact`). */
		readonly impact?: TrafficImpact;
	};
}

/** Counts over every part, by level. */
export interface ReportSummary {
	readonly errors: number;
	readonly warnings: number;
	readonly infos: number;
	readonly breaking: number;
	readonly dangerous: number;
	readonly safe: number;
	/** Breaking and dangerous changes accepted by a waiver (not in `breaking` or `dangerous`). */
	readonly waived: number;
	readonly driftedFiles: number;
	readonly staleSnapshot: boolean;
}

/** One governance run as a document: the JSON format, and what every renderer reads. */
export interface GovernanceReport extends ReportParts {
	readonly schema: typeof REPORT_SCHEMA;
	readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
	readonly tool: { readonly name: 'charter'; readonly version: string };
	readonly failOn: FailOn;
	readonly status: 'pass' | 'fail';
	readonly summary: ReportSummary;
}

/**
 * Builds the report of a run and decides pass or fail. Errors (check, version policy), a
 * stale snapshot, drifted files and breaking changes fail at `breaking`; dangerous changes
 * too at `dangerous`; warnings too at `warning`; nothing at `never`.
 */
export function buildReport(
	parts: ReportParts,
	options: { readonly failOn?: FailOn; readonly toolVersion: string },
): GovernanceReport {
	const failOn = options.failOn ?? 'breaking';
	const checks = parts.check?.findings ?? [];
	const policy = parts.diff?.policy ?? [];
	const all = parts.diff?.findings ?? [];
	const changes = all.filter((f) => !f.waiver);
	const expired = parts.diff?.waivers?.expired.length ?? 0;
	const count = <T>(list: readonly T[], test: (item: T) => boolean) => list.filter(test).length;
	const summary: ReportSummary = {
		errors:
			count(checks, (f) => f.severity === 'error') +
			count(policy, (f) => f.severity === 'error') +
			expired,
		warnings:
			count(checks, (f) => f.severity === 'warning') +
			count(policy, (f) => f.severity === 'warning'),
		infos:
			count(checks, (f) => f.severity === 'info') + count(policy, (f) => f.severity === 'info'),
		breaking: count(changes, (f) => f.severity === 'breaking'),
		dangerous: count(changes, (f) => f.severity === 'dangerous'),
		safe: count(changes, (f) => f.severity === 'safe'),
		waived: all.length - changes.length,
		driftedFiles: parts.drift?.drifted.length ?? 0,
		staleSnapshot: parts.snapshot !== undefined && parts.snapshot.status !== 'fresh',
	};
	const levels = {
		breaking:
			summary.errors + summary.breaking + summary.driftedFiles + (summary.staleSnapshot ? 1 : 0),
		dangerous: summary.dangerous,
		warning: summary.warnings,
	};
	const fails =
		failOn === 'never'
			? false
			: failOn === 'breaking'
				? levels.breaking > 0
				: failOn === 'dangerous'
					? levels.breaking + levels.dangerous > 0
					: levels.breaking + levels.dangerous + levels.warning > 0;
	return {
		schema: REPORT_SCHEMA,
		schemaVersion: REPORT_SCHEMA_VERSION,
		tool: { name: 'charter', version: options.toolVersion },
		failOn,
		status: fails ? 'fail' : 'pass',
		summary,
		...parts,
	};
}
