/*
 * Problem documents and their error (`@charter/runtime/problems`). They live in `@charter/spec`
 * since `@charter/client` needs them without the runtime; this entry keeps the old import path.
 */

export {
	BUILT_IN_PROBLEMS,
	type BuiltInProblemCode,
	type DeclaredProblem,
	declaredProblem,
	isProblem,
	type Problem,
	ProblemError,
	type ProblemIssue,
} from '@charter/spec';
