import { type Infer, pascal, type TypeLike, type TypeNode, toTypeNode } from '@charter/schema';
import { ContractDefinitionError } from '../errors.ts';
import { type Meta, type MetaDefinition, normalizeMeta } from '../meta/meta.ts';
import { checkPolicy, type Policy, type PolicyDefinition } from '../operations/policy.ts';

/** An event as authored. */
export interface EventDefinition<K extends string, P extends TypeLike> {
	readonly meta: MetaDefinition & { readonly key: K };
	readonly payload: P;
	/** JSON pointers (`/email`, `/owner/phone`) of personal data in the payload; kept out of audit digests and logs. */
	readonly pii?: readonly string[];
	/**
	 * Who may receive the event on a live channel (GraphQL subscriptions...): its read policy.
	 * Without it, a caller receives the event when one of the operations that emit it would
	 * admit them (rules aside). Named `rules` are not allowed here: they decide on an input.
	 */
	readonly policy?: Omit<PolicyDefinition, 'rules'>;
}

/** An event contract in the IR. */
export interface EventSpec<K extends string = string, P = unknown> {
	readonly kind: 'event';
	readonly meta: Meta & { readonly key: K };
	readonly payload: TypeNode;
	readonly pii: readonly string[];
	/** The declared read policy; absent when derived from the emitting operations. */
	readonly policy?: Policy;
	readonly '~types'?: { readonly payload: P };
}

/**
 * Defines an event: a fact a command may emit, with a typed payload.
 *
 * @example
 * export const InstancePaused = defineEvent({
 *   meta: { key: 'workflow.instance.paused', version: '1.0.0', stability: 'stable' },
 *   payload: WorkflowInstanceModel,
 * });
 */
export function defineEvent<const K extends string, const P extends TypeLike>(
	definition: EventDefinition<K, P>,
): EventSpec<K, Infer<P>> {
	const meta = normalizeMeta(definition?.meta) as Meta & { key: K };
	const payload = wrap(meta.key, 'payload', () =>
		toTypeNode('payload', definition.payload, `${pascal(meta.key)}Payload`),
	);
	const pii = definition.pii ?? [];
	for (const pointer of pii) {
		if (typeof pointer !== 'string' || !pointer.startsWith('/')) {
			throw new ContractDefinitionError(
				'CHARTER_INVALID_PII',
				meta.key,
				'pii',
				`${JSON.stringify(pointer)} is not a JSON pointer like "/email"`,
			);
		}
	}
	const declared = definition.policy;
	if (
		declared !== undefined &&
		typeof declared === 'object' &&
		declared !== null &&
		'rules' in declared
	) {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_POLICY',
			meta.key,
			'policy.rules',
			"an event's read policy cannot name rules: they decide on an operation's input",
		);
	}
	const policy = declared === undefined ? undefined : checkPolicy(meta.key, declared);
	return Object.freeze({
		kind: 'event',
		meta,
		payload,
		pii: Object.freeze([...pii]),
		...(policy ? { policy } : {}),
	});
}

/** Runs a type conversion, re-throwing schema errors as contract errors that name the key and field. */
export function wrap<T>(key: string, field: string, convert: () => T): T {
	try {
		return convert();
	} catch (error) {
		if (error instanceof ContractDefinitionError) throw error;
		const message = error instanceof Error ? error.message : String(error);
		// Schema errors start with their own `where`; drop it when it only repeats the field.
		const reason = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
		const code = (error as { code?: string }).code ?? 'CHARTER_INVALID_TYPE';
		throw new ContractDefinitionError(code, key, field, reason);
	}
}

/** Tells whether a value is an event contract. */
export function isEventSpec(value: unknown): value is EventSpec {
	return (
		typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'event'
	);
}
