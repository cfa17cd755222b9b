// Builds the changes shared by several walkers: a relation between two types, a moved keyword.
import type { TypeNode } from '@charter/schema';
import { compareKeyword, type TypeRelation } from './constraint-relation.ts';
import { describeType } from './describe-type.ts';
import type { TypeChangeSink } from './type-change.ts';

/** Reports how `b` relates to `a` as a widened, narrowed or changed type; nothing when equal. */
export function reportRelation(
	relation: TypeRelation,
	a: TypeNode,
	b: TypeNode,
	path: string,
	sink: TypeChangeSink,
): void {
	if (relation === 'equal') return;
	const ruleId =
		relation === 'wider'
			? 'type-widened'
			: relation === 'narrower'
				? 'type-narrowed'
				: 'type-changed';
	const verb = relation === 'wider' ? 'widened' : relation === 'narrower' ? 'narrowed' : 'changed';
	sink({
		ruleId,
		path,
		before: describeType(a),
		after: describeType(b),
		message: `type ${verb} from ${describeType(a)} to ${describeType(b)}`,
	});
}

/** Reports a constraint keyword that tightened, loosened or changed; nothing when it is the same. */
export function reportKeyword(
	keyword: string,
	before: unknown,
	after: unknown,
	path: string,
	sink: TypeChangeSink,
): void {
	const change = compareKeyword(keyword, before, after);
	if (!change) return;
	sink({
		ruleId: `constraint-${change}`,
		path,
		before: { [keyword]: before },
		after: { [keyword]: after },
		message: `${keyword} ${change}: ${JSON.stringify(before) ?? 'none'} -> ${JSON.stringify(after) ?? 'none'}`,
	});
}
