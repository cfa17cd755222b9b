/*
 * The browser-safe part of the runtime: problem documents and their error, with no driver or
 * Node built-in behind them (`@charter/runtime/problems`), for clients that run in a browser.
 */

export { type DeclaredProblem, declaredProblem } from './declared-problem.ts';
export {
	BUILT_IN_PROBLEMS,
	type BuiltInProblemCode,
	isProblem,
	type Problem,
	type ProblemIssue,
} from './problem.ts';
export { ProblemError } from './problem-error.ts';
