import type { InputOf, OperationSpec, OutputOf } from '@charter/spec';

/** Per-call options of the typed client. */
export interface CallOptions {
	/** Sent as `Idempotency-Key` (commands). */
	readonly idempotencyKey?: string;
	readonly signal?: AbortSignal;
	readonly headers?: Readonly<Record<string, string>>;
}

/** Any operation contract whose key is known as a literal. */
export type AnyOperation = OperationSpec<any, any, any>;

/** Calls one operation: typed input, typed output, `ProblemError` on failure. */
export type ClientMethod<S> = (input: InputOf<S>, options?: CallOptions) => Promise<OutputOf<S>>;

type Split<S extends string> = S extends `${infer H}.${infer T}` ? [H, ...Split<T>] : [S];
type Nest<P extends readonly string[], F> = P extends [
	infer H extends string,
	...infer T extends string[],
]
	? { readonly [K in H]: Nest<T, F> }
	: F;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
	x: infer I,
) => void
	? I
	: never;

/** The nested methods of a list of contracts, by key segments (`workflow.instance.pause`). */
export type ClientTree<C extends readonly AnyOperation[]> = UnionToIntersection<
	{ [I in keyof C]: Nest<Split<C[I]['meta']['key']>, ClientMethod<C[I]>> }[number]
>;

/** A typed client: nested methods plus `call(contract, input)`. */
export type Client<C extends readonly AnyOperation[]> = ClientTree<C> & {
	call<S extends AnyOperation>(
		contract: S,
		input: InputOf<S>,
		options?: CallOptions,
	): Promise<OutputOf<S>>;
};
