/*
 * The one module of @charter/react that imports the typed client, `@charter/client`.
 */
export {
	type AnyOperation,
	type BuiltInProblemCode,
	type CallOptions,
	type Client,
	type ClientOptions,
	type ContractErrorCode,
	createClient,
	isProblem,
	NETWORK_ERROR,
	type Problem,
	ProblemError,
	type ProblemIssue,
} from '@charter/client';
