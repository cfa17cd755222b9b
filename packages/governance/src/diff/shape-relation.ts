// Relates two type nodes that the walk cannot compare member by member: any, value sets, scalars.
import type { TypeNode } from '@charter/schema';
import { relateScalarSchemas, type TypeRelation } from './constraint-relation.ts';
import { scalarAccepts, scalarSchema } from './scalar-schema.ts';

/** Relates two nodes of different shapes (neither a union). */
export function relate(a: TypeNode, b: TypeNode): TypeRelation {
	if (isAny(b)) return isAny(a) ? 'equal' : 'wider';
	if (isAny(a)) return 'narrower';
	if (isAnyObject(b) && (a.kind === 'model' || a.kind === 'record')) return 'wider';
	if (isAnyObject(a) && (b.kind === 'model' || b.kind === 'record')) return 'narrower';
	if (a.kind === 'scalar' && b.kind === 'scalar') {
		return relateScalarSchemas(scalarSchema(a), scalarSchema(b));
	}
	const va = valuesOf(a);
	const vb = valuesOf(b);
	if (va && vb) {
		const aInB = va.every((v) => vb.includes(v));
		const bInA = vb.every((v) => va.includes(v));
		return aInB && bInA ? 'equal' : aInB ? 'wider' : bInA ? 'narrower' : 'incompatible';
	}
	// A finite set of values against an open scalar: wider when the scalar accepts them all.
	if (va && b.kind === 'scalar')
		return va.every((v) => scalarAccepts(b, v)) ? 'wider' : 'incompatible';
	if (vb && a.kind === 'scalar')
		return vb.every((v) => scalarAccepts(a, v)) ? 'narrower' : 'incompatible';
	return 'incompatible';
}

function isAny(node: TypeNode): boolean {
	return node.kind === 'scalar' && node.name === 'JSON';
}

function isAnyObject(node: TypeNode): boolean {
	return node.kind === 'scalar' && node.name === 'JSONObject' && !node.constraints;
}

function valuesOf(node: TypeNode): readonly unknown[] | undefined {
	if (node.kind === 'enum') return node.values;
	if (node.kind === 'literal') return [node.value];
	return undefined;
}
