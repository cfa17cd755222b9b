/** One reason a value does not match its type. */
export interface ValidationIssue {
	/** JSON pointer to the offending value (`/steps/0/name`); `` for the value itself. */
	readonly path: string;
	/** Stable machine code: `required`, `type`, `format`, `enum`, `unknown_key`, `pattern`... */
	readonly code: string;
	readonly message: string;
}

/** A discriminated result: the (possibly defaulted and stripped) value, or every issue. */
export type ValidationResult<T> =
	| { readonly ok: true; readonly value: T }
	| { readonly ok: false; readonly issues: readonly ValidationIssue[] };
