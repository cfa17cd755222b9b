import type { ModelNode } from '@charter/schema';
import type { InputOf } from '@charter/spec';
import { type ReactNode, useId } from 'react';
import { FormProvider, get } from 'react-hook-form';
import type { AnyOperation } from '../client/charter-client.ts';
import { ContractFields, type FieldOptions, type WidgetOverrides } from './contract-fields.tsx';
import { labelOf } from './form-paths.ts';
import {
	type ContractFormOptions,
	type ContractFormReturn,
	useContractForm,
} from './use-contract-form.ts';
import { shapeOf } from './widget-kind.ts';
import type { Widget } from './widgets/widget-props.ts';

/** Props of {@link ContractForm}. */
export interface ContractFormProps<S extends AnyOperation> {
	readonly contract: S;
	/** Sends the valid input (e.g. `mutation.mutateAsync`); a rejection is shown on the form. */
	readonly onSubmit: (input: InputOf<S>) => unknown | Promise<unknown>;
	readonly defaultValues?: ContractFormOptions<S>['defaultValues'];
	/** Validates in place of the compiled validator (e.g. on the server, under a strict CSP). */
	readonly validator?: ContractFormOptions<S>['validator'];
	/** A form made with `useContractForm`, to reach its state from outside; one is made otherwise. */
	readonly form?: ContractFormReturn<S>;
	/** Replacement controls by scalar name (`DateTime`) or kind (`enum`, `json`). */
	readonly widgets?: WidgetOverrides;
	/** Replacement controls by field name, or `false` to leave a field out. */
	readonly fields?: Readonly<Record<string, Widget | false>>;
	readonly labels?: Readonly<Record<string, string>>;
	readonly submitLabel?: ReactNode;
	/** Accessible name of the form (its contract's description by default). */
	readonly title?: string;
	readonly className?: string;
	/** Rendered between the fields and the submit button. */
	readonly children?: ReactNode;
}

/**
 * Renders a form from a contract's input model: a labelled control per field (text, number,
 * integer, yes/no, date, date-time, e-mail, URL, enum select with value descriptions), nested
 * models as fieldsets, lists with add and remove, descriptions as help text. Invalid fields are
 * marked with `aria-invalid` and their message linked by `aria-describedby`; nothing is sent
 * until Charter's validator accepts the input; a 422 from the server lands on its fields.
 * Unstyled: import `@charter/react/form.css` for a small default look.
 *
 * @example
 * <ContractForm contract={PauseWorkflowContract} defaultValues={{ instanceId }}
 *   fields={{ instanceId: false }} onSubmit={pause.mutateAsync} submitLabel="Pause" />
 */
export function ContractForm<S extends AnyOperation>(props: ContractFormProps<S>) {
	const own = useContractForm(props.contract, {
		...(props.defaultValues ? { defaultValues: props.defaultValues } : {}),
		...(props.validator ? { validator: props.validator } : {}),
	});
	const form = props.form ?? own;
	const idPrefix = `charter${useId().replace(/:/g, '')}`;
	const input = props.contract.io.input;
	const { isSubmitting, errors } = form.formState;
	const options: FieldOptions = {
		...(props.widgets ? { widgets: props.widgets } : {}),
		...(props.fields ? { fields: props.fields } : {}),
		...(props.labels ? { labels: props.labels } : {}),
		idPrefix,
		disabled: isSubmitting,
	};
	const serverError = (errors.root as Record<string, { message?: string }> | undefined)?.server;
	// Errors of fields the form does not render would be invisible: they join the alert.
	const hidden = Object.entries(props.fields ?? {})
		.filter(([, widget]) => widget === false)
		.map(([name]) => {
			const message = (get(errors, name) as { message?: unknown } | undefined)?.message;
			return typeof message === 'string'
				? `${props.labels?.[name] ?? labelOf(name.split('.').at(-1)!)}: ${message}`
				: undefined;
		})
		.filter((line) => line !== undefined);
	const formError = [serverError?.message ?? errors.root?.message, ...hidden]
		.filter(Boolean)
		.join(' ');
	const submit = form.handleSubmit(async (value) => {
		try {
			await props.onSubmit(value as InputOf<S>);
		} catch (error) {
			form.showProblem(error);
		}
	});
	return (
		<FormProvider {...form}>
			<form
				className={props.className ?? 'charter-form'}
				noValidate
				aria-label={props.title ?? props.contract.meta.description}
				aria-busy={isSubmitting || undefined}
				data-contract={props.contract.meta.key}
				onSubmit={submit}
			>
				{formError ? (
					<div className="charter-form-error" role="alert">
						{formError}
					</div>
				) : null}
				{input.kind === 'model' &&
				shapeOf({ type: input, isOptional: false }).shape === 'fieldset' ? (
					<ContractFields fields={(input as ModelNode).fields} prefix="" options={options} />
				) : (
					<p className="charter-help">
						{props.contract.meta.key} takes no fields a form can render; give it `fields`.
					</p>
				)}
				{props.children}
				<button type="submit" disabled={isSubmitting}>
					{props.submitLabel ?? 'Submit'}
				</button>
			</form>
		</FormProvider>
	);
}
