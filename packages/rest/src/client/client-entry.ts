/*
 * The browser-safe typed client (`@charter/rest/client`): only fetch, the contracts and the
 * problem documents, none of the server. It moves to `@charter/client` with the distribution work.
 */
export {
	BUILT_IN_PROBLEMS,
	type BuiltInProblemCode,
	isProblem,
	type Problem,
	ProblemError,
	type ProblemIssue,
} from '@charter/runtime/problems';
export type {
	AnyOperation,
	CallOptions,
	Client,
	ClientMethod,
	ClientTree,
} from './client-types.ts';
export { type ClientOptions, createClient } from './rest-client.ts';
