import { type Problem, ProblemError } from '@charter/spec';
import type { Method } from './client-types.ts';

/** The error codes each method's contract declares, by method (the typed client's and an SDK's). */
const declaredCodes = new WeakMap<object, ReadonlySet<string>>();

/** Records the codes `method`'s contract declares; returns the method. */
export function withDeclaredErrors<M extends object>(method: M, codes: Iterable<string>): M {
	declaredCodes.set(method, new Set(codes));
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
	if (!(error instanceof ProblemError)) return undefined;
	const problem: Problem = error.problem;
	return declaredCodes.get(method)?.has(problem.code) ? (problem as ErrorOf<M>) : undefined;
}
