/**
 * Signals a business failure from a handler: the one error class every contract error is. The
 * code must be declared in the contract's `errors` (which gives its HTTP status and the shape of
 * its `data`) or be one of the runtime's built-in codes such as `NOT_FOUND`; any other code is a
 * contract bug, answered as an opaque 500 and logged. Handlers usually get one typed from their
 * contract through `ctx.errors.<CODE>(...)`.
 *
 * @example
 * throw ctx.errors.INVALID_STATE({ detail: 'only a RUNNING instance can be paused' });
 * throw new ContractError('INVALID_STATE', 'only a RUNNING instance can be paused');
 */
export class ContractError<C extends string = string, D = unknown> extends Error {
	override readonly name = 'ContractError';
	constructor(
		readonly code: C,
		readonly detail?: string,
		readonly data?: D,
		options?: { cause?: unknown },
	) {
		super(detail ? `${code}: ${detail}` : code, options);
	}
}
