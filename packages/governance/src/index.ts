export * from './check-entry.ts';
export {
	type DiffOptions,
	type DiffResult,
	diffPair,
	diffSnapshots,
	type PairContext,
} from './diff/contract-diff.ts';
