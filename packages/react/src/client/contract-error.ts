import {
	type AnyOperation,
	type ContractErrorCode,
	NETWORK_ERROR,
	type Problem,
	ProblemError,
} from './charter-client.ts';

export { type ContractErrorCode, NETWORK_ERROR };

/**
 * The error a hook of `S` reports: a `ProblemError` whose `code` is typed from the contract,
 * so `switch (error.code)` lists the declared codes.
 */
export type ContractError<S> = ProblemError & {
	readonly code: ContractErrorCode<S>;
	readonly problem: Problem & { readonly code: ContractErrorCode<S> };
};

/**
 * Tells whether an error is a problem from a call of `contract`, optionally with one code;
 * narrows `code` to the contract's codes.
 *
 * @example
 * if (isContractError(error, PauseWorkflowContract, 'INVALID_STATE')) toast(error.problem.detail);
 */
export function isContractError<S extends AnyOperation, C extends ContractErrorCode<S>>(
	error: unknown,
	_contract: S,
	code?: C,
): error is ContractError<S> & { readonly code: C } {
	return error instanceof ProblemError && (code === undefined || error.code === code);
}

/**
 * Turns what a call threw into a {@link ContractError}: problems pass through; an abort is
 * re-thrown as is (TanStack Query ignores cancelled fetches); anything else is a network
 * failure, kept as the cause.
 */
export function toContractError<S>(error: unknown): ContractError<S> {
	if (error instanceof ProblemError) return error as ContractError<S>;
	if (isAbort(error)) throw error;
	const detail = error instanceof Error ? error.message : String(error);
	const problem = new ProblemError({
		type: 'about:blank',
		title: 'The server could not be reached',
		status: 0,
		code: NETWORK_ERROR,
		detail,
	});
	(problem as { cause?: unknown }).cause = error;
	return problem as ContractError<S>;
}

function isAbort(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { name?: unknown }).name === 'AbortError'
	);
}
