import { compileValidator, type ModelNode, type UnionNode } from '@charter/schema';

/**
 * Creates the `resolveType` of a GraphQL union: by the discriminator's literal when the union
 * declares one, else the first variant whose schema the value matches (outputs were already
 * validated by the executor, so exactly the declared keys are present).
 */
export function createUnionResolver(
	node: UnionNode,
	models: readonly ModelNode[],
): (value: unknown) => string | undefined {
	const discriminator = node.discriminator;
	if (discriminator) {
		const byTag = new Map<unknown, string>();
		for (const model of models) {
			const tag = model.fields[discriminator]?.type;
			if (tag?.kind === 'literal') byTag.set(tag.value, model.name);
		}
		return (value) => byTag.get((value as Record<string, unknown> | null)?.[discriminator]);
	}
	const checks = models.map((model) => ({
		name: model.name,
		validator: compileValidator(model, { unknownKeys: 'reject' }),
	}));
	return (value) => checks.find((c) => c.validator.is(value))?.name;
}
