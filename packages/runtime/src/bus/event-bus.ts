import type { EventSpec } from '@charter/spec';
import { type Logger, silentLogger } from '../logging/logger.ts';
import type { EventEnvelope } from './event-envelope.ts';

/** Handles one published event. */
export type EventHandler<P = unknown> = (event: EventEnvelope<P>) => void | Promise<void>;

/** An in-process event bus, fed by the executor after a command commits. */
export interface EventBus {
	/**
	 * Subscribes to an event by contract (typed payload) or by key; `*` receives every event.
	 * Returns a function that unsubscribes.
	 */
	subscribe<P>(event: EventSpec<string, P>, handler: EventHandler<P>): () => void;
	subscribe(key: string, handler: EventHandler): () => void;
	/** Delivers an event to its subscribers; a failing subscriber is logged and never stops the others. */
	publish(event: EventEnvelope): Promise<void>;
}

/**
 * Creates an in-process event bus.
 *
 * @example
 * const bus = createEventBus();
 * bus.subscribe(InstancePaused, (event) => console.log(event.data.id));
 */
export function createEventBus(options: { logger?: Logger } = {}): EventBus {
	const logger = options.logger ?? silentLogger;
	const handlers = new Map<string, Set<EventHandler>>();
	return {
		subscribe(event: EventSpec | string, handler: EventHandler<any>) {
			const key = typeof event === 'string' ? event : event.meta.key;
			const set = handlers.get(key) ?? new Set();
			set.add(handler);
			handlers.set(key, set);
			return () => {
				set.delete(handler);
			};
		},
		async publish(event) {
			const targets = [...(handlers.get(event.type) ?? []), ...(handlers.get('*') ?? [])];
			for (const handler of targets) {
				try {
					await handler(event);
				} catch (error) {
					logger.error('event subscriber failed', {
						event: event.type,
						eventId: event.id,
						traceId: event.traceid,
						error: error instanceof Error ? error.message : String(error),
					});
				}
			}
		},
	};
}
