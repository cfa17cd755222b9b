import { graphqlFieldName, type OperationSpec, wireNames } from '@charter/spec';
import { GraphqlSchemaError } from '../types/graphql-schema-error.ts';

/**
 * Maps each GraphQL field to the operation it serves, from the executor's served versions
 * (one per key and major). Two operations on one field fail fast.
 */
export function operationsByField(served: readonly OperationSpec[]): Map<string, OperationSpec> {
	const byField = new Map<string, OperationSpec>();
	for (const spec of served) {
		const field = wireNames(spec).graphql.field;
		const existing = byField.get(field);
		if (existing) {
			throw new GraphqlSchemaError(
				'CHARTER_WIRE_NAME_COLLISION',
				`field ${field}`,
				`claimed by ${existing.meta.key}@${existing.meta.version} and ${spec.meta.key}@${spec.meta.version}`,
			);
		}
		byField.set(field, spec);
	}
	return byField;
}

/** Computes the subscription field of an event: `workflow.instance.paused` -> `workflowInstancePaused` (+`V2`). */
export function eventFieldName(key: string, version: string): string {
	return graphqlFieldName(key, version);
}
