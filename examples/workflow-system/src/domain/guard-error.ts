/** Why a guard expression was refused: a bad character, a syntax error, or a type error while evaluating. */
export type GuardErrorCode =
	| 'UNEXPECTED_CHARACTER'
	| 'UNTERMINATED_STRING'
	| 'INVALID_NUMBER'
	| 'UNEXPECTED_TOKEN'
	| 'UNEXPECTED_END'
	| 'TOO_LONG'
	| 'TOO_DEEP'
	| 'TYPE_MISMATCH';

/**
 * The only error the guard language throws. `position` is the 0-based offset in the source
 * where the problem starts, and the message repeats it (1-based column) for humans.
 */
export class GuardExpressionError extends Error {
	override readonly name = 'GuardExpressionError';
	constructor(
		readonly code: GuardErrorCode,
		readonly position: number,
		readonly reason: string,
	) {
		super(`${reason} (at column ${position + 1})`);
	}
}
