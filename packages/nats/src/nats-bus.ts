import {
	CharterConfigError,
	type EventBus,
	type EventEnvelope,
	type EventHandler,
	type Listener,
	type Logger,
	type SubscribeOptions,
	silentLogger,
	type Tracer,
	toListener,
	traceDelivery,
} from '@charter/runtime';
import type { EventSpec } from '@charter/spec';
import {
	AckPolicy,
	type ConsumerMessages,
	connect,
	DeliverPolicy,
	headers,
	type JetStreamClient,
	type JetStreamManager,
	type JetStreamPublishOptions,
	type NatsConnection,
	nanos,
} from 'nats';

/** How to reach NATS JetStream and name the stream and consumers. */
export interface NatsBusOptions {
	/** `nats://host:4222` (several comma-separated). */
	readonly url: string;
	/** The JetStream stream (created if missing); `CHARTER_EVENTS` by default. */
	readonly stream?: string;
	/** Subjects are `<prefix>.<event key>`; `charter.events` by default. */
	readonly subjectPrefix?: string;
	/** The default group of `subscribe`: nodes with the same group share each event (`charter` by default). */
	readonly group?: string;
	/** Window in which JetStream drops a re-published event id (2 minutes by default). */
	readonly duplicateWindowMs?: number;
	/** Delay before an event whose handler failed is delivered again (1 s by default). */
	readonly retryDelayMs?: number;
	/** How long to wait for NATS at startup (5 s by default). */
	readonly connectTimeoutMs?: number;
	readonly logger?: Logger;
	/** Runs each durable delivery in a consumer span linked to the emitting command's span. */
	readonly tracer?: Tracer;
}

/** The event bus over NATS JetStream. */
export interface NatsEventBus extends EventBus {
	/** Resolves when every durable subscription so far has its consumer and is receiving. */
	ready(): Promise<void>;
	/** Stops the subscriptions and drains the connection. */
	close(): Promise<void>;
	readonly connection: NatsConnection;
	/** Publishes sent before earlier ones are acknowledged keep their order (see `EventPublisher`). */
	readonly pipelined: true;
}

/**
 * Connects the event bus to NATS JetStream and creates the stream if missing. `publish` sends
 * one event with its id as `msgID`, so JetStream drops a re-published duplicate; it throws when
 * NATS does not acknowledge (the outbox relay retries). `subscribe` binds a durable consumer per
 * event and group (`<group>-<key>`, from the stream's start): nodes of one group share the
 * work, an event is acknowledged after its handler succeeds and delivered again after a
 * failure. `listen` creates an ephemeral ordered consumer per listener that delivers only
 * events stored after it is ready, and is removed when it stops. Throws
 * `CHARTER_BUS_UNREACHABLE`.
 *
 * @example
 * const bus = await createNatsBus({ url: 'nats://127.0.0.1:4222' });
 * bus.subscribe(InstancePaused, async (event) => notify(event.data.id));
 */
export async function createNatsBus(options: NatsBusOptions): Promise<NatsEventBus> {
	const logger = options.logger ?? silentLogger;
	const streamName = options.stream ?? 'CHARTER_EVENTS';
	const prefix = options.subjectPrefix ?? 'charter.events';
	const group = options.group ?? 'charter';
	const retryDelayMs = options.retryDelayMs ?? 1000;
	const { tracer } = options;
	let nc: NatsConnection;
	let jsm: JetStreamManager;
	try {
		nc = await connect({
			servers: options.url.split(','),
			timeout: options.connectTimeoutMs ?? 5000,
			reconnect: true,
			maxReconnectAttempts: -1,
			reconnectTimeWait: 500,
		});
		jsm = await nc.jetstreamManager();
		await ensureStream(jsm, streamName, prefix, options.duplicateWindowMs ?? 120_000);
	} catch (error) {
		throw new CharterConfigError(
			'CHARTER_BUS_UNREACHABLE',
			options.url,
			`cannot use NATS JetStream (${error instanceof Error ? error.message : String(error)})`,
		);
	}
	const js: JetStreamClient = nc.jetstream();
	const setups = new Set<Promise<void>>();
	const running = new Set<ConsumerMessages>();

	const keyOf = (event: EventSpec | string) => (typeof event === 'string' ? event : event.meta.key);
	const filterOf = (key: string) => (key === '*' ? `${prefix}.>` : `${prefix}.${key}`);

	const subscribe = (
		event: EventSpec | string,
		handler: EventHandler<any>,
		opts?: SubscribeOptions,
	) => {
		const key = keyOf(event);
		const filter = filterOf(key);
		const durable = `${opts?.group ?? group}-${key === '*' ? 'all' : key}`.replace(
			/[^A-Za-z0-9_-]/g,
			'_',
		);
		let stopped = false;
		let messages: ConsumerMessages | undefined;
		const setup = (async () => {
			await jsm.consumers.add(streamName, {
				durable_name: durable,
				ack_policy: AckPolicy.Explicit,
				deliver_policy: DeliverPolicy.All,
				filter_subject: filter,
				ack_wait: nanos(30_000),
				max_deliver: -1,
			});
			const consumer = await js.consumers.get(streamName, durable);
			if (stopped) return;
			messages = await consumer.consume({ max_messages: 256 });
			running.add(messages);
			void pump(messages, handler);
		})();
		setups.add(setup);
		setup.catch((error: unknown) =>
			logger.error({ event: key, error: String(error) }, 'NATS subscription failed'),
		);
		return () => {
			stopped = true;
			if (messages) {
				running.delete(messages);
				void messages.close();
			}
		};
	};

	const listen = (event: EventSpec | string, handler: EventHandler<any>): Listener => {
		const key = keyOf(event);
		let stopped = false;
		let started: { messages: ConsumerMessages; name: string | undefined } | undefined;
		const release = ({ messages, name }: NonNullable<typeof started>) => {
			running.delete(messages);
			void messages.close().then(async () => {
				// Ordered consumers are ephemeral; deleting spares the server its inactivity timeout.
				if (name) await jsm.consumers.delete(streamName, name).catch(() => false);
			});
		};
		const stop = () => {
			if (stopped) return;
			stopped = true;
			if (started) release(started);
		};
		const ready = (async () => {
			const consumer = await js.consumers.get(streamName, {
				filterSubjects: filterOf(key),
				deliver_policy: DeliverPolicy.New,
				inactive_threshold: 30_000,
			});
			const messages = await consumer.consume({ max_messages: 256 });
			const info = await consumer.info(true).catch(() => undefined);
			started = { messages, name: info?.name };
			if (stopped) return release(started);
			running.add(messages);
			void deliverLive(messages, handler, key);
		})();
		ready.catch((error: unknown) =>
			logger.error({ event: key, error: String(error) }, 'NATS listener failed'),
		);
		return toListener(stop, ready);
	};

	// Live delivery: no acknowledgement and no retry; a failing listener is logged.
	const deliverLive = async (messages: ConsumerMessages, handler: EventHandler, key: string) => {
		for await (const message of messages) {
			let event: EventEnvelope;
			try {
				event = message.json<EventEnvelope>();
			} catch {
				logger.error({ subject: message.subject }, 'NATS message is not a JSON event; dropped');
				continue;
			}
			try {
				await handler(event);
			} catch (error) {
				logger.error(
					{
						event: key,
						eventId: event.id,
						error: error instanceof Error ? error.message : String(error),
					},
					'event listener failed',
				);
			}
		}
	};

	// Recent ids per subscription: a redelivery the handler already saw is acknowledged, not run.
	const pump = async (messages: ConsumerMessages, handler: EventHandler) => {
		const seen = new RecentIds(10_000);
		for await (const message of messages) {
			let event: EventEnvelope;
			try {
				event = message.json<EventEnvelope>();
			} catch {
				logger.error({ subject: message.subject }, 'NATS message is not a JSON event; dropped');
				message.term();
				continue;
			}
			if (seen.has(event.id)) {
				message.ack();
				continue;
			}
			try {
				if (tracer === undefined) await handler(event);
				else await traceDelivery(tracer, event, async () => handler(event));
				seen.add(event.id);
				message.ack();
			} catch (error) {
				logger.warn(
					{
						event: event.type,
						eventId: event.id,
						error: error instanceof Error ? error.message : String(error),
					},
					'event subscriber failed; the event will be delivered again',
				);
				message.nak(retryDelayMs);
			}
		}
	};

	return {
		connection: nc,
		// One connection: JetStream stores publishes in the order they were sent.
		pipelined: true,
		subscribe: subscribe as EventBus['subscribe'],
		listen: listen as EventBus['listen'],
		async publish(event) {
			const options: Partial<JetStreamPublishOptions> = { msgID: event.id };
			// The W3C trace context travels as a header too, for consumers that read only headers.
			if (event.traceparent !== undefined) {
				options.headers = headers();
				options.headers.set('traceparent', event.traceparent);
			}
			await js.publish(`${prefix}.${event.type}`, JSON.stringify(event), options);
		},
		async ready() {
			await Promise.all(setups);
		},
		async close() {
			for (const messages of running) await messages.close();
			running.clear();
			await nc.drain().catch(() => {});
			// With the server lost, drain resolves and leaves the client reconnecting forever,
			// which held a stopped process open.
			if (!nc.isClosed()) await nc.close();
		},
	};
}

async function ensureStream(
	jsm: JetStreamManager,
	name: string,
	prefix: string,
	duplicateWindowMs: number,
): Promise<void> {
	try {
		await jsm.streams.info(name);
	} catch {
		try {
			await jsm.streams.add({
				name,
				subjects: [`${prefix}.>`],
				duplicate_window: nanos(duplicateWindowMs),
			});
		} catch (error) {
			// Another node created it between our two calls.
			await jsm.streams.info(name).catch(() => {
				throw error;
			});
		}
	}
}

/** A bounded set of the most recent ids. */
class RecentIds {
	private readonly ids = new Set<string>();
	constructor(private readonly max: number) {}
	has(id: string): boolean {
		return this.ids.has(id);
	}
	add(id: string): void {
		this.ids.add(id);
		if (this.ids.size > this.max) {
			const oldest = this.ids.values().next().value;
			if (oldest !== undefined) this.ids.delete(oldest);
		}
	}
}
