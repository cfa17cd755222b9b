import type { InputOf } from '@charter/spec';
import { type FieldValues, type UseFormProps, type UseFormReturn, useForm } from 'react-hook-form';
import type { AnyOperation } from '../client/charter-client.ts';
import { isProblem, ProblemError } from '../client/charter-client.ts';
import { contractResolver, type InputValidator } from './contract-resolver.ts';
import { formDefaults } from './form-defaults.ts';
import { pointerToName } from './form-paths.ts';

/** The form of a contract's input: react-hook-form, validated by Charter's own validator. */
export type ContractFormReturn<S> = UseFormReturn<InputOf<S> & FieldValues> & {
	/** The contract the form sends. */
	readonly contract: S;
	/** Shows a failed call on the form: each issue of a 422 on its field, anything else at the form level. */
	readonly showProblem: (error: unknown) => void;
};

/** Options of {@link useContractForm}: react-hook-form's, without the resolver (it is the contract's). */
export type ContractFormOptions<S> = Omit<UseFormProps<InputOf<S> & FieldValues>, 'resolver'> & {
	/** Validates in place of the compiled validator (see {@link InputValidator}). */
	readonly validator?: InputValidator;
};

/**
 * Creates a react-hook-form form for a contract's input, whose resolver is Charter's compiled
 * validator (the server's schema, messages and JSON pointers). Starting values are the fields'
 * declared defaults (see `formDefaults`) under the given `defaultValues`.
 *
 * @example
 * const form = useContractForm(PauseWorkflowContract, { defaultValues: { instanceId } });
 * <form onSubmit={form.handleSubmit((input) => pause.mutateAsync(input).catch(form.showProblem))}>
 */
export function useContractForm<S extends AnyOperation>(
	contract: S,
	options: ContractFormOptions<S> = {},
): ContractFormReturn<S> {
	const { validator, ...formOptions } = options;
	const form = useForm<InputOf<S> & FieldValues>({
		mode: 'onSubmit',
		reValidateMode: 'onChange',
		...formOptions,
		defaultValues: formDefaults(contract.io.input, options.defaultValues) as never,
		resolver: contractResolver(contract.io.input, validator),
	});
	return Object.assign(form, {
		contract,
		showProblem: (error: unknown) => showProblem(form, error),
	});
}

/** The form-level error key a failed call is shown under (`formState.errors.root.server`). */
export const SERVER_ERROR = 'root.server';

/**
 * Shows a failed call on a form: each issue of a problem (a 422's JSON pointers) on the field
 * it names, when the form has that field; everything else, and every other failure, as the
 * form-level `root.server` error.
 */
export function showProblem(form: UseFormReturn<any>, error: unknown): void {
	const problem =
		error instanceof ProblemError ? error.problem : isProblem(error) ? error : undefined;
	if (!problem) {
		const message = error instanceof Error ? error.message : String(error);
		form.setError(SERVER_ERROR, { type: 'NETWORK_ERROR', message });
		return;
	}
	const registered = new Set(Object.keys(form.control._fields ?? {}));
	let unplaced = false;
	for (const issue of problem.issues ?? []) {
		const name = pointerToName(issue.path);
		if (name && (registered.has(name) || registered.has(name.split('.')[0]!)))
			form.setError(name, { type: issue.code, message: issue.message }, { shouldFocus: true });
		else unplaced = true;
	}
	if (!problem.issues?.length || unplaced)
		form.setError(SERVER_ERROR, {
			type: problem.code,
			message: problem.detail ?? problem.title,
		});
}
