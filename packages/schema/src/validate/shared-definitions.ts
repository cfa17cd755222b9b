import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { typeFingerprint } from '../ir/type-fingerprint.ts';
import type { TypeNode } from '../ir/type-node.ts';
import type { JsonSchema, JsonSchemaDocument } from '../json-schema/json-schema-emitter.ts';

/*
 * Each validator's schema is self-contained (named types under its own `$defs`), and Ajv
 * compiles a schema's `$defs` again for every schema that holds them. An API whose operations
 * share a large graph of named types (an imported description: a thousand operations over a
 * thousand schemas) then compiles the same types thousands of times. Here every named type is
 * added to the Ajv instance once, under an id made of its name and its structural fingerprint,
 * and validators refer to it: Ajv compiles it on first use and every later validator reuses
 * the compiled function. Equal ids mean equal structures, so types of different apps that
 * share a name never mix.
 */

/** How a shared definition is compiled: as declared, or "loose" (closed objects opened). */
export type DefinitionVariant = 'exact' | 'loose';

const DEFS = '#/$defs/';
/** Keywords whose values are data, not schemas: never rewritten. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);
/** Keywords whose values map names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

const added = new WeakMap<Ajv2020, Set<string>>();

/**
 * Compiles a document's schema with its named definitions shared across the Ajv instance.
 * Falls back to compiling it whole when a definition has no type node behind it (`$defs`
 * lifted from an imported JSON Schema): those names are only meaningful within the document.
 */
export function compileShared(
	ajv: Ajv2020,
	document: JsonSchemaDocument,
	variant: DefinitionVariant,
): ValidateFunction {
	const { $defs, ...root } = document.schema;
	const defs = ($defs ?? {}) as Record<string, JsonSchema>;
	const ids = new Map<string, string>();
	for (const name of Object.keys(defs)) {
		const node = document.definitionNode(name);
		if (!node) return ajv.compile(rewrite(document.schema, undefined, variant) as JsonSchema);
		ids.set(name, definitionId(name, node, variant));
	}
	let registered = added.get(ajv);
	if (!registered) {
		registered = new Set();
		added.set(ajv, registered);
	}
	for (const [name, id] of ids) {
		if (registered.has(id)) continue;
		ajv.addSchema({ $id: id, ...(rewrite(defs[name], ids, variant) as JsonSchema) });
		registered.add(id);
	}
	return ajv.compile(rewrite(root, ids, variant) as JsonSchema);
}

function definitionId(name: string, node: TypeNode, variant: DefinitionVariant): string {
	return `charter:${variant}/${encodeURIComponent(name)}/${typeFingerprint(node)}`;
}

/**
 * Copies a schema with `#/$defs/` references turned into shared ids (when `ids` is given) and,
 * for the loose variant, without `additionalProperties: false`. Data (`const`, `default`...)
 * is copied as is; under `properties` the keys are names, so a field called `default` is
 * still a schema.
 */
function rewrite(
	value: unknown,
	ids: ReadonlyMap<string, string> | undefined,
	variant: DefinitionVariant,
): unknown {
	if (Array.isArray(value)) return value.map((item) => rewrite(item, ids, variant));
	if (typeof value !== 'object' || value === null) return value;
	const out: Record<string, unknown> = {};
	for (const [key, child] of Object.entries(value)) {
		if (key === 'additionalProperties' && child === false && variant === 'loose') continue;
		if (key === '$ref' && typeof child === 'string' && ids && child.startsWith(DEFS)) {
			out[key] = ids.get(child.slice(DEFS.length)) ?? child;
		} else if (DATA_KEYWORDS.has(key)) out[key] = child;
		else if (SCHEMA_MAPS.has(key) && typeof child === 'object' && child !== null) {
			const map: Record<string, unknown> = {};
			for (const [name, schema] of Object.entries(child)) map[name] = rewrite(schema, ids, variant);
			out[key] = map;
		} else out[key] = rewrite(child, ids, variant);
	}
	return out;
}
