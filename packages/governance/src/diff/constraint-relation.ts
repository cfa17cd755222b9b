/** How a JSON Schema keyword moved between two versions of a type. */
export type KeywordChange = 'tightened' | 'loosened' | 'changed';

const LOWER = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems']);
const UPPER = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems']);
const SHAPE = new Set(['pattern', 'format']);

/** Keywords compared as constraints; every other keyword is compared by equality. */
export const CONSTRAINT_KEYWORDS: readonly string[] = [...LOWER, ...UPPER, ...SHAPE, 'multipleOf'];

/**
 * Classifies how one constraint keyword changed: added bounds and patterns tighten, removed
 * ones loosen; a different pattern or format is neither, so it counts as `changed`.
 */
export function compareKeyword(
	keyword: string,
	before: unknown,
	after: unknown,
): KeywordChange | undefined {
	if (before === after) return undefined;
	if (before === undefined) return 'tightened';
	if (after === undefined) return 'loosened';
	if (LOWER.has(keyword) && typeof before === 'number' && typeof after === 'number') {
		return after > before ? 'tightened' : 'loosened';
	}
	if (UPPER.has(keyword) && typeof before === 'number' && typeof after === 'number') {
		return after < before ? 'tightened' : 'loosened';
	}
	if (keyword === 'multipleOf' && typeof before === 'number' && typeof after === 'number') {
		if (isMultiple(after, before)) return 'tightened';
		if (isMultiple(before, after)) return 'loosened';
	}
	return 'changed';
}

function isMultiple(value: number, of: number): boolean {
	const ratio = value / of;
	return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** How a whole type relates to another: equal, accepts more, accepts less, or neither. */
export type TypeRelation = 'equal' | 'wider' | 'narrower' | 'incompatible';

/**
 * Relates two scalar JSON Schemas (base form plus constraints): `type` (absent is any,
 * `integer` is inside `number`) and every constraint keyword. Mixed moves are incompatible.
 */
export function relateScalarSchemas(
	before: Readonly<Record<string, unknown>>,
	after: Readonly<Record<string, unknown>>,
): TypeRelation {
	const moves = new Set<'wider' | 'narrower' | 'incompatible'>();
	const tb = before.type as string | undefined;
	const ta = after.type as string | undefined;
	if (tb !== ta) {
		if (ta === undefined || (tb === 'integer' && ta === 'number')) moves.add('wider');
		else if (tb === undefined || (tb === 'number' && ta === 'integer')) moves.add('narrower');
		else return 'incompatible';
	}
	// Constraints only matter when the type is not "anything".
	if (tb !== undefined && ta !== undefined) {
		for (const keyword of CONSTRAINT_KEYWORDS) {
			const change = compareKeyword(keyword, before[keyword], after[keyword]);
			if (change === 'tightened') moves.add('narrower');
			else if (change === 'loosened') moves.add('wider');
			else if (change === 'changed') moves.add('incompatible');
		}
	}
	if (moves.size === 0) return 'equal';
	if (moves.size > 1 || moves.has('incompatible')) return 'incompatible';
	return [...moves][0]!;
}
