import {
	compileEventReadPolicy,
	type EventReadPolicy,
	indexEventEmitters,
} from '@charter/runtime/events';
import type { TypeNode } from '@charter/schema';
import { type ContractRegistry, majorOf } from '@charter/spec';
import { eventFieldName } from '../schema/operation-fields.ts';

/** A subscribable event: its payload type and who may receive it. */
export interface SubscribableEvent {
	readonly key: string;
	readonly version: string;
	readonly major: number;
	readonly field: string;
	readonly description?: string;
	readonly payload: TypeNode;
	/** Its read policy (`compileEventReadPolicy`): checked when a caller subscribes. */
	readonly read: EventReadPolicy;
}

/**
 * Lists the events a client may subscribe to: registered event contracts and events declared
 * inline (with a payload) by operations, newest version per major.
 *
 * Who may subscribe is the event's read policy (`compileEventReadPolicy` in the runtime: declared
 * on the event, or derived from the operations that emit it). Events carrying a tenant are
 * delivered only to principals of that tenant. With `only`, just the events whose subscription
 * field it names; `catalog` is the registry's {@link eventCatalog} when the caller has it.
 */
export function subscribableEvents(
	registry: ContractRegistry,
	only?: ReadonlySet<string>,
	catalog: readonly Omit<SubscribableEvent, 'read'>[] = eventCatalog(registry),
): SubscribableEvent[] {
	const emitters = indexEventEmitters(registry);
	return catalog
		.filter((event) => !only || only.has(event.field))
		.map((event) => ({
			...event,
			read: compileEventReadPolicy(registry, event.key, event.version, emitters),
		}));
}

/** The subscribable events without their read policies, sorted by field. */
export function eventCatalog(registry: ContractRegistry): Omit<SubscribableEvent, 'read'>[] {
	const events = new Map<string, Omit<SubscribableEvent, 'read'>>();
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
	for (const { spec } of registry.operations()) {
		for (const emit of spec.sideEffects.emits) {
			if (emit.payload) add(emit.key, emit.version, emit.payload, emit.when);
		}
	}
	// Registered event contracts win over inline declarations (they are the source of truth).
	for (const { spec } of registry.events())
		add(spec.meta.key, spec.meta.version, spec.payload, spec.meta.description);
	return [...events.values()].sort((a, b) => (a.field < b.field ? -1 : 1));
}
