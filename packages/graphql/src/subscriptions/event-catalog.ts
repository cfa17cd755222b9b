import type { TypeNode } from '@charter/schema';
import { type ContractRegistry, majorOf } from '@charter/spec';
import { eventFieldName } from '../schema/operation-fields.ts';

/** A subscribable event: its payload type and whether anonymous callers may receive it. */
export interface SubscribableEvent {
	readonly key: string;
	readonly version: string;
	readonly major: number;
	readonly field: string;
	readonly description?: string;
	readonly payload: TypeNode;
	/** True only when every operation that emits the event is itself open to anonymous callers. */
	readonly anonymous: boolean;
}

/**
 * Lists the events a client may subscribe to: registered event contracts and events declared
 * inline (with a payload) by operations, newest version per major.
 *
 * The policy rule: a subscription requires an authenticated caller (`auth: 'user'`) unless
 * every operation emitting the event is anonymous with no role, permission or tenant
 * requirement. Events carrying a tenant are delivered only to principals of that tenant.
 */
export function subscribableEvents(registry: ContractRegistry): SubscribableEvent[] {
	const events = new Map<string, Omit<SubscribableEvent, 'anonymous'>>();
	const add = (key: string, version: string, payload: TypeNode, description?: string) => {
		const field = eventFieldName(key, version);
		events.set(field, {
			key,
			version,
			major: majorOf(version),
			field,
			payload,
			...(description ? { description } : {}),
		});
	};
	const emitters = new Map<string, boolean>();
	for (const { spec } of registry.operations()) {
		const open =
			spec.policy.auth === 'anonymous' &&
			!spec.policy.roles &&
			(spec.policy.permissions ?? []).length === 0 &&
			spec.policy.tenant !== 'required' &&
			(spec.policy.rules ?? []).length === 0;
		for (const emit of spec.sideEffects.emits) {
			const field = eventFieldName(emit.key, emit.version);
			emitters.set(field, (emitters.get(field) ?? true) && open);
			if (emit.payload) add(emit.key, emit.version, emit.payload, emit.when);
		}
	}
	// Registered event contracts win over inline declarations (they are the source of truth).
	for (const { spec } of registry.events())
		add(spec.meta.key, spec.meta.version, spec.payload, spec.meta.description);
	return [...events.values()]
		.sort((a, b) => (a.field < b.field ? -1 : 1))
		.map((event) => ({ ...event, anonymous: emitters.get(event.field) === true }));
}
