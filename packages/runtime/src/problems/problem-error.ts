import type { Problem } from './problem.ts';

/**
 * Carries a problem document as an exception, for callers of a surface (clients, tests)
 * that prefer throwing over discriminated results.
 */
export class ProblemError extends Error {
	override readonly name = 'ProblemError';
	constructor(readonly problem: Problem) {
		super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
	}

	get status(): number {
		return this.problem.status;
	}

	get code(): string {
		return this.problem.code;
	}
}
