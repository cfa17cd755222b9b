import { compileValidator, SCALARS, type ScalarName } from '@charter/schema';
import {
	GraphQLBoolean,
	GraphQLError,
	GraphQLFloat,
	GraphQLID,
	GraphQLInt,
	GraphQLScalarType,
	GraphQLString,
	type ValueNode,
	valueFromASTUntyped,
} from 'graphql';

/** Scalars GraphQL already has; every other Charter scalar becomes a custom scalar. */
const BUILT_IN: Partial<Record<ScalarName, GraphQLScalarType>> = {
	String: GraphQLString,
	Int: GraphQLInt,
	Float: GraphQLFloat,
	Boolean: GraphQLBoolean,
	ID: GraphQLID,
};

/**
 * Creates the GraphQL scalar for a Charter scalar. Custom scalars serialize and parse with the
 * very JSON Schema the runtime validates with (`SCALARS[name].jsonSchema`), so a DateTime
 * GraphQL accepts is a DateTime the contract accepts. `String`, `Int`, `Float`, `Boolean`
 * and `ID` map to GraphQL's own (note: GraphQL's `Int` is 32-bit).
 */
export function createScalar(name: ScalarName): GraphQLScalarType {
	const builtIn = BUILT_IN[name];
	if (builtIn) return builtIn;
	const definition = SCALARS[name];
	const validator = compileValidator({ kind: 'scalar', name }, { unknownKeys: 'reject' });
	const check = (value: unknown, action: string): unknown => {
		const result = validator.validate(value);
		if (result.ok) return value;
		const reason = result.issues.map((i) => i.message).join('; ');
		throw new GraphQLError(`${name} cannot ${action} ${preview(value)}: ${reason}`);
	};
	return new GraphQLScalarType({
		name,
		description: definition.description,
		serialize: (value) => check(value, 'represent'),
		parseValue: (value) => check(value, 'parse'),
		parseLiteral: (ast: ValueNode, variables) =>
			check(valueFromASTUntyped(ast, variables ?? undefined), 'parse'),
	});
}

function preview(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
