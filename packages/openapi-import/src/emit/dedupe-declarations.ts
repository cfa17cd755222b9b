// Identical types declared once: inline schemas that convert to the same declaration (same
// kind, fields, annotations and referenced types, whatever their names) become one, and a type
// shared by several modules gets a file of its own, so that modules import only from models.
import { keySegment } from '../convert/naming.ts';
import type { OperationDraft } from '../convert/operation-draft.ts';
import type { Decl, Expr, FieldExpr } from '../convert/type-expr.ts';
import { declRefs, refsOf } from './decl-graph.ts';

/** Declarations and operations after deduplication. */
export interface Deduplicated {
	readonly decls: Decl[];
	readonly operations: OperationDraft[];
}

/** The file a declaration has when it is shared: a component's own file (`models/pet.schema`). */
export function ownModule(decl: Decl): string {
	return `models/${keySegment(decl.name)}.schema`;
}

/**
 * Merges structurally identical declarations. A component schema (a declaration in its own
 * file) is never merged away, so the API's vocabulary keeps every name it declares; an inline
 * type identical to a component becomes that component, and identical inline types become the
 * first of them; an operation's input model stays its own. Every reference is rewritten; an inline type then used outside its module
 * moves to `models/<name>.schema`, with the inline types it uses.
 */
export function dedupeDeclarations(
	decls: readonly Decl[],
	operations: readonly OperationDraft[],
): Deduplicated {
	const fingerprints = new Fingerprints();
	const canonical = new Map<string, Decl>();
	const isComponent = (d: Decl) => d.module === ownModule(d);
	// An operation's input model is its parameter list, named for it: kept as it is.
	const inputs = new Set(refsOf(...operations.map((op) => op.input)));
	const kept = (d: Decl) => isComponent(d) || inputs.has(d);
	// Components first, so an inline duplicate of a component becomes the component.
	for (const decl of [...decls.filter(isComponent), ...decls.filter((d) => !kept(d))]) {
		const print = fingerprints.of(decl);
		if (!canonical.has(print)) canonical.set(print, decl);
	}
	const replacement = (decl: Decl): Decl =>
		kept(decl) ? decl : (canonical.get(fingerprints.of(decl)) ?? decl);
	const remaining = decls.filter((d) => replacement(d) === d);
	const rewrite = (expr: Expr): Expr => mapRefs(expr, replacement);
	for (const decl of remaining) rewriteDecl(decl, rewrite);
	const rewritten = operations.map((op) => ({
		...op,
		input: rewrite(op.input),
		output: rewrite(op.output),
		errors: op.errors.map((e) => (e.data ? { ...e, data: rewrite(e.data) } : e)),
	}));
	moveShared(remaining, rewritten);
	return { decls: remaining, operations: rewritten };
}

/** Gives a declaration's structure, names left out, as a short interned key. */
class Fingerprints {
	readonly #byDecl = new Map<Decl, string>();
	readonly #ids = new Map<string, string>();
	readonly #inProgress = new Set<Decl>();

	of(decl: Decl): string {
		const known = this.#byDecl.get(decl);
		if (known) return known;
		// A type that refers back to itself is only ever identical to itself.
		if (this.#inProgress.has(decl)) return `self:${decl.module}:${decl.name}`;
		this.#inProgress.add(decl);
		const structure = JSON.stringify([decl.kind, decl.description ?? null, this.#body(decl)]);
		this.#inProgress.delete(decl);
		let id = this.#ids.get(structure);
		if (!id) {
			id = `#${this.#ids.size}`;
			this.#ids.set(structure, id);
		}
		this.#byDecl.set(decl, id);
		return id;
	}

	#body(decl: Decl): unknown {
		switch (decl.kind) {
			case 'model':
				return Object.entries(decl.fields).map(([name, field]) => [name, this.#field(field)]);
			case 'enum':
				return decl.values;
			case 'union':
				return decl.variants.map((v) => this.#expr(v));
			case 'alias':
				return this.#expr(decl.expr);
		}
	}

	#field(field: FieldExpr): unknown {
		const { type, ...annotations } = field;
		return [this.#expr(type), annotations];
	}

	#expr(expr: Expr): unknown {
		switch (expr.kind) {
			case 'ref':
				return ['ref', this.of(expr.decl)];
			case 'array':
				return ['array', this.#expr(expr.items), expr.minItems ?? null, expr.maxItems ?? null];
			case 'record':
				return ['record', this.#expr(expr.values)];
			case 'union':
				return ['union', expr.discriminator ?? null, expr.variants.map((v) => this.#expr(v))];
			case 'recursive':
				// A reference back to a component: that component, by name (components are kept).
				return ['recursive', expr.name, expr.target.named];
			default:
				return expr;
		}
	}
}

/** The same expression with every referenced declaration replaced. */
function mapRefs(expr: Expr, replace: (decl: Decl) => Decl): Expr {
	switch (expr.kind) {
		case 'ref': {
			const decl = replace(expr.decl);
			return decl === expr.decl ? expr : { kind: 'ref', decl };
		}
		case 'array':
			return { ...expr, items: mapRefs(expr.items, replace) };
		case 'record':
			return { ...expr, values: mapRefs(expr.values, replace) };
		case 'union':
			return { ...expr, variants: expr.variants.map((v) => mapRefs(v, replace)) };
		default:
			return expr;
	}
}

function rewriteDecl(decl: Decl, rewrite: (expr: Expr) => Expr): void {
	switch (decl.kind) {
		case 'model':
			for (const [name, field] of Object.entries(decl.fields)) {
				decl.fields[name] = { ...field, type: rewrite(field.type) };
			}
			return;
		case 'union':
			decl.variants = decl.variants.map(rewrite);
			return;
		case 'alias':
			decl.expr = rewrite(decl.expr);
			return;
		case 'enum':
			return;
	}
}

/** Moves every declaration used outside its module to a file of its own, until none is left. */
function moveShared(decls: readonly Decl[], operations: readonly OperationDraft[]): void {
	const misplaced = (user: string, decl: Decl) =>
		user !== decl.module && decl.module !== ownModule(decl);
	const queue: Decl[] = [];
	for (const op of operations) {
		const used = refsOf(op.input, op.output, ...op.errors.map((e) => e.data));
		for (const decl of used) if (misplaced(op.module, decl)) queue.push(decl);
	}
	for (const decl of decls) {
		for (const dep of declRefs(decl)) if (misplaced(decl.module, dep)) queue.push(dep);
	}
	while (queue.length > 0) {
		const decl = queue.pop()!;
		if (decl.module === ownModule(decl)) continue;
		decl.module = ownModule(decl);
		for (const dep of declRefs(decl)) if (misplaced(decl.module, dep)) queue.push(dep);
	}
}
