import { ContractDefinitionError } from '../errors.ts';
import type { EventSpec } from '../events/define-event.ts';
import { type Meta, type MetaDefinition, normalizeMeta } from '../meta/meta.ts';
import type { OperationSpec } from '../operations/operation-types.ts';

/** A reference to a contract by identity. */
export interface ContractRef {
	readonly kind: 'operation' | 'event';
	readonly key: string;
	readonly version: string;
}

type MemberInput = OperationSpec | EventSpec | { readonly key: string; readonly version: string };

/** A feature as authored: a module grouping operations and events. */
export interface FeatureDefinition {
	readonly meta: MetaDefinition;
	readonly operations?: readonly MemberInput[];
	readonly events?: readonly MemberInput[];
}

/** A feature in the IR: references only, never copies of the contracts. */
export interface FeatureSpec {
	readonly kind: 'feature';
	readonly meta: Meta;
	readonly members: readonly ContractRef[];
}

/**
 * Defines a feature: a module that groups contracts by reference, for docs and governance.
 *
 * @example
 * defineFeature({ meta: { key: 'workflow.instances', version: '1.0.0' }, operations: [PauseWorkflowContract] });
 */
export function defineFeature(definition: FeatureDefinition): FeatureSpec {
	const meta = normalizeMeta(definition?.meta);
	const toRef =
		(kind: ContractRef['kind'], field: string) =>
		(member: MemberInput, index: number): ContractRef => {
			const ref =
				typeof member !== 'object' || member === null
					? undefined
					: 'meta' in member
						? member.meta
						: member;
			if (typeof ref?.key !== 'string' || typeof ref.version !== 'string') {
				throw new ContractDefinitionError(
					'CHARTER_INVALID_FEATURE_MEMBER',
					meta.key,
					`${field}[${index}]`,
					'needs a contract or { key, version }',
				);
			}
			return Object.freeze({ kind, key: ref.key, version: ref.version });
		};
	const members = [
		...(definition.operations ?? []).map(toRef('operation', 'operations')),
		...(definition.events ?? []).map(toRef('event', 'events')),
	];
	return Object.freeze({ kind: 'feature', meta, members: Object.freeze(members) });
}
