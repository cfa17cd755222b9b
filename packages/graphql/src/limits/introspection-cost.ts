import {
	type GraphQLSchema,
	getIntrospectionQuery,
	isEnumType,
	isInputObjectType,
	isInterfaceType,
	isObjectType,
	isUnionType,
} from 'graphql';

const cache = new WeakMap<GraphQLSchema, ReadonlyMap<string, number>>();

/**
 * The real size of each introspection list of a schema (`types`, `fields`, `args`...): the
 * largest such list anywhere in it, so introspection is costed by what it would return.
 */
export function introspectionListSizes(schema: GraphQLSchema): ReadonlyMap<string, number> {
	const cached = cache.get(schema);
	if (cached) return cached;
	const types = Object.values(schema.getTypeMap());
	let fields = 0;
	let args = 0;
	let inputFields = 0;
	let enumValues = 0;
	let interfaces = 0;
	let possibleTypes = 0;
	for (const type of types) {
		if (isObjectType(type) || isInterfaceType(type)) {
			const own = Object.values(type.getFields());
			fields = Math.max(fields, own.length);
			for (const field of own) args = Math.max(args, field.args.length);
			interfaces = Math.max(interfaces, type.getInterfaces().length);
		}
		if (isInterfaceType(type) || isUnionType(type))
			possibleTypes = Math.max(possibleTypes, schema.getPossibleTypes(type).length);
		if (isInputObjectType(type))
			inputFields = Math.max(inputFields, Object.keys(type.getFields()).length);
		if (isEnumType(type)) enumValues = Math.max(enumValues, type.getValues().length);
	}
	const directives = schema.getDirectives();
	for (const directive of directives) args = Math.max(args, directive.args.length);
	const sizes = new Map<string, number>([
		['types', types.length],
		['fields', Math.max(fields, 1)],
		['args', Math.max(args, 1)],
		['inputFields', Math.max(inputFields, 1)],
		['enumValues', Math.max(enumValues, 1)],
		['interfaces', Math.max(interfaces, 1)],
		['possibleTypes', Math.max(possibleTypes, 1)],
		['directives', Math.max(directives.length, 1)],
		['locations', 19],
	]);
	cache.set(schema, sizes);
	return sizes;
}

/** The standard full introspection query (what GraphiQL and code generators send). */
export const STANDARD_INTROSPECTION = getIntrospectionQuery({
	descriptions: true,
	specifiedByUrl: true,
	directiveIsRepeatable: true,
	schemaDescription: true,
	inputValueDeprecation: true,
});
