// The page model of one named type (model, enum or named union), with its JSON Schema.
import { createJsonSchemaEmitter } from '@charter/schema';
import type { ModelPage } from './page-model.ts';
import type { NamedType, TypeCatalog, TypeUse } from './type-catalog.ts';
import { describeType, enumValuesOf, fieldRows } from './type-describe.ts';

/** Builds the page model of a catalogued named type. */
export function modelPage(
	{ node, path, uses }: { node: NamedType; path: string; uses: readonly TypeUse[] },
	catalog: TypeCatalog,
): ModelPage {
	const emitter = createJsonSchemaEmitter();
	return {
		kind: 'model',
		path,
		name: node.name,
		title: node.name,
		...(node.description ? { description: node.description } : {}),
		typeKind: node.kind,
		fields: node.kind === 'model' ? fieldRows(node, catalog) : [],
		enumValues: node.kind === 'enum' ? enumValuesOf(node) : [],
		variants: node.kind === 'union' ? node.variants.map((v) => describeType(v, catalog)) : [],
		...(node.kind === 'union' && node.discriminator ? { discriminator: node.discriminator } : {}),
		jsonSchema: JSON.stringify(emitter.emitInline(node), null, 2),
		usedBy: uses.map((u) => ({ text: u.text, href: u.href })),
	};
}
