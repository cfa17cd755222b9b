import type { EnumNode, FieldNode, ModelNode, TypeNode } from '@charter/schema';
import type { OperationSpec } from '@charter/spec';

/*
 * Data views are read from the contracts alone, by shape, never by name of a project's key:
 * a list query is a query whose output is a page of items; its items' get query is the query
 * that takes one id and gives an item of the same model; an item's actions are the commands
 * that take that id, and, where the project has one, what an actions query says is possible
 * now (a query on the same id whose output lists entries naming an `operation`).
 */

/** A query whose output is a page: a list of models, and perhaps a cursor to the next page. */
export interface PageQuery {
	readonly spec: OperationSpec;
	readonly itemsField: string;
	readonly item: ModelNode;
	/** The output field with the next page's cursor, and the input field that takes it. */
	readonly cursor?: { readonly output: string; readonly input: string };
	/** Enum fields of the item, to group items into columns by. */
	readonly groupBy: readonly { readonly field: string; readonly values: readonly string[] }[];
}

/** The query that gives one item, and which of its input fields takes the item's id. */
export interface ItemQuery {
	readonly spec: OperationSpec;
	readonly idInput: string;
}

/** A query on one item that lists what may be done to it now (entries naming an `operation`). */
export interface ActionsQuery {
	readonly spec: OperationSpec;
	readonly idInput: string;
	readonly listField: string;
}

const modelOf = (type: TypeNode): ModelNode | undefined =>
	type.kind === 'model' ? (type as ModelNode) : undefined;
const fieldsOf = (type: TypeNode): Readonly<Record<string, FieldNode>> =>
	modelOf(type)?.fields ?? {};
const isString = (field: FieldNode | undefined) =>
	field?.type.kind === 'scalar' &&
	!field.isArray &&
	['ID', 'String', 'NonEmptyString', 'String_unsecure', 'UUID'].includes(
		(field.type as { name: string }).name,
	);
const requiredFields = (type: TypeNode) =>
	Object.entries(fieldsOf(type)).filter(([, field]) => !field.isOptional);

/** Finds the page shape of a query's output, if it has one. */
export function pageQuery(spec: OperationSpec): PageQuery | undefined {
	if (spec.kind !== 'query') return undefined;
	const output = fieldsOf(spec.io.output);
	const lists = Object.entries(output).filter(([, f]) => f.isArray && modelOf(f.type));
	if (lists.length !== 1) return undefined;
	const [itemsField, items] = lists[0]!;
	const item = modelOf(items.type)!;
	const inputFields = fieldsOf(spec.io.input);
	const cursorOut = Object.keys(output).find(
		(name) => /cursor/i.test(name) && isString(output[name]),
	);
	const cursorIn = Object.keys(inputFields).find((name) => /cursor/i.test(name));
	const groupBy = Object.entries(item.fields)
		.filter(([, f]) => f.type.kind === 'enum' && !f.isArray)
		.map(([field, f]) => ({ field, values: (f.type as EnumNode).values }));
	return {
		spec,
		itemsField,
		item,
		...(cursorOut && cursorIn ? { cursor: { output: cursorOut, input: cursorIn } } : {}),
		groupBy,
	};
}

/** Finds the query that gives one item of a model from its id. */
export function itemQuery(
	item: ModelNode,
	contracts: readonly OperationSpec[],
): ItemQuery | undefined {
	if (!isString(item.fields.id)) return undefined;
	for (const spec of contracts) {
		if (spec.kind !== 'query' || modelOf(spec.io.output)?.name !== item.name) continue;
		const required = requiredFields(spec.io.input);
		if (required.length === 1 && isString(required[0]![1]))
			return { spec, idInput: required[0]![0] };
	}
	return undefined;
}

/** Finds the query that lists what may be done to an item now. */
export function actionsQuery(
	idInput: string,
	contracts: readonly OperationSpec[],
): ActionsQuery | undefined {
	for (const spec of contracts) {
		if (spec.kind !== 'query') continue;
		const required = requiredFields(spec.io.input);
		if (required.length !== 1 || required[0]![0] !== idInput) continue;
		const list = Object.entries(fieldsOf(spec.io.output)).find(
			([, f]) => f.isArray && isString(fieldsOf(f.type).operation),
		);
		if (list) return { spec, idInput, listField: list[0] };
	}
	return undefined;
}

/** The commands that act on one item: those whose input requires the item's id field. */
export function itemCommands(
	idInput: string,
	contracts: readonly OperationSpec[],
): OperationSpec[] {
	return contracts.filter(
		(spec) =>
			spec.kind === 'command' && requiredFields(spec.io.input).some(([name]) => name === idInput),
	);
}

/**
 * The input an offered action starts from: the item's id in its field, and each required field
 * the action entry names (exactly, or as its suffix: `approvalRequestId` fills `requestId`).
 */
export function actionDefaults(
	command: OperationSpec,
	idInput: string,
	id: string,
	entry: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const [name] of Object.entries(fieldsOf(command.io.input))) {
		if (name === idInput) {
			values[name] = id;
			continue;
		}
		const suffix = name[0]!.toUpperCase() + name.slice(1);
		const source = Object.keys(entry).find(
			(key) => key !== 'operation' && (key === name || key.endsWith(suffix)),
		);
		if (source !== undefined && entry[source] !== undefined) values[name] = entry[source];
	}
	return values;
}

/** The fields of an input a caller must fill (those not filled by `actionDefaults`). */
export function fieldsToFill(command: OperationSpec, filled: Readonly<Record<string, unknown>>) {
	return Object.keys(fieldsOf(command.io.input)).filter((name) => !(name in filled));
}
