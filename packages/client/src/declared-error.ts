import { declaredProblem } from '@charter/spec';
import type { Method } from './client-types.ts';

/**
 * The errors each method's contract declares, by method (the typed client's and an SDK's), in
 * the shape `declaredProblem` reads: a generated SDK has codes, not the contract.
 */
const declaredErrors = new WeakMap<object, { readonly errors: Readonly<Record<string, true>> }>();

/** Records the codes `method`'s contract declares; returns the method. */
export function withDeclaredErrors<M extends object>(method: M, codes: Iterable<string>): M {
	declaredErrors.set(method, {
		errors: Object.fromEntries([...codes].map((code) => [code, true])),
	});
	return method;
}

/** The declared problems of a method, a union to `switch` on by `code`. */
export type ErrorOf<M> = M extends Method<any, any, any, infer E> ? E : never;

/**
 * The problem a call of `method` failed with, when its code is one the method's contract
 * declares (typed with its `data`); undefined for anything else (a built-in problem, a network
 * error...). Works alike for the typed client's methods and a generated SDK's.
 *
 * @example
 * try { await api.workflow.instance.pause({ instanceId }) } catch (error) {
 *   const declared = declaredError(error, api.workflow.instance.pause);
 *   switch (declared?.code) { case 'INVALID_STATE': ...; case 'NOT_FOUND': ... }
 * }
 */
export function declaredError<M extends Method<any, any, any, any>>(
	error: unknown,
	method: M,
): ErrorOf<M> | undefined {
	const declared = declaredErrors.get(method);
	return declared === undefined
		? undefined
		: (declaredProblem(error, declared) as ErrorOf<M> | undefined);
}
