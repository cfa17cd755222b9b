import type { FieldNode } from '@charter/schema';
import { useState } from 'react';
import { type FieldError, get, useController, useFormContext, useWatch } from 'react-hook-form';
import { labelOf, nameToId } from './form-paths.ts';
import { emptyItem, shapeOf, type WidgetKind } from './widget-kind.ts';
import { DEFAULT_WIDGETS } from './widgets/default-widgets.ts';
import type { Widget } from './widgets/widget-props.ts';

/**
 * Replacement controls: by scalar name (`DateTime`, `EmailAddress`…) or by kind (`enum`,
 * `boolean`, `json`…). A field's own entry in `fields` wins over both.
 */
export type WidgetOverrides = Partial<Record<WidgetKind | string, Widget>>;

/** How fields render: replacements, labels, and fields left out. */
export interface FieldOptions {
	readonly widgets?: WidgetOverrides;
	/** By field name (`reason`, `address.city`): a control, or `false` to leave the field out (its value stays). */
	readonly fields?: Readonly<Record<string, Widget | false>>;
	/** By field name: the label (the name in words by default). */
	readonly labels?: Readonly<Record<string, string>>;
	readonly idPrefix: string;
	readonly disabled: boolean;
}

/** Renders the fields of a model, in declaration order. */
export function ContractFields(props: {
	readonly fields: Readonly<Record<string, FieldNode>>;
	readonly prefix: string;
	readonly options: FieldOptions;
}) {
	return (
		<>
			{Object.entries(props.fields).map(([key, field]) => {
				const name = props.prefix ? `${props.prefix}.${key}` : key;
				if (props.options.fields?.[name] === false) return null;
				return (
					<ContractField key={name} name={name} label={key} field={field} options={props.options} />
				);
			})}
		</>
	);
}

function ContractField(props: {
	readonly name: string;
	readonly label: string;
	readonly field: FieldNode;
	readonly options: FieldOptions;
}) {
	const { field, name, options } = props;
	const shape = shapeOf(field);
	const label = options.labels?.[name] ?? labelOf(props.label);
	if (shape.shape === 'fieldset')
		return (
			<fieldset className="charter-fieldset" data-field={name}>
				<legend>
					{label}
					{field.isOptional ? null : <RequiredMark />}
				</legend>
				<Help id={`${options.idPrefix}-${nameToId(name)}-help`} text={field.description} />
				<ContractFields fields={shape.fields} prefix={name} options={options} />
				<FieldErrorText name={name} id={`${options.idPrefix}-${nameToId(name)}-error`} />
			</fieldset>
		);
	if (shape.shape === 'list')
		return (
			<ListField name={name} label={label} field={field} item={shape.item} options={options} />
		);
	return (
		<ControlField name={name} label={label} field={field} kind={shape.kind} options={options} />
	);
}

function widgetFor(
	name: string,
	field: FieldNode,
	kind: WidgetKind,
	options: FieldOptions,
): Widget {
	const own = options.fields?.[name];
	if (own) return own;
	const scalar = field.type.kind === 'scalar' ? options.widgets?.[field.type.name] : undefined;
	return scalar ?? options.widgets?.[kind] ?? DEFAULT_WIDGETS[kind];
}

function ControlField(props: {
	readonly name: string;
	readonly label: string;
	readonly field: FieldNode;
	readonly kind: WidgetKind;
	readonly options: FieldOptions;
}) {
	const { name, field, kind, options } = props;
	const { field: control, fieldState } = useController({ name });
	const id = `${options.idPrefix}-${nameToId(name)}`;
	const helpId = field.description ? `${id}-help` : undefined;
	const errorId = fieldState.error ? `${id}-error` : undefined;
	const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
	const required = !field.isOptional;
	// An emptied field is absent, or null when the field is required but nullable.
	const empty = field.isOptional ? undefined : field.isNullable ? null : undefined;
	const Control = widgetFor(name, field, kind, options);
	return (
		<div className="charter-field" data-field={name} data-kind={kind}>
			<label htmlFor={id}>
				{props.label}
				{required ? <RequiredMark /> : null}
			</label>
			<Control
				id={id}
				name={name}
				value={control.value}
				onChange={(value) => control.onChange(value === undefined ? empty : value)}
				onBlur={control.onBlur}
				field={field}
				required={required}
				invalid={fieldState.invalid}
				describedBy={describedBy}
				disabled={options.disabled}
			/>
			<Help id={helpId} text={field.description} />
			<FieldErrorText name={name} id={`${id}-error`} />
		</div>
	);
}

function ListField(props: {
	readonly name: string;
	readonly label: string;
	readonly field: FieldNode;
	readonly item: FieldNode;
	readonly options: FieldOptions;
}) {
	const { name, item, options, field } = props;
	const { setValue } = useFormContext();
	const items = (useWatch({ name }) as unknown[] | undefined) ?? [];
	// Stable keys per item, so removing one does not hand its neighbours' state to others.
	const [keys, setKeys] = useState<number[]>(() => items.map((_, i) => i));
	const [next, setNext] = useState(items.length);
	const ids = keys.length === items.length ? keys : items.map((_, i) => i);
	const id = `${options.idPrefix}-${nameToId(name)}`;
	const itemLabel = `${props.label} item`;
	return (
		<fieldset className="charter-fieldset charter-list" data-field={name}>
			<legend>
				{props.label}
				{field.isOptional ? null : <RequiredMark />}
			</legend>
			<Help id={`${id}-help`} text={field.description} />
			<ol>
				{items.map((_, index) => (
					<li key={ids[index]}>
						<ContractField
							name={`${name}.${index}`}
							label={`${itemLabel} ${index + 1}`}
							field={item}
							options={{
								...options,
								labels: { ...options.labels, [`${name}.${index}`]: `${itemLabel} ${index + 1}` },
							}}
						/>
						<button
							type="button"
							className="charter-remove"
							disabled={options.disabled}
							aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
							onClick={() => {
								setKeys(ids.filter((_, i) => i !== index));
								setValue(
									name,
									items.filter((_, i) => i !== index),
									{ shouldDirty: true },
								);
							}}
						>
							Remove
						</button>
					</li>
				))}
			</ol>
			<button
				type="button"
				className="charter-add"
				disabled={options.disabled}
				onClick={() => {
					setKeys([...ids, next]);
					setNext(next + 1);
					setValue(name, [...items, emptyItem(item)], { shouldDirty: true });
				}}
			>
				Add {props.label.toLowerCase()}
			</button>
			<FieldErrorText name={name} id={`${id}-error`} />
		</fieldset>
	);
}

function RequiredMark() {
	return (
		<span className="charter-required" aria-hidden="true">
			{' *'}
		</span>
	);
}

function Help(props: { readonly id: string | undefined; readonly text: string | undefined }) {
	if (!props.text || !props.id) return null;
	return (
		<p className="charter-help" id={props.id}>
			{props.text}
		</p>
	);
}

/** The message of a field's own error (not its children's). */
function FieldErrorText(props: { readonly name: string; readonly id: string }) {
	const { formState } = useFormContext();
	const error = get(formState.errors, props.name) as FieldError | undefined;
	if (!error || typeof error.message !== 'string') return null;
	return (
		<p className="charter-error" id={props.id}>
			{error.message}
		</p>
	);
}
