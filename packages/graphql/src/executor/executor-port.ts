import type { EventBus, Executor } from '@charter/runtime';

/*
 * The one seam between this surface and @charter/runtime: the surface needs only `execute`
 * from the executor and `subscribe` from the event bus, so tests and hosts may pass any
 * object with those members.
 */

export type {
	ContextProvider,
	EventEnvelope,
	Invocation,
	InvocationMetadata,
	InvocationResult,
	Principal,
	Problem,
} from '@charter/runtime';

/** The executor as this surface sees it. */
export type ExecutorPort = Pick<Executor, 'execute'>;

/** The part of the runtime's event bus the subscriptions need. */
export type EventSource = Pick<EventBus, 'subscribe'>;
