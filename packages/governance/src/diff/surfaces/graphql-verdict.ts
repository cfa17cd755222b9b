// GraphQL's own rules for a change, on the types the schema actually serves: variable typing for
// inputs (a `$qty: Int!` cannot bind where `Float!` is expected), selections for outputs, and
// null handling (GraphQL has one nullable, `null`, for an absent or a null value).
import {
	type GraphQLType,
	getNamedType,
	getNullableType,
	isLeafType,
	isListType,
	isNonNullType,
	isNullableType,
	isUnionType,
} from 'graphql';
import type { DiffSeverity, Direction, TypeDiffRuleId } from '../diff-rules.ts';
import type { GraphqlLocation } from './graphql-projection.ts';

/** One side's place in the GraphQL schema, and whether the contract field there is optional. */
export interface GraphqlSide {
	readonly location: GraphqlLocation;
	/** The Charter field at the path is optional (GraphQL drops a `null` sent for it, if not nullable). */
	readonly optional?: boolean;
	readonly nullable?: boolean;
}

/** Rules about presence and `null`: GraphQL shows both as one nullable type. */
const PRESENCE = new Set<TypeDiffRuleId>([
	'field-made-optional',
	'field-made-required',
	'nullable-added',
	'nullable-removed',
]);

/**
 * Decides a change's verdict on GraphQL. `json` is its verdict on a JSON surface: the same
 * executor validates GraphQL input, so value-level rules (constraints, enum values inside a
 * String) keep that verdict, and GraphQL's type system can only make a change worse or, where
 * GraphQL cannot observe it, harmless.
 */
export function graphqlVerdict(
	rule: TypeDiffRuleId,
	direction: Direction,
	json: DiffSeverity,
	before: GraphqlSide,
	after: GraphqlSide,
): DiffSeverity {
	const a = before.location;
	const b = after.location;
	if (a.kind === 'opaque' || b.kind === 'opaque') return json;
	if (a.kind === 'absent' && b.kind === 'absent') return json;
	if (direction === 'request') {
		// An input field GraphQL validation requires (non-null, no default) breaks every caller.
		if (a.kind === 'absent') return b.kind === 'type' && isNonNullType(b.type) ? 'breaking' : json;
		if (b.kind === 'absent') return 'breaking';
		if (sameType(a.type, b.type)) {
			// A `null` sent for an optional, non-nullable input is dropped before validation.
			if (rule === 'nullable-removed' && after.optional && !after.nullable) return 'safe';
			return json;
		}
		// Variable typing: a variable of the old type must be usable where the new type is expected.
		return isSubtype(a.type, b.type, true) ? json : 'breaking';
	}
	if (a.kind === 'absent') return json;
	if (b.kind === 'absent') return 'breaking';
	if (sameType(a.type, b.type)) {
		if (PRESENCE.has(rule)) return 'safe';
		if (isUnionType(getNullableType(b.type))) {
			// A new member reaches a client as an object of a type it selected nothing on; a
			// removed one invalidates every query with a fragment on it.
			if (rule === 'type-widened') return 'dangerous';
			if (rule === 'type-narrowed') return 'breaking';
		}
		return json;
	}
	// Selections: the new type must fit where the old one was read. A leaf stays selectable
	// whatever its scalar or enum, so the value-level verdict decides.
	if (isSubtype(b.type, a.type, true)) return json;
	if (isSubtype(b.type, a.type, false)) return json;
	return 'breaking';
}

function sameType(a: GraphQLType, b: GraphQLType): boolean {
	return String(a) === String(b);
}

/**
 * GraphQL's `isTypeSubTypeOf` on two schemas' types: non-null fits nullable, lists fit lists of
 * fitting items, named types by name. With `byName` false, any two leaf types fit.
 */
function isSubtype(sub: GraphQLType, sup: GraphQLType, byName: boolean): boolean {
	if (isNonNullType(sup)) return isNonNullType(sub) && isSubtype(sub.ofType, sup.ofType, byName);
	if (isNonNullType(sub)) return isSubtype(sub.ofType, sup, byName);
	if (isListType(sup)) return isListType(sub) && isSubtype(sub.ofType, sup.ofType, byName);
	if (isListType(sub)) return false;
	if (!isNullableType(sub) || !isNullableType(sup)) return false;
	const x = getNamedType(sub);
	const y = getNamedType(sup);
	if (byName) return x.name === y.name;
	return isLeafType(x) && isLeafType(y);
}
