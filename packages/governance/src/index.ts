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
