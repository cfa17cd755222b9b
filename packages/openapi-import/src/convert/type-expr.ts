import type { LiteralValue, ScalarName } from '@charter/schema';

/** A type as the generated source will spell it; named types are declarations. */
export type Expr =
	| {
			readonly kind: 'scalar';
			readonly name: ScalarName;
			readonly constraints?: Readonly<Record<string, number | string>>;
	  }
	| { readonly kind: 'ref'; readonly decl: Decl }
	| {
			readonly kind: 'array';
			readonly items: Expr;
			readonly minItems?: number;
			readonly maxItems?: number;
	  }
	| { readonly kind: 'record'; readonly values: Expr }
	| { readonly kind: 'literal'; readonly value: LiteralValue }
	| {
			readonly kind: 'union';
			readonly variants: readonly Expr[];
			/** A field every variant (a model) has as a required literal that selects it. */
			readonly discriminator?: string;
	  }
	| RecursiveExpr;

/**
 * A reference back to a component that is still being converted (a reference cycle: the
 * component contains itself, directly or through others), written `recursiveRef(...)`. Its
 * target is known once the component is declared: `named` tells whether that declaration is a
 * named type the reference can point at (a model, enum or union; `decl` is then that
 * declaration); when it is not, the reference is written as any JSON.
 */
export interface RecursiveExpr {
	readonly kind: 'recursive';
	readonly name: string;
	readonly module: string;
	readonly target: { named: boolean; decl?: Decl };
}

/** A model field as generated. */
export interface FieldExpr {
	readonly type: Expr;
	readonly isOptional: boolean;
	readonly isArray?: boolean;
	readonly isNullable?: boolean;
	readonly description?: string;
	readonly default?: unknown;
	readonly deprecated?: boolean;
	readonly examples?: readonly unknown[];
}

interface DeclBase {
	/** The exported identifier, also the type's name in the IR (unique in the import). */
	readonly name: string;
	/**
	 * Output module (relative path without extension) the declaration lives in; an inline type
	 * other modules come to share moves to a file of its own (see dedupe-declarations.ts).
	 */
	module: string;
	readonly description?: string;
}

/** A named declaration in a generated file. */
export type Decl =
	| (DeclBase & { readonly kind: 'model'; fields: Record<string, FieldExpr> })
	| (DeclBase & { readonly kind: 'enum'; readonly values: readonly string[] })
	| (DeclBase & { readonly kind: 'union'; variants: readonly Expr[] })
	| (DeclBase & { readonly kind: 'alias'; expr: Expr });
