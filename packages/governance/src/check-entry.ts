// Everything of governance but the snapshot diff, whose GraphQL verdicts load GraphQL and the
// server packages: `charter check` imports this entry (`@charter/governance/check`) and starts
// without them. The package's main entry adds the diff.
export { type BaseSnapshot, loadBaseSnapshot } from './base/load-base.ts';
export {
	type CheckOptions,
	checkContracts,
	findingsFromLoadProblems,
	type LoadProblem,
} from './check/check-contracts.ts';
export {
	CHECK_RULES,
	type CheckFinding,
	type CheckRule,
	type CheckRuleId,
	type CheckSeverity,
	type RuleSetting,
} from './check/check-rules.ts';
export { type ContractPair, pairContracts } from './diff/contract-pairs.ts';
export {
	CONTRACT_DIFF_RULES,
	type ContractDiffRuleId,
	DIFF_SEVERITIES,
	type DiffFinding,
	type DiffRuleId,
	type DiffSeverity,
	type Direction,
	severityRank,
	TYPE_DIFF_RULES,
	type TypeDiffRuleId,
} from './diff/diff-rules.ts';
export {
	EVENT_SURFACES,
	OPERATION_SURFACES,
	SURFACES,
	type Surface,
	type SurfaceVerdicts,
	worstServed,
} from './diff/surfaces/surfaces.ts';
export { diffTypes, type TypeChange } from './diff/type-diff.ts';
export { checkDrift, type DriftEntry, type DriftResult } from './drift/check-drift.ts';
export { GovernanceError } from './errors.ts';
export {
	type CallShape,
	describeFieldImpact,
	type FieldImpact,
	inputPointer,
} from './impact/field-impact.ts';
export {
	type CallRecord,
	describeImpact,
	type OperationImpact,
	type TrafficImpact,
	trafficImpact,
} from './impact/traffic-impact.ts';
export {
	type CodeownersOptions,
	type Review,
	renderCodeowners,
	reviewsOf,
} from './owners/codeowners.ts';
export {
	buildReport,
	FAIL_ON,
	type FailOn,
	type GovernanceReport,
	REPORT_SCHEMA,
	REPORT_SCHEMA_VERSION,
	type ReportParts,
	type ReportSummary,
} from './report/governance-report.ts';
export { type ChangelogOptions, renderChangelog } from './report/report-changelog.ts';
export {
	type AnnotationTarget,
	type GithubOptions,
	renderGithub,
} from './report/report-github.ts';
export { renderMarkdown } from './report/report-markdown.ts';
export { renderSarif } from './report/report-sarif.ts';
export {
	checkLine,
	diffLine,
	locate,
	PLAIN_STYLE,
	renderText,
	type TextStyle,
} from './report/report-text.ts';
export {
	applyVersionPolicy,
	type Bump,
	suggestVersions,
	VERSION_RULES,
	type VersionFinding,
	type VersionRuleId,
	type VersionSuggestion,
} from './version/version-policy.ts';
export {
	applyWaivers,
	changeId,
	isExpired,
	parseWaivers,
	type Waiver,
	type WaiverResult,
} from './waivers/waivers.ts';
