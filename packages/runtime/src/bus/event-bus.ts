import type { EventSpec } from '@charter/spec';
import type { Tracer } from '@opentelemetry/api';
import { type Logger, silentLogger } from '../logging/logger.ts';
import { traceDelivery } from '../telemetry/event-tracing.ts';
import type { EventEnvelope } from './event-envelope.ts';

/** Handles one published event. */
export type EventHandler<P = unknown> = (event: EventEnvelope<P>) => void | Promise<void>;

/** How a durable subscription shares its work. */
export interface SubscribeOptions {
	/**
	 * Subscriptions of one group share each event: one of them handles it (across nodes on a
	 * shared bus). On NATS the bus's `group` by default; in process each subscription is its
	 * own group unless it names one.
	 */
	readonly group?: string;
}

/**
 * A live listener: call it to stop listening. `ready` resolves once new events reach it (so
 * an event published after `await listener.ready` is delivered) and rejects if the bus could
 * not set it up.
 */
export interface Listener {
	(): void;
	readonly ready: Promise<void>;
}

/**
 * Delivers events after a command commits. Two kinds of consumer:
 *
 * - `subscribe`: durable, acknowledged, work-shared. For side effects (send a mail, update a
 *   projection): each event is handled once per group, across nodes; on a durable bus (NATS)
 *   a failed handler gets the event again and a new consumer starts from the stream's start.
 * - `listen`: live broadcast. For pushing to connected clients (GraphQL subscriptions): every
 *   listener gets every event published after it is ready, nothing older, nothing retried.
 */
export interface EventBus {
	/**
	 * Subscribes a durable consumer to an event by contract (typed payload) or by key; `*`
	 * receives every event. Returns a function that unsubscribes.
	 *
	 * @example
	 * bus.subscribe(InstancePaused, async (event) => notify(event.data.id), { group: 'mailer' });
	 */
	subscribe<P>(
		event: EventSpec<string, P>,
		handler: EventHandler<P>,
		options?: SubscribeOptions,
	): () => void;
	subscribe(key: string, handler: EventHandler, options?: SubscribeOptions): () => void;
	/**
	 * Listens live to an event by contract or by key (`*` for every event): this listener alone
	 * gets each event published from now on; no history, no acknowledgement, no retry. Returns
	 * a `Listener`: await `ready` before relying on delivery, call it to stop.
	 *
	 * @example
	 * const stop = bus.listen('*', (event) => push(event));
	 * await stop.ready;
	 */
	listen<P>(event: EventSpec<string, P>, handler: EventHandler<P>): Listener;
	listen(key: string, handler: EventHandler): Listener;
	/** Delivers an event to its consumers; a failing consumer is logged and never stops the others. */
	publish(event: EventEnvelope): Promise<void>;
}

/** Makes a `Listener` from a stop function and a readiness promise (rejections marked handled). */
export function toListener(stop: () => void, ready: Promise<void>): Listener {
	ready.catch(() => {});
	return Object.assign(() => stop(), { ready });
}

/** The handlers of one group on an in-process bus, served in turn. */
interface Group {
	readonly handlers: EventHandler[];
	next: number;
}

/**
 * Creates an in-process event bus. `subscribe` and `listen` both deliver each event as it is
 * published (one process is one node); subscriptions sharing a `group` take turns.
 *
 * @example
 * const bus = createEventBus();
 * bus.subscribe(InstancePaused, (event) => console.log(event.data.id));
 */
export function createEventBus(
	options: {
		logger?: Logger;
		/** Runs each delivery in a consumer span linked to the emitting command's span. */
		tracer?: Tracer;
	} = {},
): EventBus {
	const logger = options.logger ?? silentLogger;
	const { tracer } = options;
	// Per event key, the groups; an ungrouped subscription or a listener is a group of one.
	const groups = new Map<string, Map<string | object, Group>>();
	const add = (event: EventSpec | string, handler: EventHandler<any>, group?: string) => {
		const key = typeof event === 'string' ? event : event.meta.key;
		const byName = groups.get(key) ?? new Map<string | object, Group>();
		groups.set(key, byName);
		const name = group ?? {};
		const entry = byName.get(name) ?? { handlers: [], next: 0 };
		byName.set(name, entry);
		entry.handlers.push(handler);
		return () => {
			const at = entry.handlers.indexOf(handler);
			if (at >= 0) entry.handlers.splice(at, 1);
			if (entry.handlers.length === 0) byName.delete(name);
		};
	};
	const pick = (group: Group): EventHandler | undefined => {
		const handler = group.handlers[group.next % group.handlers.length];
		group.next = (group.next + 1) % group.handlers.length;
		return handler;
	};
	return {
		subscribe: (event: EventSpec | string, handler: EventHandler<any>, opts?: SubscribeOptions) =>
			add(event, handler, opts?.group),
		listen: (event: EventSpec | string, handler: EventHandler<any>) =>
			toListener(add(event, handler), Promise.resolve()),
		async publish(event) {
			const targets: EventHandler[] = [];
			for (const key of [event.type, '*']) {
				for (const group of groups.get(key)?.values() ?? []) {
					const handler = pick(group);
					if (handler) targets.push(handler);
				}
			}
			for (const handler of targets) {
				try {
					if (tracer === undefined) await handler(event);
					else await traceDelivery(tracer, event, async () => handler(event));
				} catch (error) {
					logger.error(
						{
							event: event.type,
							eventId: event.id,
							traceId: event.traceid,
							error: error instanceof Error ? error.message : String(error),
						},
						'event subscriber failed',
					);
				}
			}
		},
	};
}
