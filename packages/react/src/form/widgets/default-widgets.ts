import type { WidgetKind } from '../widget-kind.ts';
import { BooleanWidget, EnumWidget, LiteralWidget } from './choice-widgets.tsx';
import {
	DateTimeWidget,
	DateWidget,
	EmailWidget,
	FileWidget,
	IntegerWidget,
	JsonWidget,
	NumberWidget,
	TextWidget,
	TimeWidget,
	UrlWidget,
} from './text-widgets.tsx';
import type { Widget } from './widget-props.ts';

/** The built-in control of each kind of value. */
export const DEFAULT_WIDGETS: Readonly<Record<WidgetKind, Widget>> = {
	text: TextWidget,
	number: NumberWidget,
	integer: IntegerWidget,
	boolean: BooleanWidget,
	date: DateWidget,
	'date-time': DateTimeWidget,
	time: TimeWidget,
	email: EmailWidget,
	url: UrlWidget,
	enum: EnumWidget,
	literal: LiteralWidget,
	json: JsonWidget,
	file: FileWidget,
};
