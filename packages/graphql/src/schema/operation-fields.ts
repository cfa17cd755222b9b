import {
	findWireCollisions,
	graphqlFieldName,
	graphqlFieldOf,
	type OperationSpec,
} from '@charter/spec';
import { GraphqlSchemaError } from '../types/graphql-schema-error.ts';

/**
 * Maps each GraphQL field to the operation it serves, from the executor's served versions
 * (one per key and major). Two operations on one field fail fast. With `only`, just those
 * fields (and their collisions).
 */
export function operationsByField(
	served: readonly OperationSpec[],
	only?: ReadonlySet<string>,
): Map<string, OperationSpec> {
	const wanted = only ? served.filter((spec) => only.has(graphqlFieldOf(spec))) : served;
	const [collision] = findWireCollisions(
		wanted.map((spec) => ({ spec })),
		['GraphQL field'],
	);
	if (collision) {
		throw new GraphqlSchemaError(
			'CHARTER_WIRE_NAME_COLLISION',
			`field ${collision.name}`,
			`${collision.message}; rename one or set ${collision.field}`,
		);
	}
	return new Map(wanted.map((spec) => [graphqlFieldOf(spec), spec]));
}

/** Computes the subscription field of an event: `workflow.instance.paused` -> `workflowInstancePaused` (+`V2`). */
export function eventFieldName(key: string, version: string): string {
	return graphqlFieldName(key, version);
}
