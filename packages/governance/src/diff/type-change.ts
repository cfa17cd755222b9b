// The change a type walk reports, and the callbacks that carry it through the per-kind walkers.
import type { TypeNode } from '@charter/schema';
import type { TypeDiffRuleId } from './diff-rules.ts';

/** Receives one type-level change; the caller turns it into a finding for its direction. */
export type TypeChangeSink = (change: TypeChange) => void;

/** A change found inside a type, before a direction gives it a severity. */
export interface TypeChange {
	readonly ruleId: TypeDiffRuleId;
	readonly path: string;
	readonly before?: unknown;
	readonly after?: unknown;
	readonly message: string;
}

/**
 * Compares one pair of nested nodes. The per-kind walkers take it as a parameter to recurse,
 * so they need not import `type-diff.ts` (which imports them).
 */
export type TypeWalk = (
	a: TypeNode,
	b: TypeNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
) => void;
