import type { EventSpec } from '@charter/spec';
import type { EventBus, EventHandler, Listener, SubscribeOptions } from './event-bus.ts';

/** How many consumers an event key has now: durable subscriptions and live listeners. */
export interface SubscriberCount {
	/** The event key, or `*` for consumers of every event. */
	readonly event: string;
	readonly subscriptions: number;
	readonly listeners: number;
}

/** An event bus that knows how many consumers it serves. */
export type CountedEventBus<B extends EventBus = EventBus> = B & {
	/** The current consumers per event key, sorted by key. */
	subscriberCounts(): SubscriberCount[];
};

/**
 * Wraps an event bus so it counts its active subscriptions and listeners per event key (for
 * the runtime health view). Every other member is the bus's own.
 *
 * @example
 * const bus = countSubscribers(createEventBus());
 * bus.listen('*', push);
 * bus.subscriberCounts(); // [{ event: '*', subscriptions: 0, listeners: 1 }]
 */
export function countSubscribers<B extends EventBus>(bus: B): CountedEventBus<B> {
	const counts = new Map<string, { subscriptions: number; listeners: number }>();
	const change = (key: string, kind: 'subscriptions' | 'listeners', by: number) => {
		const entry = counts.get(key) ?? { subscriptions: 0, listeners: 0 };
		entry[kind] += by;
		if (entry.subscriptions === 0 && entry.listeners === 0) counts.delete(key);
		else counts.set(key, entry);
	};
	const keyOf = (event: EventSpec | string) => (typeof event === 'string' ? event : event.meta.key);
	const subscribe = (
		event: EventSpec | string,
		handler: EventHandler<any>,
		options?: SubscribeOptions,
	) => {
		const key = keyOf(event);
		const stop = bus.subscribe(event as string, handler, options);
		change(key, 'subscriptions', 1);
		let stopped = false;
		return () => {
			if (!stopped) change(key, 'subscriptions', -1);
			stopped = true;
			stop();
		};
	};
	const listen = (event: EventSpec | string, handler: EventHandler<any>): Listener => {
		const key = keyOf(event);
		const listener = bus.listen(event as string, handler);
		change(key, 'listeners', 1);
		let stopped = false;
		return Object.assign(
			() => {
				if (!stopped) change(key, 'listeners', -1);
				stopped = true;
				listener();
			},
			{ ready: listener.ready },
		);
	};
	// The bus's other members (NATS's `ready`, `close`, `connection`) stay reachable.
	return Object.assign(Object.create(bus) as B, {
		subscribe: subscribe as EventBus['subscribe'],
		listen: listen as EventBus['listen'],
		publish: (event: Parameters<EventBus['publish']>[0]) => bus.publish(event),
		subscriberCounts: () =>
			[...counts.entries()]
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
				.map(([event, n]) => ({ event, ...n })),
	});
}
