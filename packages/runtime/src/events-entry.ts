/*
 * Who may receive an event, and the span of a subscription (`@charter/runtime/events`): what a
 * GraphQL schema needs from the runtime, without the executor, the logger or the token
 * verifiers that the main entry loads. Governance builds GraphQL schemas to judge changes and
 * imports only this.
 */

export { eventVisibleTo } from './bus/event-visibility.ts';
export {
	compileEventReadPolicy,
	type EventEmitterIndex,
	type EventReadPolicy,
	indexEventEmitters,
} from './policy/event-read-policy.ts';
export { type TracedSubscription, traceSubscription } from './telemetry/subscription-tracing.ts';
