// The entry of the type diff: `diffTypes` and the walk that compares the parts every node shares
// (name, description) and hands each kind to its walker.
import type { TypeNode } from '@charter/schema';
import { walkArray } from './array-diff.ts';
import { reportKeyword, reportRelation } from './change-report.ts';
import { CONSTRAINT_KEYWORDS } from './constraint-relation.ts';
import { describeType } from './describe-type.ts';
import { walkEnum } from './enum-diff.ts';
import { walkModel } from './model-diff.ts';
import { scalarSchema } from './scalar-schema.ts';
import { relate } from './shape-relation.ts';
import type { TypeChangeSink } from './type-change.ts';
import { descriptionOf, nameOf } from './type-node-facts.ts';
import { walkUnion } from './union-diff.ts';

export type { TypeChange, TypeChangeSink } from './type-change.ts';

/**
 * Compares two type nodes structurally and reports every change, recursing through models,
 * lists, records and unions. Direction is applied by the caller, so one walk serves both.
 */
export function diffTypes(before: TypeNode, after: TypeNode, path: string, sink: TypeChangeSink) {
	walk(before, after, path, sink, new Set());
}

function walk(
	a: TypeNode,
	b: TypeNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
): void {
	if (a === b) return;
	if (a.kind === 'union' || b.kind === 'union') {
		walkUnion(a, b, path, sink, seen, walk);
		return;
	}
	const renamed = nameOf(a) !== undefined && nameOf(b) !== undefined && nameOf(a) !== nameOf(b);
	if (a.kind === b.kind && renamed) {
		sink({
			ruleId: 'type-renamed',
			path,
			before: nameOf(a),
			after: nameOf(b),
			message: `type ${nameOf(a)} was renamed to ${nameOf(b)}`,
		});
	}
	const descBefore = descriptionOf(a);
	const descAfter = descriptionOf(b);
	if (a.kind === b.kind && descBefore !== descAfter) {
		sink({
			ruleId: 'description-changed',
			path,
			before: descBefore,
			after: descAfter,
			message: `description of ${describeType(b)} changed`,
		});
	}
	switch (a.kind) {
		case 'model':
			if (b.kind === 'model') {
				walkModel(a, b, path, sink, seen, walk);
				return;
			}
			break;
		case 'array':
			if (b.kind === 'array') {
				walkArray(a, b, path, sink, seen, walk);
				return;
			}
			break;
		case 'record':
			if (b.kind === 'record') {
				walk(a.values, b.values, `${path}.*`, sink, seen);
				return;
			}
			break;
		case 'enum':
			if (b.kind === 'enum') {
				walkEnum(a, b, path, sink);
				return;
			}
			break;
		case 'literal':
			if (b.kind === 'literal' && a.value === b.value) return;
			break;
		case 'scalar':
			if (b.kind === 'scalar') {
				const sa = scalarSchema(a);
				const sb = scalarSchema(b);
				// Same JSON type: the scalars differ only by constraints (String -> UUID adds a format).
				if (sa.type !== undefined && sa.type === sb.type) {
					for (const keyword of CONSTRAINT_KEYWORDS) {
						reportKeyword(keyword, sa[keyword], sb[keyword], path, sink);
					}
					return;
				}
			}
			break;
		case 'json-schema':
			if (b.kind === 'json-schema') {
				if (JSON.stringify(a.schema) !== JSON.stringify(b.schema)) {
					sink({
						ruleId: 'schema-changed',
						path,
						message: `the imported JSON Schema${a.name ? ` ${a.name}` : ''} changed; review it by hand`,
					});
				}
				return;
			}
			break;
	}
	reportRelation(relate(a, b), a, b, path, sink);
}
