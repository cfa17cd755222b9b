import type { Problem } from './problem.ts';

/**
 * Carries a problem document as an exception, for callers of a surface (clients, tests)
 * that prefer throwing over discriminated results. Typed by the problem it carries, so
 * `ProblemError<DeclaredProblem<S>>` has the declared codes and data of a contract.
 */
export class ProblemError<P extends Problem = Problem> extends Error {
	override readonly name = 'ProblemError';
	/** `options.cause` keeps what led to the problem (a client's failed fetch, for one). */
	constructor(
		readonly problem: P,
		options?: { readonly cause?: unknown },
	) {
		super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`, options);
	}

	get status(): number {
		return this.problem.status;
	}

	get code(): P['code'] {
		return this.problem.code;
	}
}
