import type { FieldNode, ScalarName, TypeNode } from '@charter/schema';

/** The default control of a value, by what its type is. */
export type WidgetKind =
	| 'text'
	| 'number'
	| 'integer'
	| 'boolean'
	| 'date'
	| 'date-time'
	| 'time'
	| 'email'
	| 'url'
	| 'enum'
	| 'literal'
	| 'json'
	| 'file';

const SCALAR_KINDS: Record<ScalarName, WidgetKind> = {
	String: 'text',
	NonEmptyString: 'text',
	ID: 'text',
	PhoneNumber: 'text',
	Locale: 'text',
	TimeZone: 'text',
	Currency: 'text',
	CountryCode: 'text',
	UUID: 'text',
	Decimal: 'text',
	Int: 'integer',
	Float: 'number',
	Latitude: 'number',
	Longitude: 'number',
	Boolean: 'boolean',
	Date: 'date',
	DateTime: 'date-time',
	Time: 'time',
	EmailAddress: 'email',
	URL: 'url',
	JSON: 'json',
	JSONObject: 'json',
	File: 'file',
};

/** How a form lays out a value: one control, a fieldset of fields, or a list of items. */
export type FieldShape =
	| { readonly shape: 'control'; readonly kind: WidgetKind }
	| { readonly shape: 'fieldset'; readonly fields: Readonly<Record<string, FieldNode>> }
	| { readonly shape: 'list'; readonly item: FieldNode };

/**
 * Gives the layout of a field: a list for `isArray` or an array type, a fieldset for a model
 * with fields, else one control chosen by the type (records, unions and JSON are JSON text).
 */
export function shapeOf(field: FieldNode): FieldShape {
	if (field.isArray)
		return {
			shape: 'list',
			item: { ...field, isArray: false, isOptional: false, isNullable: false },
		};
	return shapeOfType(field.type);
}

function shapeOfType(node: TypeNode): FieldShape {
	switch (node.kind) {
		case 'array':
			return { shape: 'list', item: { type: node.items, isOptional: false } };
		case 'model':
			return Object.keys(node.fields).length > 0
				? { shape: 'fieldset', fields: node.fields }
				: { shape: 'control', kind: 'json' };
		case 'scalar':
			return { shape: 'control', kind: SCALAR_KINDS[node.name] };
		case 'enum':
			return { shape: 'control', kind: 'enum' };
		case 'literal':
			return { shape: 'control', kind: 'literal' };
		default:
			return { shape: 'control', kind: 'json' };
	}
}

/** The empty value of a new list item: an object for a model, nothing for the rest. */
export function emptyItem(field: FieldNode): unknown {
	return shapeOf(field).shape === 'fieldset' ? {} : undefined;
}
