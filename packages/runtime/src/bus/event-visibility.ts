import type { ContractRegistry } from '@charter/spec';
import type { Principal } from '../context/principal.ts';
import { compileEventReadPolicy, type EventReadPolicy } from '../policy/event-read-policy.ts';
import type { EventEnvelope } from './event-envelope.ts';

/**
 * Tells whether a live event may reach a principal: an event caused in a tenant reaches only
 * principals of that tenant; an event of no tenant reaches any caller the event's
 * subscription admitted. Every live surface (GraphQL subscriptions, Studio) asks this one rule.
 */
export function eventVisibleTo(envelope: EventEnvelope, principal: Principal | undefined): boolean {
	return envelope.tenant === undefined || envelope.tenant === principal?.tenant;
}

/**
 * For a channel that carries every event (Studio's live view): tells whether an event may reach
 * a principal by its own read policy (`compileEventReadPolicy`, as a GraphQL subscription to it
 * would decide) and by tenant ({@link eventVisibleTo}). Policies are compiled once per event
 * version.
 */
export function createEventReadCheck(
	registry: ContractRegistry,
): (envelope: EventEnvelope, principal: Principal | undefined) => boolean {
	const policies = new Map<string, EventReadPolicy>();
	return (envelope, principal) => {
		if (!eventVisibleTo(envelope, principal)) return false;
		const id = `${envelope.type}@${envelope.eventversion}`;
		let policy = policies.get(id);
		if (!policy) {
			policy = compileEventReadPolicy(registry, envelope.type, envelope.eventversion);
			policies.set(id, policy);
		}
		return policy.decide(principal).allowed;
	};
}
