import type { StandardTypedV1 } from '@standard-schema/spec';
import type { FieldNode, Typed, TypeNode } from './type-node.ts';

/**
 * Phantom of a node converted from a library's schema: whatever kind the node turned out to
 * be, its TypeScript type is the library's (never present at run time).
 */
export interface Converted<T> {
	readonly '~converted'?: T;
}

/** The TypeScript type a node (or a Standard Schema such as a Zod schema) describes. */
export type Infer<N> =
	N extends StandardTypedV1<any, infer O>
		? O
		: N extends Converted<infer C>
			? C
			: N extends Typed<infer T>
				? T
				: unknown;

/** Anything accepted where a type is expected: a Charter node or a Standard JSON Schema. */
export type TypeLike = TypeNode | StandardTypedV1;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type FieldShape = Pick<FieldNode, 'isOptional' | 'isArray' | 'isNullable'> & { type: TypeLike };

type WithArray<F extends FieldShape, T> = F['isArray'] extends true ? T[] : T;
type WithNull<F extends FieldShape, T> = F['isNullable'] extends true ? T | null : T;

/** The value type of one field, applying list and nullability. */
export type InferField<F extends FieldShape> = WithNull<F, WithArray<F, Infer<F['type']>>>;

type OptionalKeys<F> = {
	[K in keyof F]: F[K] extends { isOptional: false } ? never : K;
}[keyof F];
type RequiredKeys<F> = Exclude<keyof F, OptionalKeys<F>>;

/** The object type of a set of fields; a field is optional unless `isOptional: false`. */
export type InferFields<F extends Record<string, FieldShape>> = Simplify<
	{ [K in RequiredKeys<F>]: InferField<F[K]> } & { [K in OptionalKeys<F>]?: InferField<F[K]> }
>;
