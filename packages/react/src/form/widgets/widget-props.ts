import type { FieldNode } from '@charter/schema';

/**
 * What every control receives. Values are wire values (an ISO string for a date-time, a number
 * for an integer); `undefined` means empty. The surrounding field renders the label, the help
 * text and the error, and associates them with `id` and `describedBy`.
 */
export interface WidgetProps {
	readonly id: string;
	readonly name: string;
	readonly value: unknown;
	readonly onChange: (value: unknown) => void;
	readonly onBlur: () => void;
	readonly field: FieldNode;
	readonly required: boolean;
	readonly invalid: boolean;
	/** Ids of the help text and error message, for `aria-describedby`. */
	readonly describedBy: string | undefined;
	readonly disabled: boolean;
}

/** A control for one value: replace one per scalar, per kind, or per field. */
export type Widget = (props: WidgetProps) => React.ReactNode;

/** The ARIA and identity attributes every native control of a widget carries. */
export function controlAttributes(props: WidgetProps) {
	return {
		id: props.id,
		name: props.name,
		onBlur: props.onBlur,
		disabled: props.disabled,
		'aria-invalid': props.invalid || undefined,
		'aria-required': props.required || undefined,
		'aria-describedby': props.describedBy,
	};
}
