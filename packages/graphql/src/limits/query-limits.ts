import {
	type DocumentNode,
	type FragmentDefinitionNode,
	type GraphQLError,
	Kind,
	type OperationDefinitionNode,
	type SelectionSetNode,
} from 'graphql';
import { requestError } from '../problems/problem-error.ts';

/** Limits on what one GraphQL document may ask for. */
export interface QueryLimits {
	/** Deepest field nesting outside introspection (default 12). */
	readonly maxDepth?: number;
	/** Cost = number of fields selected, fragments expanded (default 2,000). */
	readonly maxCost?: number;
	/** `false` refuses `__schema` and `__type` (default true). */
	readonly introspection?: boolean;
	/** How many `__schema`/`__type` fields one document may hold (default 2). */
	readonly maxIntrospectionFields?: number;
	/** Deepest nesting inside introspection, enough for GraphiQL's query (default 20). */
	readonly maxIntrospectionDepth?: number;
	/** Largest document, in characters (default 100,000). */
	readonly maxDocumentLength?: number;
	/** Most lexical tokens the parser reads before giving up (default 20,000). */
	readonly maxTokens?: number;
}

/** The defaults of {@link QueryLimits}. */
export const DEFAULT_LIMITS: Required<QueryLimits> = {
	maxDepth: 12,
	maxCost: 2000,
	introspection: true,
	maxIntrospectionFields: 2,
	maxIntrospectionDepth: 20,
	maxDocumentLength: 100_000,
	maxTokens: 20_000,
};

interface Measure {
	depth: number;
	introspectionDepth: number;
	cost: number;
	introspectionFields: number;
}

/**
 * Checks a valid document against the limits; returns one `QUERY_TOO_COMPLEX` error per
 * exceeded limit (HTTP 400), naming the limit and the measured value.
 */
export function checkQueryLimits(
	document: DocumentNode,
	operation: OperationDefinitionNode,
	limits: Required<QueryLimits>,
): GraphQLError[] {
	const fragments = new Map<string, FragmentDefinitionNode>();
	for (const def of document.definitions) {
		if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
	}
	const memo = new Map<string, Measure>();
	const measure = (
		set: SelectionSetNode,
		inIntrospection: boolean,
		stack: Set<string>,
	): Measure => {
		const total: Measure = { depth: 0, introspectionDepth: 0, cost: 0, introspectionFields: 0 };
		const merge = (m: Measure, extraDepth: number) => {
			total.depth = Math.max(total.depth, m.depth + extraDepth);
			total.introspectionDepth = Math.max(
				total.introspectionDepth,
				m.introspectionDepth + extraDepth,
			);
			total.cost += m.cost;
			total.introspectionFields += m.introspectionFields;
		};
		for (const selection of set.selections) {
			if (selection.kind === Kind.FIELD) {
				const name = selection.name.value;
				const introspective = inIntrospection || name === '__schema' || name === '__type';
				const child = selection.selectionSet
					? measure(selection.selectionSet, introspective, stack)
					: { depth: 0, introspectionDepth: 0, cost: 0, introspectionFields: 0 };
				const own: Measure = {
					depth: introspective ? 0 : child.depth + 1,
					introspectionDepth: introspective
						? child.introspectionDepth + 1
						: child.introspectionDepth,
					cost: (introspective || name === '__typename' ? 0 : 1) + child.cost,
					introspectionFields:
						child.introspectionFields + (!inIntrospection && introspective ? 1 : 0),
				};
				merge(own, 0);
			} else if (selection.kind === Kind.INLINE_FRAGMENT) {
				merge(measure(selection.selectionSet, inIntrospection, stack), 0);
			} else {
				const name = selection.name.value;
				const fragment = fragments.get(name);
				if (!fragment || stack.has(name)) continue;
				const key = `${name}:${inIntrospection}`;
				let m = memo.get(key);
				if (!m) {
					stack.add(name);
					m = measure(fragment.selectionSet, inIntrospection, stack);
					stack.delete(name);
					memo.set(key, m);
				}
				merge(m, 0);
			}
		}
		return total;
	};
	const m = measure(operation.selectionSet, false, new Set());
	const errors: GraphQLError[] = [];
	const fail = (message: string) => errors.push(requestError(message, 'QUERY_TOO_COMPLEX', 400));
	if (m.depth > limits.maxDepth)
		fail(`the query is ${m.depth} levels deep; the limit is ${limits.maxDepth}`);
	if (m.cost > limits.maxCost)
		fail(`the query selects ${m.cost} fields; the limit is ${limits.maxCost}`);
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
	return errors;
}
