import type { ErrorDataOf, ErrorDeclaration } from '@charter/spec';
import { ContractError } from './contract-error.ts';

/** What raising one declared error takes: `data` is required exactly when the error declares it. */
export type RaiseArguments<D> = [ErrorDataOf<D>] extends [undefined]
	? [details?: { readonly detail?: string; readonly cause?: unknown }]
	: [
			details: {
				readonly detail?: string;
				readonly data: ErrorDataOf<D>;
				readonly cause?: unknown;
			},
		];

/**
 * One function per error a contract declares, typed from its `errors` catalogue: a code it does
 * not declare is no property, and `data` has the declared type. Each returns the error to throw.
 *
 * @example
 * throw ctx.errors.DEFINITION_INVALID({ detail: 'the draft has issues', data: issues });
 */
export type ErrorRaisers<Er> = {
	readonly [C in Extract<keyof Er, string>]: (
		...details: RaiseArguments<Er[C]>
	) => ContractError<C, ErrorDataOf<Er[C]>>;
};

type Details = { readonly detail?: string; readonly data?: unknown; readonly cause?: unknown };

/** Builds the raisers of a catalogue once (at startup), not per call. */
export function errorRaisers(
	errors: Readonly<Record<string, ErrorDeclaration>>,
): ErrorRaisers<Record<string, ErrorDeclaration>> {
	const raisers: Record<string, (details?: Details) => ContractError> = {};
	for (const code of Object.keys(errors)) {
		raisers[code] = (details?: Details) =>
			new ContractError(
				code,
				details?.detail,
				details?.data,
				details?.cause === undefined ? undefined : { cause: details.cause },
			);
	}
	return Object.freeze(raisers) as ErrorRaisers<Record<string, ErrorDeclaration>>;
}
