/*
 * The one module of @charter/react that imports the typed client. When the client moves to
 * `@charter/client`, only the specifier below changes.
 */
export {
	type AnyOperation,
	type BuiltInProblemCode,
	type CallOptions,
	type Client,
	type ClientOptions,
	createClient,
	isProblem,
	type Problem,
	ProblemError,
	type ProblemIssue,
} from '@charter/rest/client';
