import { majorOf, type OperationSpec, type RegistryEntry, wireNames } from '@charter/spec';
import { GraphqlSchemaError } from '../types/graphql-schema-error.ts';

/**
 * Picks the operation each GraphQL field serves: one per wire name, the newest version within
 * a major (minor and patch never change a field name). Two different keys on one field fail.
 */
export function operationsByField(
	entries: readonly RegistryEntry<OperationSpec>[],
): Map<string, OperationSpec> {
	const byField = new Map<string, OperationSpec>();
	for (const { spec } of entries) {
		const field = wireNames(spec).graphql.field;
		const existing = byField.get(field);
		if (!existing) {
			byField.set(field, spec);
			continue;
		}
		const sameLine =
			existing.meta.key === spec.meta.key &&
			majorOf(existing.meta.version) === majorOf(spec.meta.version);
		if (!sameLine) {
			throw new GraphqlSchemaError(
				'CHARTER_WIRE_NAME_COLLISION',
				`field ${field}`,
				`claimed by ${existing.meta.key}@${existing.meta.version} and ${spec.meta.key}@${spec.meta.version}`,
			);
		}
		// Entries come sorted oldest first, so a later one of the same line is newer.
		if (spec.meta.stability !== 'deprecated' || existing.meta.stability === 'deprecated') {
			byField.set(field, spec);
		}
	}
	return byField;
}

/** Computes the subscription field of an event: `workflow.instance.paused` -> `workflowInstancePaused` (+`V2`). */
export function eventFieldName(key: string, version: string): string {
	const parts = key.split(/[.\-_]/).filter(Boolean);
	const camel = parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('');
	const major = majorOf(version);
	return major >= 2 ? `${camel}V${major}` : camel;
}
