/*
 * The typed client of a Charter API: fetch, the contracts and the problem documents, nothing
 * of the server and no Node built-in, so it bundles for a browser.
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
export {
	type AnyOperation,
	type CallOptions,
	type CallResponse,
	type CallResult,
	type Client,
	type ClientMethod,
	type ClientOptions,
	type ClientOutputOf,
	type ClientTree,
	type ContractErrorCode,
	type ContractProblem,
	type Download,
	type Method,
	NETWORK_ERROR,
	type RetryOptions,
	type SuccessStatusOf,
} from './client-types.ts';
export { createClient } from './create-client.ts';
export { declaredError, type ErrorOf } from './declared-error.ts';
export { createHttpCaller, type HttpCaller, type Outcome, type WireRoute } from './http-caller.ts';
