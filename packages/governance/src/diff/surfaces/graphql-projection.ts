// The GraphQL projection of a snapshot: the real schema `charter serve` builds, and the GraphQL
// type found at a finding's path in it.
import { createGraphqlSchema, eventFieldName } from '@charter/graphql/schema';
import type { TypeNode } from '@charter/schema';
import { type ContractSpec, createRegistry, graphqlFieldOf, type Snapshot } from '@charter/spec';
import {
	type GraphQLField,
	type GraphQLSchema,
	type GraphQLType,
	getNamedType,
	isInputObjectType,
	isListType,
	isNonNullType,
	isObjectType,
	isScalarType,
	isUnionType,
} from 'graphql';
import { type PathTarget, rootNode, step, type TypePath } from './type-path.ts';

/** What a path reaches in a GraphQL schema. */
export type GraphqlLocation =
	/** The type at the path. */
	| { readonly kind: 'type'; readonly type: GraphQLType }
	/** The path goes on inside a `JSON`/`JSONObject` scalar: GraphQL's types do not see it. */
	| { readonly kind: 'opaque' }
	/** The schema has no such place (the field or the operation is absent). */
	| { readonly kind: 'absent' };

const OPAQUE = new Set(['JSON', 'JSONObject']);
const ABSENT: GraphqlLocation = { kind: 'absent' };

/**
 * Builds the GraphQL schema of a snapshot's contracts, or returns why it cannot be built. With
 * `only`, just those root fields (see {@link graphqlFieldsOf}), named and typed as in the whole
 * schema: a large project's diff builds the fields of its changed contracts, not every type.
 */
export function graphqlSchemaOf(
	snapshot: Snapshot,
	only?: ReadonlySet<string>,
): GraphQLSchema | Error {
	try {
		return createGraphqlSchema(
			createRegistry(snapshot.contracts.map((c) => c.spec)),
			only ? { only } : {},
		);
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

/** The root fields {@link locateInGraphql} may read for a contract: its own and its events'. */
export function graphqlFieldsOf(spec: ContractSpec): string[] {
	if (spec.kind === 'event') return [eventFieldName(spec.meta.key, spec.meta.version)];
	if (spec.kind !== 'command' && spec.kind !== 'query') return [];
	return [
		graphqlFieldOf(spec),
		...spec.sideEffects.emits.map((e) => eventFieldName(e.key, e.version)),
	];
}

/** Finds the GraphQL type at a path of a contract in the schema built from its snapshot. */
export function locateInGraphql(
	schema: GraphQLSchema,
	spec: ContractSpec,
	path: TypePath,
): GraphqlLocation {
	const root = rootField(schema, spec, path);
	const start = rootNode(spec, path.root);
	if (root === undefined || start === undefined) return ABSENT;
	if (root === 'opaque') return { kind: 'opaque' };
	let type: GraphQLType = root;
	let target: PathTarget = { node: start };
	for (const s of path.steps) {
		const named = getNamedType(type);
		if (isScalarType(named) && OPAQUE.has(named.name)) return { kind: 'opaque' };
		const next = step(target.node, s, target.field);
		if (!next) return ABSENT;
		const inner = isNonNullType(type) ? type.ofType : type;
		if (s.kind === 'field') {
			if (!isObjectType(inner) && !isInputObjectType(inner)) return ABSENT;
			const field = inner.getFields()[s.name];
			if (!field) return ABSENT;
			type = field.type;
		} else if (s.kind === 'items') {
			if (!isListType(inner)) return ABSENT;
			type = inner.ofType;
		} else if (s.kind === 'variant') {
			const member = isUnionType(inner)
				? inner.getTypes().find((t) => t.name === nameOf(next.node))
				: undefined;
			if (!member) return ABSENT;
			type = member;
		} else return ABSENT;
		target = next;
	}
	return { kind: 'type', type };
}

function nameOf(node: TypeNode): string | undefined {
	return node.kind === 'model' ? node.name : undefined;
}

/** The GraphQL type a root stands for: an operation's `input` argument or result, an event's subscription. */
function rootField(
	schema: GraphQLSchema,
	spec: ContractSpec,
	path: TypePath,
): GraphQLType | 'opaque' | undefined {
	const { root } = path;
	if (root.kind === 'error') return 'opaque';
	if (root.kind === 'payload') {
		return subscription(schema, eventFieldName(spec.meta.key, spec.meta.version))?.type;
	}
	if (root.kind === 'emitted') {
		if (!('sideEffects' in spec)) return undefined;
		const event = spec.sideEffects.emits.find((e) => e.key === root.event);
		return event ? subscription(schema, eventFieldName(event.key, event.version))?.type : undefined;
	}
	if (spec.kind !== 'command' && spec.kind !== 'query') return undefined;
	const parent = spec.kind === 'query' ? schema.getQueryType() : schema.getMutationType();
	const field = parent?.getFields()[graphqlFieldOf(spec)];
	if (!field) return undefined;
	if (root.kind === 'output') return field.type;
	return (field as GraphQLField<unknown, unknown>).args.find((a) => a.name === 'input')?.type;
}

function subscription(schema: GraphQLSchema, name: string) {
	return schema.getSubscriptionType()?.getFields()[name];
}
