import type { Problem } from './problem.ts';

/**
 * Carries a problem document as an exception, for callers of a surface (clients, tests)
 * that prefer throwing over discriminated results. Typed by the problem it carries, so
 * `ProblemError<DeclaredProblem<S>>` has the declared codes and data of a contract.
 */
export class ProblemError<P extends Problem = Problem> extends Error {
	override readonly name = 'ProblemError';
	constructor(readonly problem: P) {
		super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
	}

	get status(): number {
		return this.problem.status;
	}

	get code(): P['code'] {
		return this.problem.code;
	}
}
