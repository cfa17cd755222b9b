import type { EnumNode, LiteralNode } from '@charter/schema';
import { useEffect } from 'react';
import { controlAttributes, type WidgetProps } from './widget-props.ts';

/** A select of an enum's values, each with its description; deprecated values say so. */
export function EnumWidget(props: WidgetProps) {
	const node = props.field.type as EnumNode;
	return (
		<select
			{...controlAttributes(props)}
			value={typeof props.value === 'string' ? props.value : ''}
			onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
		>
			<option value="">{props.required ? 'Choose…' : '(none)'}</option>
			{node.values.map((value) => {
				const info = node.valueInfo?.[value];
				const about = [info?.description, info?.deprecated ? `deprecated: ${info.deprecated}` : '']
					.filter(Boolean)
					.join(' ');
				return (
					<option key={value} value={value}>
						{about ? `${value} — ${about}` : value}
					</option>
				);
			})}
		</select>
	);
}

/**
 * A yes/no control: a checkbox when the field is required (unchecked is `false`), a select of
 * (none) / Yes / No when it is optional, so "not given" stays different from "no".
 */
export function BooleanWidget(props: WidgetProps) {
	if (props.required)
		return (
			<input
				{...controlAttributes(props)}
				type="checkbox"
				checked={props.value === true}
				onChange={(e) => props.onChange(e.target.checked)}
			/>
		);
	return (
		<select
			{...controlAttributes(props)}
			value={props.value === true ? 'true' : props.value === false ? 'false' : ''}
			onChange={(e) =>
				props.onChange(e.target.value === '' ? undefined : e.target.value === 'true')
			}
		>
			<option value="">(none)</option>
			<option value="true">Yes</option>
			<option value="false">No</option>
		</select>
	);
}

/** A literal: the one value it can have, shown read-only. */
export function LiteralWidget(props: WidgetProps) {
	const node = props.field.type as LiteralNode;
	const { value, onChange } = props;
	useEffect(() => {
		if (value === undefined) onChange(node.value);
	}, [value, onChange, node.value]);
	return <output {...controlAttributes(props)}>{JSON.stringify(node.value)}</output>;
}
