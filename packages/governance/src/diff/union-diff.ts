// Compares types where either side is a union: union to union variant by variant, or a type
// that became (or stopped being) a union against its matching variant.
import type { TypeNode, UnionNode } from '@charter/schema';
import { reportRelation } from './change-report.ts';
import { describeType } from './describe-type.ts';
import type { TypeChangeSink, TypeWalk } from './type-change.ts';
import { nameOf } from './type-node-facts.ts';
import { findVariant, matchVariants, variantLabel } from './union-variants.ts';

/** Reports the changes between `a` and `b` when at least one of them is a union. */
export function walkUnion(
	a: TypeNode,
	b: TypeNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
	walk: TypeWalk,
) {
	if (a.kind === 'union' && b.kind === 'union') {
		if (nameOf(a) && nameOf(b) && nameOf(a) !== nameOf(b)) {
			sink({
				ruleId: 'type-renamed',
				path,
				before: a.name,
				after: b.name,
				message: `type ${a.name} was renamed to ${b.name}`,
			});
		}
		if (a.discriminator !== b.discriminator) {
			sink({
				ruleId: 'type-changed',
				path,
				before: a.discriminator,
				after: b.discriminator,
				message: `union discriminator changed from ${a.discriminator ?? 'none'} to ${b.discriminator ?? 'none'}`,
			});
		}
		const { pairs, added, removed } = matchVariants(a, b.variants);
		for (const [va, vb] of pairs) walk(va, vb, `${path}<${variantLabel(vb, b)}>`, sink, seen);
		for (const v of added) {
			sink({
				ruleId: 'type-widened',
				path,
				after: describeType(v),
				message: `union member ${describeType(v)} was added`,
			});
		}
		for (const v of removed) {
			sink({
				ruleId: 'type-narrowed',
				path,
				before: describeType(v),
				message: `union member ${describeType(v)} was removed`,
			});
		}
		return;
	}
	if (b.kind === 'union') {
		const match = findVariant(a, b.variants);
		if (!match) {
			reportRelation('incompatible', a, b, path, sink);
			return;
		}
		sink({
			ruleId: 'type-widened',
			path,
			before: describeType(a),
			after: describeType(b),
			message: `type widened from ${describeType(a)} to ${describeType(b)}`,
		});
		walk(a, match, `${path}<${variantLabel(match, b)}>`, sink, seen);
		return;
	}
	const union = a as UnionNode;
	const match = findVariant(b, union.variants);
	if (!match) {
		reportRelation('incompatible', a, b, path, sink);
		return;
	}
	sink({
		ruleId: 'type-narrowed',
		path,
		before: describeType(a),
		after: describeType(b),
		message: `type narrowed from ${describeType(a)} to ${describeType(b)}`,
	});
	walk(match, b, `${path}<${variantLabel(match, union)}>`, sink, seen);
}
