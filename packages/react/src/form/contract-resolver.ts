import {
	compileValidator,
	type TypeNode,
	type ValidationIssue,
	type ValidationResult,
} from '@charter/schema';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { pointerToName, setAtName, toInput } from './form-paths.ts';

/**
 * Validates a form's input in place of the compiled validator: the same verdict from elsewhere,
 * e.g. the server's validator over HTTP on a page whose Content-Security-Policy forbids the
 * code generation Charter's compiled validators use.
 */
export type InputValidator = (
	input: unknown,
) => ValidationResult<unknown> | Promise<ValidationResult<unknown>>;

/**
 * Creates a react-hook-form resolver that validates with Charter's own compiled validator: the
 * schema the server enforces, its messages and its JSON pointers, so a form and the server
 * never disagree. Empty optional fields are absent keys; defaults are filled in as the server does.
 * A given `validate` replaces the compiled validator (which is then never compiled).
 *
 * @example useForm({ resolver: contractResolver(PauseWorkflowContract.io.input) })
 */
export function contractResolver<T extends FieldValues>(
	input: TypeNode,
	validate?: InputValidator,
): Resolver<T> {
	const check = validate ?? ((value: unknown) => compileValidator(input).validate(value));
	return async (values) => {
		// The validator fills defaults and strips unknown keys in place: work on a copy.
		const result = await check(toInput(values));
		if (result.ok) return { values: result.value as T, errors: {} };
		return { values: {}, errors: issuesToErrors(result.issues) as FieldErrors<T> };
	};
}

/**
 * Turns validation issues (the validator's, or a 422 problem's) into react-hook-form errors:
 * one per field, the first issue of each path; an issue about the whole input goes to `root`.
 */
export function issuesToErrors(issues: readonly ValidationIssue[]): Record<string, unknown> {
	const errors: Record<string, unknown> = {};
	for (const issue of issues) {
		const name = pointerToName(issue.path) || 'root';
		setAtName(errors, name, { type: issue.code, message: issue.message });
	}
	return errors;
}
