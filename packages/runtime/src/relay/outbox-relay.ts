import type { Tracer } from '@opentelemetry/api';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import { type Logger, silentLogger } from '../logging/logger.ts';
import type { PendingEvent, RelayOutbox } from '../stores/outbox-store.ts';
import { tracePublish } from '../telemetry/event-tracing.ts';

/** Where the relay publishes: the in-process bus or NATS JetStream. Throws when not delivered. */
export interface EventPublisher {
	publish(event: EventEnvelope): Promise<void>;
	/**
	 * True when publishes issued one after another, each before the previous one is
	 * acknowledged, are stored in the order they were issued (NATS JetStream over one
	 * connection). The relay then issues a whole batch at once and awaits the acknowledgements
	 * in order, instead of one round trip per event.
	 */
	readonly pipelined?: boolean;
}

/** How the relay runs. */
export interface OutboxRelayOptions {
	readonly outbox: RelayOutbox;
	readonly publisher: EventPublisher;
	/** Wakes the relay on commit (the SQL stores' `onCommit`); it also polls. */
	readonly onCommit?: (listener: () => void) => () => void;
	readonly logger?: Logger;
	/** Events claimed per batch (100 by default). */
	readonly batchSize?: number;
	/** Poll interval when idle, for commits of other nodes (250 ms by default). */
	readonly pollMs?: number;
	/** First retry delay after a failed publish, doubled up to `maxBackoffMs` (100 ms, 10 s). */
	readonly backoffMs?: number;
	readonly maxBackoffMs?: number;
	readonly clock?: () => Date;
	/** Publishes each event in a producer span continuing the emitting command's trace. */
	readonly tracer?: Tracer;
}

/** A running relay. */
export interface OutboxRelay {
	/** Starts polling (idempotent). */
	start(): void;
	/** Runs batches until the outbox is empty or a publish fails; gives how many were delivered. */
	drain(): Promise<number>;
	/**
	 * Drains now, or, when a drain is running, asks it for another pass and gives `undefined`
	 * instead of waiting on it: a command that an in-process subscriber runs during a drain must
	 * not wait on the drain that is waiting on that subscriber.
	 */
	drainOrRequest(): Promise<number> | undefined;
	/** Asks for a batch now (after a commit). */
	wake(): void;
	/** Stops polling and waits for the batch in progress. */
	stop(): Promise<void>;
	/** Events delivered since start, consecutive failures, and when the next try after one is due. */
	readonly stats: { delivered: number; failures: number; retryAt?: string };
}

/**
 * Creates the outbox relay: after commit it publishes pending events in commit order per
 * stream, at least once, marks them delivered, and retries with exponential backoff when the
 * bus is down. Its only state is the outbox table, so it survives restarts; on PostgreSQL,
 * relays on several nodes share the outbox (`FOR UPDATE SKIP LOCKED`).
 *
 * @example
 * const relay = createOutboxRelay({ outbox: stores.outbox, publisher: bus, onCommit: stores.onCommit });
 * relay.start();
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
	const logger = options.logger ?? silentLogger;
	const batchSize = options.batchSize ?? 100;
	const pollMs = options.pollMs ?? 250;
	const baseBackoff = options.backoffMs ?? 100;
	const maxBackoff = options.maxBackoffMs ?? 10_000;
	const clock = options.clock ?? (() => new Date());
	const { tracer } = options;
	const stats: OutboxRelay['stats'] = { delivered: 0, failures: 0 };
	let running = false;
	let timer: NodeJS.Timeout | undefined;
	let current: Promise<number> | undefined;
	let again = false;
	let unsubscribe: (() => void) | undefined;

	const publishOne = (envelope: EventEnvelope) =>
		tracer === undefined
			? options.publisher.publish(envelope)
			: tracePublish(tracer, envelope, () => options.publisher.publish(envelope));

	/**
	 * Issues every publish of the batch, then settles every acknowledgement: the delivered
	 * prefix ends at the first failure. The events after it are published again with it later
	 * (the bus drops what it already stored by event id), so after such a failure a subscriber
	 * may see a later event before the one that failed.
	 */
	const publishPipelined = async (events: readonly PendingEvent[]) => {
		// Settled together: a later acknowledgement failing while an earlier one is awaited
		// must not be an unhandled rejection.
		const acks = await Promise.allSettled(events.map((event) => publishOne(event.envelope)));
		const failed = acks.findIndex((ack) => ack.status === 'rejected');
		if (failed === -1) return { delivered: acks.length };
		return { delivered: failed, error: (acks[failed] as PromiseRejectedResult).reason as unknown };
	};

	const publishBatch = async (events: readonly PendingEvent[]) => {
		if (options.publisher.pipelined === true) return publishPipelined(events);
		let delivered = 0;
		for (const event of events) {
			try {
				await publishOne(event.envelope);
			} catch (error) {
				return { delivered, error };
			}
			delivered++;
		}
		return { delivered };
	};

	/** One pass: batches until empty or a failure (which throws). */
	const pass = async (): Promise<number> => {
		let total = 0;
		for (;;) {
			let failure: unknown;
			const delivered = await options.outbox.deliverBatch(
				batchSize,
				async (events) => {
					const result = await publishBatch(events);
					if (result.error !== undefined) failure = result.error;
					return result;
				},
				clock,
			);
			total += delivered;
			stats.delivered += delivered;
			if (failure !== undefined) throw failure;
			if (delivered === 0) return total;
		}
	};

	const drain = (): Promise<number> => {
		if (current) {
			again = true;
			return current;
		}
		current = (async () => {
			try {
				let total = 0;
				do {
					again = false;
					total += await pass();
				} while (again);
				stats.failures = 0;
				delete stats.retryAt;
				return total;
			} finally {
				current = undefined;
			}
		})();
		return current;
	};

	const schedule = (ms: number) => {
		if (!running) return;
		clearTimeout(timer);
		timer = setTimeout(tick, ms);
		timer.unref?.();
	};

	const tick = () => {
		drain().then(
			() => schedule(pollMs),
			(error: unknown) => {
				stats.failures++;
				const delay = Math.min(maxBackoff, baseBackoff * 2 ** (stats.failures - 1));
				stats.retryAt = new Date(clock().getTime() + delay).toISOString();
				logger.warn(
					{
						error: error instanceof Error ? error.message : String(error),
						retryInMs: delay,
						failures: stats.failures,
					},
					'outbox relay could not publish; retrying',
				);
				schedule(delay);
			},
		);
	};

	return {
		stats,
		start() {
			if (running) return;
			running = true;
			unsubscribe = options.onCommit?.(() => this.wake());
			schedule(0);
		},
		drain,
		drainOrRequest() {
			if (!current) return drain();
			again = true;
			return undefined;
		},
		wake() {
			// During a backoff, a commit must not hammer a bus that is down.
			if (!running || stats.failures > 0) return;
			if (current) again = true;
			else schedule(0);
		},
		async stop() {
			running = false;
			clearTimeout(timer);
			unsubscribe?.();
			await current?.catch(() => {});
		},
	};
}
