import type { ModelNode } from '@charter/schema';
import { graphqlFieldNames } from '@charter/spec';

const fieldNameCache = new WeakMap<ModelNode, ReadonlyMap<string, string>>();

/**
 * The GraphQL names of a model's fields (JSON name -> GraphQL name), by the documented rule of
 * `graphqlFieldNames`: any JSON name maps to a GraphQL name, never to another field's.
 */
export function fieldNamesOf(model: ModelNode): ReadonlyMap<string, string> {
	let names = fieldNameCache.get(model);
	if (!names) {
		names = graphqlFieldNames(Object.keys(model.fields));
		fieldNameCache.set(model, names);
	}
	return names;
}
