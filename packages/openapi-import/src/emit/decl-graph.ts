// How generated declarations refer to each other: the expressions a declaration holds and the
// declarations an expression names.
import type { Decl, Expr } from '../convert/type-expr.ts';

/** The type expressions a declaration holds (field types, variants, the aliased type). */
export function childExprs(decl: Decl): Expr[] {
	switch (decl.kind) {
		case 'model':
			return Object.values(decl.fields).map((f) => f.type);
		case 'union':
			return [...decl.variants];
		case 'alias':
			return [decl.expr];
		case 'enum':
			return [];
	}
}

/** Calls `fn` for each declaration an expression names. */
export function forEachRef(expr: Expr, fn: (decl: Decl) => void): void {
	switch (expr.kind) {
		case 'ref':
			fn(expr.decl);
			return;
		case 'recursive':
			if (expr.target.named && expr.target.decl) fn(expr.target.decl);
			return;
		case 'array':
			forEachRef(expr.items, fn);
			return;
		case 'record':
			forEachRef(expr.values, fn);
			return;
		case 'union':
			for (const v of expr.variants) forEachRef(v, fn);
			return;
		default:
			return;
	}
}

/** The declarations some expressions name directly. */
export function refsOf(...exprs: (Expr | undefined)[]): Decl[] {
	const out: Decl[] = [];
	for (const expr of exprs) if (expr) forEachRef(expr, (decl) => out.push(decl));
	return out;
}

/** The declarations a declaration refers to directly. */
export function declRefs(decl: Decl): Decl[] {
	return refsOf(...childExprs(decl));
}
