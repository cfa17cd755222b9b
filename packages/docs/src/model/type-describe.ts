import {
	type FieldNode,
	type ModelNode,
	SCALARS,
	type ScalarConstraints,
	type TypeNode,
} from '@charter/schema';
import type { EnumValueRow, FieldRow, TypeRef, TypeSection } from './page-model.ts';
import type { TypeCatalog } from './type-catalog.ts';

type Describe<K extends TypeNode['kind']> = (
	node: Extract<TypeNode, { kind: K }>,
	catalog: TypeCatalog,
) => TypeRef;

/** How each kind reads in a table. Adding a kind fails to compile until it is handled here. */
const describers: { [K in TypeNode['kind']]: Describe<K> } = {
	scalar: (node) => ({ text: node.name, hint: SCALARS[node.name].description }),
	enum: (node, catalog) => linked(node.name, catalog.hrefOf(node)),
	model: (node, catalog) => linked(node.name, catalog.hrefOf(node)),
	array: (node, catalog) => {
		const item = describeType(node.items, catalog);
		return { ...item, text: `list of ${item.text}` };
	},
	record: (node, catalog) => {
		const value = describeType(node.values, catalog);
		return { ...value, text: `map of string to ${value.text}` };
	},
	union: (node, catalog) =>
		node.name
			? linked(node.name, catalog.hrefOf(node))
			: { text: node.variants.map((v) => describeType(v, catalog).text).join(' or ') },
	literal: (node) => ({ text: `exactly ${JSON.stringify(node.value)}` }),
	'json-schema': (node) => ({
		text: node.name ?? 'JSON Schema',
		...(node.vendor ? { hint: `Converted from ${node.vendor}.` } : {}),
	}),
};

function linked(text: string, href: string | undefined): TypeRef {
	return href ? { text, href } : { text };
}

/** Describes a type for a table cell: its name in words and the page it links to. */
export function describeType(node: TypeNode, catalog: TypeCatalog): TypeRef {
	return (describers[node.kind] as Describe<TypeNode['kind']>)(node as never, catalog);
}

const CONSTRAINT_WORDS: { [K in keyof Required<ScalarConstraints>]: (v: never) => string } = {
	minLength: (v: number) => `at least ${v} character${v === 1 ? '' : 's'}`,
	maxLength: (v: number) => `at most ${v} character${v === 1 ? '' : 's'}`,
	pattern: (v: string) => `matches ${v}`,
	minimum: (v: number) => `at least ${v}`,
	maximum: (v: number) => `at most ${v}`,
	exclusiveMinimum: (v: number) => `greater than ${v}`,
	exclusiveMaximum: (v: number) => `less than ${v}`,
	multipleOf: (v: number) => `a multiple of ${v}`,
	maxBytes: (v: number) => `at most ${v} bytes`,
	mediaTypes: (v: readonly string[]) => `of media type ${v.join(' or ')}`,
};

/** Lists a type's constraints in words, the scalar's published ones included. */
export function describeConstraints(node: TypeNode): string[] {
	if (node.kind === 'array') {
		const bounds: string[] = [];
		if (node.minItems !== undefined) bounds.push(`at least ${node.minItems} items`);
		if (node.maxItems !== undefined) bounds.push(`at most ${node.maxItems} items`);
		return [...bounds, ...describeConstraints(node.items)];
	}
	if (node.kind !== 'scalar') return [];
	const published = SCALARS[node.name].jsonSchema as Record<string, unknown>;
	const merged: Record<string, unknown> = { ...published, ...node.constraints };
	const words: string[] = [];
	if (typeof merged.format === 'string') words.push(`format ${merged.format}`);
	for (const [name, toWords] of Object.entries(CONSTRAINT_WORDS)) {
		const value = merged[name];
		if (value !== undefined) words.push((toWords as (v: unknown) => string)(value));
	}
	return words;
}

/** Lists enum values (of an enum, or a list of one) with their descriptions. */
export function enumValuesOf(node: TypeNode): EnumValueRow[] {
	if (node.kind === 'array') return enumValuesOf(node.items);
	if (node.kind !== 'enum') return [];
	return node.values.map((value) => {
		const info = node.valueInfo?.[value];
		return {
			value,
			...(info?.description ? { description: info.description } : {}),
			...(info?.deprecated ? { deprecated: info.deprecated } : {}),
		};
	});
}

/** Builds the table row of one model field. */
export function fieldRow(name: string, field: FieldNode, catalog: TypeCatalog): FieldRow {
	const type = describeType(field.type, catalog);
	const description =
		field.description ?? ('description' in field.type ? field.type.description : undefined);
	return {
		name,
		type: field.isArray ? { ...type, text: `list of ${type.text}` } : type,
		required: !field.isOptional,
		nullable: field.isNullable === true,
		...(description ? { description } : {}),
		constraints: describeConstraints(field.type),
		enumValues: enumValuesOf(field.type),
		...(field.default !== undefined ? { default: JSON.stringify(field.default) } : {}),
		...(field.deprecated
			? { deprecated: field.deprecated === true ? 'Deprecated.' : field.deprecated }
			: {}),
	};
}

/** Builds the rows of a model's fields, in declaration order. */
export function fieldRows(model: ModelNode, catalog: TypeCatalog): FieldRow[] {
	return Object.entries(model.fields).map(([name, field]) => fieldRow(name, field, catalog));
}

/** Describes an input, output or payload: its type and, when it is a model, its fields. */
export function typeSection(node: TypeNode, catalog: TypeCatalog): TypeSection {
	const description = 'description' in node ? node.description : undefined;
	return {
		type: describeType(node, catalog),
		...(description ? { description } : {}),
		fields: node.kind === 'model' ? fieldRows(node, catalog) : [],
	};
}
