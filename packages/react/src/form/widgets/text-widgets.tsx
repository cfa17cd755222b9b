import { useEffect, useState } from 'react';
import { controlAttributes, type WidgetProps } from './widget-props.ts';

const text = (value: unknown) =>
	typeof value === 'string' ? value : value == null ? '' : String(value);
const orEmpty = (raw: string) => (raw === '' ? undefined : raw);

function InputWidget(props: WidgetProps & { readonly type: string }) {
	return (
		<input
			{...controlAttributes(props)}
			type={props.type}
			value={text(props.value)}
			onChange={(e) => props.onChange(orEmpty(e.target.value))}
		/>
	);
}

/** A one-line text input (strings, ids, codes, decimals). */
export const TextWidget = (props: WidgetProps) => <InputWidget {...props} type="text" />;
/** An e-mail input. */
export const EmailWidget = (props: WidgetProps) => <InputWidget {...props} type="email" />;
/** A URL input. */
export const UrlWidget = (props: WidgetProps) => <InputWidget {...props} type="url" />;
/** A calendar date input (`YYYY-MM-DD`, the wire form of `Date`). */
export const DateWidget = (props: WidgetProps) => <InputWidget {...props} type="date" />;
/** A time-of-day input (`HH:MM`). */
export const TimeWidget = (props: WidgetProps) => <InputWidget {...props} type="time" />;

/**
 * A number input; `integer` steps by one. Keeps what is typed while it is not yet a number
 * (`1.`, `-`), so the caret does not jump.
 */
export function NumberWidget(props: WidgetProps & { readonly integer?: boolean }) {
	const [raw, setRaw] = useState(() => text(props.value));
	useEffect(() => {
		// Follow outside changes (reset, defaults) without undoing a half-typed number.
		if (Number(raw) !== props.value && !(raw === '' && props.value === undefined))
			setRaw(text(props.value));
	}, [props.value, raw]);
	return (
		<input
			{...controlAttributes(props)}
			type="number"
			inputMode={props.integer ? 'numeric' : 'decimal'}
			step={props.integer ? 1 : 'any'}
			value={raw}
			onChange={(e) => {
				setRaw(e.target.value);
				const value = e.target.value;
				props.onChange(
					value === '' ? undefined : Number.isNaN(Number(value)) ? value : Number(value),
				);
			}}
		/>
	);
}

/** An integer input. */
export const IntegerWidget = (props: WidgetProps) => <NumberWidget {...props} integer />;

/** Turns an ISO instant into the `YYYY-MM-DDTHH:MM` of a local date-time input. */
export function isoToLocal(value: unknown): string {
	if (typeof value !== 'string' || value === '') return '';
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return '';
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A local date-time input whose value is an ISO 8601 instant with offset (`…Z`), the wire form of `DateTime`. */
export function DateTimeWidget(props: WidgetProps) {
	return (
		<input
			{...controlAttributes(props)}
			type="datetime-local"
			value={isoToLocal(props.value)}
			onChange={(e) => {
				const date = new Date(e.target.value);
				props.onChange(
					e.target.value === '' || Number.isNaN(date.getTime()) ? undefined : date.toISOString(),
				);
			}}
		/>
	);
}

/** A text area holding JSON (records, unions, `JSON` values); text that is not JSON is sent as is, for the validator to refuse. */
export function JsonWidget(props: WidgetProps) {
	const [raw, setRaw] = useState(() =>
		props.value === undefined ? '' : JSON.stringify(props.value, null, 2),
	);
	return (
		<textarea
			{...controlAttributes(props)}
			value={raw}
			rows={4}
			spellCheck={false}
			onChange={(e) => {
				setRaw(e.target.value);
				if (e.target.value.trim() === '') return props.onChange(undefined);
				try {
					props.onChange(JSON.parse(e.target.value));
				} catch {
					props.onChange(e.target.value);
				}
			}}
		/>
	);
}

/** A file picker (a `File` field): its value is the chosen `File`, or empty. */
export const FileWidget = (props: WidgetProps) => (
	<input
		{...controlAttributes(props)}
		type="file"
		onChange={(e) => props.onChange(e.target.files?.[0] ?? undefined)}
	/>
);
