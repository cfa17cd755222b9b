import {
	type FieldNode,
	type ModelNode,
	recursionTarget,
	SCALARS,
	type ScalarName,
	type TypeKind,
	type TypeNode,
	typeFingerprint,
	type UnionNode,
} from '@charter/schema';
import {
	GraphQLEnumType,
	type GraphQLFieldConfigMap,
	type GraphQLInputFieldConfigMap,
	GraphQLInputObjectType,
	type GraphQLInputType,
	GraphQLList,
	GraphQLNonNull,
	type GraphQLNullableType,
	GraphQLObjectType,
	type GraphQLOutputType,
	type GraphQLScalarType,
	type GraphQLType,
	GraphQLUnionType,
} from 'graphql';
import { fieldNamesOf } from './field-names.ts';
import { createScalar } from './graphql-scalars.ts';
import { GraphqlSchemaError } from './graphql-schema-error.ts';
import { createUnionResolver } from './union-resolver.ts';

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const RESERVED = new Set([
	'Query',
	'Mutation',
	'Subscription',
	'String',
	'Int',
	'Float',
	'Boolean',
	'ID',
]);

/** Maps IR type nodes to GraphQL types, naming and caching each named type once. */
export interface TypeMapper {
	/** The output type of a node, non-null. */
	output(node: TypeNode, hint: string): GraphQLOutputType;
	/** The input type of a node, non-null. */
	input(node: TypeNode, hint: string): GraphQLInputType;
	/** The output type of a model field: list and nullability applied. */
	outputField(field: FieldNode, hint: string): GraphQLOutputType;
	/** The input type of a model field: list and nullability applied. */
	inputField(field: FieldNode, hint: string): GraphQLInputType;
}

type Side = 'input' | 'output';
type Mapper<K extends TypeKind> = (
	node: Extract<TypeNode, { kind: K }>,
	side: Side,
	hint: string,
) => GraphQLNullableType;

/**
 * Creates a type mapper. `outputModels` names the models used in an output position anywhere;
 * such a model used as input becomes `<Name>Input`, so names are stable whatever the order.
 * Every GraphQL type name is claimed once: two different nodes claiming one name fail fast.
 */
export function createTypeMapper(outputModels: ReadonlySet<string>): TypeMapper {
	const scalars = new Map<ScalarName, GraphQLScalarType>();
	const named = new Map<string, { source: string; type: GraphQLNullableType }>();

	const scalar = (name: ScalarName) => {
		let type = scalars.get(name);
		if (!type) {
			type = createScalar(name);
			scalars.set(name, type);
		}
		return type;
	};

	/** Returns the cached type for a name, or builds and caches it; different sources collide. */
	const claim = <T extends GraphQLNullableType>(
		name: string,
		source: string,
		build: () => T,
	): T => {
		assertName(name, `type ${name}`);
		const existing = named.get(name);
		if (existing) {
			if (existing.source !== source) {
				throw new GraphqlSchemaError(
					'CHARTER_GRAPHQL_NAME_CONFLICT',
					`type ${name}`,
					'two different definitions map to this GraphQL type name',
				);
			}
			return existing.type as T;
		}
		// `File` is no GraphQL scalar: operations with files are not served here.
		if (RESERVED.has(name) || (Object.hasOwn(SCALARS, name) && name !== 'File')) {
			throw new GraphqlSchemaError(
				'CHARTER_GRAPHQL_NAME_CONFLICT',
				`type ${name}`,
				'the name is reserved by GraphQL or by a Charter scalar',
			);
		}
		const type = build();
		named.set(name, { source, type });
		return type;
	};

	const isEmptyModel = (node: TypeNode) =>
		node.kind === 'model' && Object.keys(node.fields).length === 0;

	const mappers: { [K in TypeKind]: Mapper<K> } = {
		scalar: (node) => scalar(node.name),
		enum: (node) => {
			const valid = node.values.every(
				(v) => NAME.test(v) && !['true', 'false', 'null'].includes(v),
			);
			// A value GraphQL cannot name (`in-progress`) keeps the enum as a plain String.
			if (!valid) return scalar('String');
			return claim(
				node.name,
				`enum:${typeFingerprint(node)}`,
				() =>
					new GraphQLEnumType({
						name: node.name,
						...(node.description ? { description: node.description } : {}),
						values: Object.fromEntries(
							node.values.map((value) => {
								const info = node.valueInfo?.[value];
								return [
									value,
									{
										value,
										...(info?.description ? { description: info.description } : {}),
										...(info?.deprecated ? { deprecationReason: info.deprecated } : {}),
									},
								];
							}),
						),
					}),
			);
		},
		model: (node, side) => {
			// GraphQL object types need a field; an empty model is an open JSON object.
			if (isEmptyModel(node)) return scalar('JSONObject');
			return side === 'output' ? objectType(node) : inputObjectType(node);
		},
		array: (node, side, hint) => new GraphQLList(map(node.items, side, hint)),
		union: (node, side, hint) => unionType(node, side, hint),
		record: () => scalar('JSONObject'),
		literal: (node) =>
			typeof node.value === 'string'
				? scalar('String')
				: typeof node.value === 'boolean'
					? scalar('Boolean')
					: typeof node.value === 'number'
						? scalar(Number.isInteger(node.value) ? 'Int' : 'Float')
						: scalar('JSON'),
		// A reference back to a recursive type is that named type (GraphQL types recurse);
		// other JSON Schema is JSON.
		'json-schema': (node, side, hint) => {
			const target = recursionTarget(node);
			return target ? nullable(target, side, hint) : scalar('JSON');
		},
	};

	function nullable(node: TypeNode, side: Side, hint: string): GraphQLNullableType {
		return (mappers[node.kind] as Mapper<TypeKind>)(node, side, hint);
	}

	function map(node: TypeNode, side: Side, hint: string): GraphQLType {
		return new GraphQLNonNull(nullable(node, side, hint));
	}

	function field(f: FieldNode, side: Side, hint: string): GraphQLType {
		let type: GraphQLNullableType = nullable(f.type, side, hint);
		if (f.isArray) type = new GraphQLList(new GraphQLNonNull(type));
		return f.isOptional || f.isNullable ? type : new GraphQLNonNull(type);
	}

	function objectType(node: ModelNode): GraphQLObjectType {
		return claim(
			node.name,
			`output:${typeFingerprint(node)}`,
			() =>
				new GraphQLObjectType({
					name: node.name,
					...(node.description ? { description: node.description } : {}),
					fields: () => {
						const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
						const names = fieldNamesOf(node);
						for (const [name, f] of Object.entries(node.fields)) {
							const gql = names.get(name) ?? name;
							fields[gql] = {
								type: field(f, 'output', node.name + pascal(gql)) as GraphQLOutputType,
								...(gql !== name
									? { resolve: (source: unknown) => (source as Record<string, unknown>)[name] }
									: {}),
								...(f.description ? { description: f.description } : {}),
								...(f.deprecated ? { deprecationReason: reason(f.deprecated) } : {}),
							};
						}
						return fields;
					},
				}),
		);
	}

	function inputObjectType(node: ModelNode): GraphQLInputObjectType {
		const name = outputModels.has(node.name) ? `${node.name}Input` : node.name;
		return claim(
			name,
			`input:${typeFingerprint(node)}`,
			() =>
				new GraphQLInputObjectType({
					name,
					...(node.description ? { description: node.description } : {}),
					fields: () => {
						const fields: GraphQLInputFieldConfigMap = {};
						const names = fieldNamesOf(node);
						for (const [fieldName, f] of Object.entries(node.fields)) {
							const gql = names.get(fieldName) ?? fieldName;
							const type = field(f, 'input', name + pascal(gql)) as GraphQLInputType;
							fields[gql] = {
								type,
								...(f.description ? { description: f.description } : {}),
								// GraphQL allows deprecating only input fields a caller may leave out.
								...(f.deprecated && !(type instanceof GraphQLNonNull)
									? { deprecationReason: reason(f.deprecated) }
									: {}),
							};
						}
						return fields;
					},
				}),
		);
	}

	/** Output unions of models are GraphQL unions; any other union (and every input union) is JSON. */
	function unionType(node: UnionNode, side: Side, hint: string): GraphQLNullableType {
		const models = node.variants.filter(
			(v): v is ModelNode => v.kind === 'model' && !isEmptyModel(v),
		);
		if (side === 'input' || models.length !== node.variants.length) return scalar('JSON');
		const name = node.name ?? `${hint}Union`;
		return claim(name, `union:${typeFingerprint(node)}`, () => {
			const types = models.map(objectType);
			return new GraphQLUnionType({
				name,
				...(node.description ? { description: node.description } : {}),
				types,
				resolveType: createUnionResolver(node, models),
			});
		});
	}

	return {
		output: (node, hint) => map(node, 'output', hint) as GraphQLOutputType,
		input: (node, hint) => map(node, 'input', hint) as GraphQLInputType,
		outputField: (f, hint) => field(f, 'output', hint) as GraphQLOutputType,
		inputField: (f, hint) => field(f, 'input', hint) as GraphQLInputType,
	};
}

function assertName(name: string, where: string): void {
	if (!NAME.test(name) || name.startsWith('__')) {
		throw new GraphqlSchemaError(
			'CHARTER_GRAPHQL_INVALID_NAME',
			where,
			`"${name}" is not a GraphQL name`,
		);
	}
}

function reason(deprecated: boolean | string): string {
	return typeof deprecated === 'string' ? deprecated : 'Deprecated.';
}

/** Upper-cases the first letter: `instanceId` -> `InstanceId`. */
export function pascal(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
