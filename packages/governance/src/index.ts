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
export { deepPartial } from './check/example-rules.ts';
export {
	type DiffOptions,
	type DiffResult,
	diffPair,
	diffSnapshots,
} from './diff/contract-diff.ts';
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
export { diffTypes, type TypeChange } from './diff/type-diff.ts';
export { GovernanceError } from './errors.ts';
export {
	applyVersionPolicy,
	type Bump,
	suggestVersions,
	VERSION_RULES,
	type VersionFinding,
	type VersionRuleId,
	type VersionSuggestion,
} from './version/version-policy.ts';
