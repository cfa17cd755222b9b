import type { EventBus, Executor } from '@charter/runtime';

/*
 * The one seam between this surface and @charter/runtime: the surface needs only `execute`
 * from the executor and `listen` from the event bus, so tests and hosts may pass any object
 * with those members.
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

/**
 * The part of the runtime's event bus the subscriptions need: live listeners, so every
 * subscriber gets every new event (never the durable, work-shared `subscribe`).
 */
export type EventSource = Pick<EventBus, 'listen'>;
