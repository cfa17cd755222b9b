import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
	type DocumentNode,
	type FieldNode,
	type FragmentDefinitionNode,
	type GraphQLError,
	type GraphQLNamedType,
	type GraphQLSchema,
	getNamedType,
	getNullableType,
	isInterfaceType,
	isListType,
	isObjectType,
	Kind,
	type OperationDefinitionNode,
	parse,
	type SelectionSetNode,
	type ValueNode,
	validate,
} from 'graphql';
import { requestError } from '../problems/problem-error.ts';
import { introspectionListSizes, STANDARD_INTROSPECTION } from './introspection-cost.ts';

/** Limits on what one GraphQL document may ask for, and on what one request may cost. */
export interface QueryLimits {
	/** Deepest field nesting outside introspection (default 12). */
	readonly maxDepth?: number;
	/**
	 * Cost = fields selected, each multiplied by the size of the lists around it (default 2,000).
	 * A list's size is the `limit` (or `first`, `pageSize`) its operation was asked for,
	 * `listSize` when none was given, and `nestedListSize` for lists inside list items.
	 */
	readonly maxCost?: number;
	/** The size assumed of an operation's list when the call names no `limit` (default 20). */
	readonly listSize?: number;
	/** The size assumed of a list inside another list's items (default 10). */
	readonly nestedListSize?: number;
	/** How many aliases one document may use (default 10; graphql-armor's rule). */
	readonly maxAliases?: number;
	/** `false` refuses `__schema` and `__type` (default true). */
	readonly introspection?: boolean;
	/** How many `__schema`/`__type` fields one document may hold (default 2). */
	readonly maxIntrospectionFields?: number;
	/** Deepest nesting inside introspection, enough for GraphiQL's query (default 20). */
	readonly maxIntrospectionDepth?: number;
	/**
	 * Cost of introspection, lists counted at this schema's real sizes (default 0: twice the
	 * cost of the standard full introspection query of the schema).
	 */
	readonly maxIntrospectionCost?: number;
	/** Largest document, in characters (default 100,000). */
	readonly maxDocumentLength?: number;
	/** Most lexical tokens the parser reads before giving up (default 20,000). */
	readonly maxTokens?: number;
	/** Largest response, in bytes of JSON (default 16 MiB); past it the request is refused. */
	readonly maxResponseBytes?: number;
	/**
	 * Most bytes the operations of one request may return before fields are projected (default
	 * 64 MiB): past it the remaining fields are not run and the request is refused.
	 */
	readonly maxResultBytes?: number;
	/** How long one request may run, in milliseconds (default 15 s); then it is cancelled. */
	readonly maxRequestMs?: number;
}

/** The defaults of {@link QueryLimits}. */
export const DEFAULT_LIMITS: Required<QueryLimits> = {
	maxDepth: 12,
	maxCost: 2000,
	listSize: 20,
	nestedListSize: 10,
	maxAliases: 10,
	introspection: true,
	maxIntrospectionFields: 2,
	maxIntrospectionDepth: 20,
	maxIntrospectionCost: 0,
	maxDocumentLength: 100_000,
	maxTokens: 20_000,
	maxResponseBytes: 16 * 1024 * 1024,
	maxResultBytes: 64 * 1024 * 1024,
	maxRequestMs: 15_000,
};

interface Measure {
	depth: number;
	introspectionDepth: number;
	cost: number;
	introspectionCost: number;
	introspectionFields: number;
}

/** Where a selection set sits: its type, whether inside introspection, the page size of its lists. */
interface Place {
	readonly type: GraphQLNamedType | undefined;
	readonly introspective: boolean;
	/** The size of the next list down: the operation's page, or undefined once inside one. */
	readonly page: number | undefined;
}

const PAGE_ARGUMENTS = new Set(['limit', 'first', 'last', 'pageSize', 'take']);

/** What one document measures: depth, cost and introspection, each against its limit. */
export interface QueryMeasure {
	readonly depth: number;
	readonly cost: number;
	readonly introspectionCost: number;
	readonly introspectionFields: number;
	readonly introspectionDepth: number;
}

/**
 * Measures a valid document's operation: depth, and cost with every field multiplied by the
 * sizes of the lists it sits in (introspection lists at the schema's real sizes). Fragments are
 * measured once per place, so a doubling fragment flood costs no time.
 */
export function measureQuery(
	schema: GraphQLSchema,
	document: DocumentNode,
	operation: OperationDefinitionNode,
	limits: Required<QueryLimits>,
	variables?: Readonly<Record<string, unknown>> | null,
): QueryMeasure {
	const fragments = new Map<string, FragmentDefinitionNode>();
	for (const def of document.definitions) {
		if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
	}
	const sizes = introspectionListSizes(schema);
	const memo = new Map<string, Measure>();
	const zero = (): Measure => ({
		depth: 0,
		introspectionDepth: 0,
		cost: 0,
		introspectionCost: 0,
		introspectionFields: 0,
	});
	const measure = (set: SelectionSetNode, place: Place, stack: Set<string>): Measure => {
		const total = zero();
		const merge = (m: Measure) => {
			total.depth = Math.max(total.depth, m.depth);
			total.introspectionDepth = Math.max(total.introspectionDepth, m.introspectionDepth);
			total.cost += m.cost;
			total.introspectionCost += m.introspectionCost;
			total.introspectionFields += m.introspectionFields;
		};
		for (const selection of set.selections) {
			if (selection.kind === Kind.FIELD) merge(measureField(selection, place, stack));
			else if (selection.kind === Kind.INLINE_FRAGMENT) {
				const type = selection.typeCondition
					? schema.getType(selection.typeCondition.name.value)
					: place.type;
				merge(measure(selection.selectionSet, { ...place, type }, stack));
			} else {
				const name = selection.name.value;
				const fragment = fragments.get(name);
				if (!fragment || stack.has(name)) continue;
				const key = `${name}:${place.introspective}:${place.page}`;
				let m = memo.get(key);
				if (!m) {
					stack.add(name);
					const type = schema.getType(fragment.typeCondition.name.value);
					m = measure(fragment.selectionSet, { ...place, type }, stack);
					stack.delete(name);
					memo.set(key, m);
				}
				merge(m);
			}
		}
		return total;
	};
	const measureField = (field: FieldNode, place: Place, stack: Set<string>): Measure => {
		const name = field.name.value;
		const entering = !place.introspective && (name === '__schema' || name === '__type');
		const introspective = place.introspective || entering;
		const parent = place.type;
		const definition =
			parent && (isObjectType(parent) || isInterfaceType(parent))
				? parent.getFields()[name]
				: undefined;
		const isList = definition ? isListType(getNullableType(definition.type)) : false;
		// An operation's page size (its `limit`, or `listSize`) sizes the first list below it.
		const page = isRoot(parent) ? (pageOf(field) ?? limits.listSize) : place.page;
		const factor = !isList
			? 1
			: introspective
				? (sizes.get(name) ?? limits.nestedListSize)
				: (page ?? limits.nestedListSize);
		const child = field.selectionSet
			? measure(
					field.selectionSet,
					{
						type: definition ? getNamedType(definition.type) : undefined,
						introspective,
						page: isList ? undefined : page,
					},
					stack,
				)
			: zero();
		const own = name === '__typename' ? 0 : 1;
		return {
			depth: introspective ? 0 : child.depth + 1,
			introspectionDepth: introspective ? child.introspectionDepth + 1 : child.introspectionDepth,
			cost: introspective ? 0 : factor * (own + child.cost),
			introspectionCost: introspective ? factor * (own + child.introspectionCost) : 0,
			introspectionFields: child.introspectionFields + (entering ? 1 : 0),
		};
	};
	const isRoot = (type: GraphQLNamedType | undefined) =>
		type !== undefined &&
		(type === schema.getQueryType() ||
			type === schema.getMutationType() ||
			type === schema.getSubscriptionType());
	const pageOf = (field: FieldNode): number | undefined => {
		for (const argument of field.arguments ?? []) {
			const found = pageIn(argument.value, variables);
			if (found !== undefined) return found;
		}
		return undefined;
	};
	const rootType = schema.getRootType(operation.operation) ?? undefined;
	return measure(
		operation.selectionSet,
		{ type: rootType, introspective: false, page: undefined },
		new Set(),
	);
}

/** The page size a call names: a `limit`-like field of its arguments (literal or variable). */
function pageIn(
	value: ValueNode,
	variables: Readonly<Record<string, unknown>> | null | undefined,
): number | undefined {
	if (value.kind === Kind.VARIABLE) return pageInValue(variables?.[value.name.value]);
	if (value.kind !== Kind.OBJECT) return undefined;
	for (const field of value.fields) {
		if (!PAGE_ARGUMENTS.has(field.name.value)) continue;
		if (field.value.kind === Kind.INT) return Number(field.value.value);
		if (field.value.kind === Kind.VARIABLE) {
			const given = variables?.[field.value.name.value];
			if (typeof given === 'number') return given;
		}
	}
	return undefined;
}

function pageInValue(value: unknown): number | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	for (const [key, given] of Object.entries(value)) {
		if (PAGE_ARGUMENTS.has(key) && typeof given === 'number') return given;
	}
	return undefined;
}

/**
 * Checks a valid document against the limits; returns one `QUERY_TOO_COMPLEX` error per
 * exceeded limit (HTTP 400), naming the limit and the measured value.
 */
export function checkQueryLimits(
	schema: GraphQLSchema,
	document: DocumentNode,
	operation: OperationDefinitionNode,
	limits: Required<QueryLimits>,
	variables?: Readonly<Record<string, unknown>> | null,
): GraphQLError[] {
	const m = measureQuery(schema, document, operation, limits, variables);
	const errors: GraphQLError[] = [];
	const fail = (message: string) => errors.push(requestError(message, 'QUERY_TOO_COMPLEX', 400));
	if (m.depth > limits.maxDepth)
		fail(`the query is ${m.depth} levels deep; the limit is ${limits.maxDepth}`);
	if (m.cost > limits.maxCost) {
		fail(
			`the query costs ${m.cost} (fields times the sizes of their lists); the limit is ${limits.maxCost}: ask for fewer fields or a smaller limit`,
		);
	}
	if (m.introspectionFields > 0 && !limits.introspection)
		fail('introspection is disabled on this server');
	else if (m.introspectionFields > limits.maxIntrospectionFields) {
		fail(
			`the query holds ${m.introspectionFields} introspection fields; the limit is ${limits.maxIntrospectionFields}`,
		);
	}
	if (m.introspectionDepth > limits.maxIntrospectionDepth) {
		fail(
			`the introspection query is ${m.introspectionDepth} levels deep; the limit is ${limits.maxIntrospectionDepth}`,
		);
	}
	if (m.introspectionCost > limits.maxIntrospectionCost) {
		fail(
			`the introspection query costs ${m.introspectionCost}; the limit is ${limits.maxIntrospectionCost} (twice the standard introspection query)`,
		);
	}
	return errors;
}

/**
 * The limits a handler enforces: the defaults under the given ones, and the introspection cost
 * limit worked out for the schema when not given (twice its standard introspection query).
 */
export function resolveLimits(
	schema: GraphQLSchema,
	given: QueryLimits | undefined,
): Required<QueryLimits> {
	const limits = { ...DEFAULT_LIMITS, ...given };
	if (limits.maxIntrospectionCost > 0) return limits;
	const document = parse(STANDARD_INTROSPECTION);
	const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
	const standard = measureQuery(schema, document, operation as OperationDefinitionNode, limits);
	return { ...limits, maxIntrospectionCost: 2 * standard.introspectionCost };
}

/**
 * The limits checked before graphql-js's full validation, which costs CPU quadratic in the
 * fields of a hostile document: the alias count over the whole document, then depth, cost and
 * introspection of each of its operations (every operation is validated, so every one counts).
 * The measures tolerate invalid documents (unknown fields and fragments, fragment cycles).
 */
export function checkLimitsBeforeValidation(
	schema: GraphQLSchema,
	document: DocumentNode,
	limits: Required<QueryLimits>,
	variables?: Readonly<Record<string, unknown>> | null,
): GraphQLError[] {
	const aliases = checkAliases(schema, document, limits);
	for (const definition of document.definitions) {
		if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
		const exceeded = checkQueryLimits(schema, document, definition, limits, variables);
		if (exceeded.length > 0) return [...aliases, ...exceeded];
	}
	return aliases;
}

/**
 * graphql-armor's alias limit as a validation pass: one `QUERY_TOO_COMPLEX` error when the
 * document uses more aliases than `maxAliases`.
 */
export function checkAliases(
	schema: GraphQLSchema,
	document: DocumentNode,
	limits: Required<QueryLimits>,
): GraphQLError[] {
	const errors: GraphQLError[] = [];
	validate(schema, document, [
		maxAliasesRule({
			n: limits.maxAliases,
			propagateOnRejection: false,
			onReject: [
				(_context, error) => {
					const found = /found (\d+)/.exec(error.message)?.[1] ?? 'more';
					errors.push(
						requestError(
							`the query uses ${found} aliases; the limit is ${limits.maxAliases}`,
							'QUERY_TOO_COMPLEX',
							400,
						),
					);
				},
			],
		}),
	]);
	return errors;
}
