/**
 * Signals a business failure from a handler. The code must be declared in the contract's
 * `errors` (which gives its HTTP status) or be one of the runtime's built-in codes such as
 * `NOT_FOUND`; any other code is a contract bug, answered as an opaque 500 and logged.
 *
 * @example
 * throw new ContractError('INVALID_STATE', 'only a RUNNING instance can be paused');
 */
export class ContractError extends Error {
	override readonly name = 'ContractError';
	constructor(
		readonly code: string,
		readonly detail?: string,
		readonly data?: unknown,
		options?: { cause?: unknown },
	) {
		super(detail ? `${code}: ${detail}` : code, options);
	}
}
