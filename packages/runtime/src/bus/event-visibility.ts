import type { Principal } from '../context/principal.ts';
import type { EventEnvelope } from './event-envelope.ts';

/**
 * Tells whether a live event may reach a principal: an event caused in a tenant reaches only
 * principals of that tenant; an event of no tenant reaches any caller the event's
 * subscription admitted. Every live surface (GraphQL subscriptions, Studio) asks this one rule.
 */
export function eventVisibleTo(envelope: EventEnvelope, principal: Principal | undefined): boolean {
	return envelope.tenant === undefined || envelope.tenant === principal?.tenant;
}
