import type { ErrorCodeOf, ErrorDataOf, ErrorsOf } from '../operations/operation-types.ts';
import type { Problem } from './problem.ts';
import { ProblemError } from './problem-error.ts';

/**
 * The problems a call of `S` answers with for the errors its contract declares: a union
 * discriminated by `code`, each with the declared type of its `data`.
 */
export type DeclaredProblem<S> = {
	[C in ErrorCodeOf<S>]: Problem & {
		readonly code: C;
		readonly data: ErrorDataOf<ErrorsOf<S>[C]>;
	};
}[ErrorCodeOf<S>];

/**
 * The problem of an error a call of `contract` failed with, when its code is one the contract
 * declares; undefined for anything else (a built-in problem, a network error...). The result
 * is a union to `switch` on by `code`.
 *
 * @example
 * const declared = declaredProblem(error, PauseWorkflowContract);
 * switch (declared?.code) {
 *   case 'INVALID_STATE': return showState(declared.detail);
 *   case 'NOT_FOUND': return goBack();
 * }
 */
export function declaredProblem<S extends { readonly errors: Readonly<Record<string, unknown>> }>(
	error: unknown,
	contract: S,
): DeclaredProblem<S> | undefined {
	if (!(error instanceof ProblemError)) return undefined;
	const { problem } = error;
	return Object.hasOwn(contract.errors, problem.code) ? (problem as DeclaredProblem<S>) : undefined;
}
