import type { NatsBusOptions } from '@charter/nats';
import {
	CharterConfigError,
	createEventBus,
	createOutboxRelay,
	type EventBus,
	type Logger,
	type OutboxRelay,
	type OutboxRelayOptions,
	silentLogger,
	type Tracer,
} from '@charter/runtime';
import { createStores, type SqlStores, type StoreOptions } from '@charter/sql';

/** Where state and events live. */
export interface DurableRuntimeOptions extends StoreOptions {
	/** `nats://host:4222` for NATS JetStream; in-process when absent. */
	readonly busUrl?: string;
	readonly nats?: Omit<NatsBusOptions, 'url' | 'logger'>;
	readonly relay?: Pick<OutboxRelayOptions, 'batchSize' | 'pollMs' | 'backoffMs' | 'maxBackoffMs'>;
	readonly logger?: Logger;
	/** Traces the relay's publishes and the bus's deliveries (see `createExecutor`'s `tracer`). */
	readonly tracer?: Tracer;
}

/** Stores, bus and a running relay: pass `stores` and `bus` to `createExecutor`. */
export interface DurableRuntime {
	readonly stores: SqlStores;
	readonly bus: EventBus;
	readonly relay: OutboxRelay;
	/** Stops the relay, then closes the bus and the database. */
	close(): Promise<void>;
}

/**
 * Opens the durable runtime: SQL stores by URL (migrated), the event bus (NATS JetStream for a
 * `nats://` URL, in-process otherwise) and the outbox relay between them, started.
 *
 * @example
 * const runtime = await createDurableRuntime({ url: 'postgres://db/app', busUrl: 'nats://nats:4222' });
 * const executor = createExecutor({ bindings, stores: runtime.stores, bus: runtime.bus });
 */
export async function createDurableRuntime(
	options: DurableRuntimeOptions = {},
): Promise<DurableRuntime> {
	const logger = options.logger ?? silentLogger;
	const stores = await createStores(options);
	let bus: EventBus & { close?: () => Promise<void> };
	try {
		const { tracer } = options;
		if (options.busUrl === undefined)
			bus = createEventBus({ logger, ...(tracer ? { tracer } : {}) });
		else if (/^nats:\/\//i.test(options.busUrl)) {
			// Loaded on demand: a project without NATS need not install the driver.
			const { createNatsBus } = await import('@charter/nats');
			bus = await createNatsBus({
				...options.nats,
				url: options.busUrl,
				logger,
				...(tracer ? { tracer } : {}),
			});
		} else {
			throw new CharterConfigError('CHARTER_INVALID_OPTION', 'busUrl', 'expected a nats:// URL');
		}
	} catch (error) {
		await stores.close();
		throw error;
	}
	const relay = createOutboxRelay({
		...options.relay,
		outbox: stores.outbox,
		publisher: bus,
		onCommit: stores.onCommit,
		logger,
		...(options.tracer ? { tracer: options.tracer } : {}),
	});
	relay.start();
	return {
		stores,
		bus,
		relay,
		async close() {
			await relay.stop();
			await bus.close?.();
			await stores.close();
		},
	};
}
