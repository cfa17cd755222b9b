import { randomUUID } from 'node:crypto';
import {
	type AppDefinition,
	type AppInstance,
	allCallMetrics,
	type ContextProvider,
	type CountedEventBus,
	countSubscribers,
	createExecutor,
	createLogger,
	type EventBus,
	type Executor,
	type Logger,
	type LogLevel,
	type OutboxRelay,
	openTelemetryCallMetrics,
	piiFieldNames,
	type RateLimits,
	type Tracer,
} from '@charter/runtime';
import {
	createDurableRuntime,
	createPrometheusMetrics,
	createRedisRateLimitStore,
	type PrometheusMetrics,
} from '@charter/server';
import type { SqlStores } from '@charter/sql';
import type { Meter } from '@opentelemetry/api';
import type { UnimplementedMode } from '../project/config.ts';
import type { Project } from '../project/load-project.ts';
import { chooseTokenSource, type TokenSettings, type TokenSource } from './token-source.ts';

/** A running app: executor over durable stores, with the outbox relay publishing to the bus. */
export interface Host {
	readonly executor: Executor;
	readonly app: AppInstance;
	readonly stores: SqlStores;
	readonly relay: OutboxRelay;
	/** The bus, counting its subscribers (for Studio's health page). */
	readonly bus: CountedEventBus<EventBus>;
	/** The server's logger (pino), with secrets and the contracts' PII fields redacted. */
	readonly logger: Logger;
	/** Resolves principals on every surface: the app's provider, or its dev tokens. */
	readonly contextProvider: ContextProvider;
	/** Where principals come from (the app's provider, JWTs, demo tokens or none). */
	readonly tokenSource: TokenSource;
	/** True when the database had no Charter data before this start (the demo seed ran). */
	readonly seeded: boolean;
	/** The Prometheus metrics, when asked for. */
	readonly prometheus?: PrometheusMetrics;
	/** Stops the relay after flushing it, then closes the app and the stores. */
	close(): Promise<void>;
}

export interface HostOptions {
	/** Store URL (`sqlite:...`, `postgres://...`); the project's `.charter/charter.db` by default. */
	readonly db?: string;
	/** Event bus URL (`nats://...`); in-process by default. */
	readonly bus?: string;
	/** The JetStream stream (subjects `charter.<stream>.>`); `CHARTER_EVENTS` by default. */
	readonly busStream?: string;
	/** The lowest level logged (`info` by default). */
	readonly logLevel?: LogLevel;
	/** Load the app's demo data on a fresh database. */
	readonly seed?: boolean;
	/** How long a call may run (30 s by default). */
	readonly timeoutMs?: number;
	/** How long a crashed node's claim on an idempotency key blocks retries (2 x `timeoutMs` by default). */
	readonly idempotencyLeaseMs?: number;
	/** How long a completed idempotency key replays its result (24 hours by default). */
	readonly idempotencyRetentionMs?: number;
	/** Operations without a handler: refuse to start (`fail`, the default) or answer 501. */
	readonly unimplemented?: UnimplementedMode;
	/** Traces calls, relay publishes and deliveries (an OpenTelemetry tracer). */
	readonly tracer?: Tracer;
	/** Counts and times calls for Prometheus (`host.prometheus`). */
	readonly metrics?: boolean;
	/** Records calls as OpenTelemetry metrics too (the meter of a registered SDK). */
	readonly meter?: Meter;
	/** Rate limits per client address and principal; none when absent or `false`. */
	readonly rateLimits?: Omit<RateLimits, 'store'> | false;
	/** `redis://...`: count rate limits in Redis, shared by every node; in memory otherwise. */
	readonly rateLimitStore?: string;
	/** Where principals come from: JWT issuer and claims, demo tokens (`charter serve`'s settings). */
	readonly auth: TokenSettings;
}

/**
 * Opens the project's app for serving: durable stores (SQLite by default) with the app's
 * migrations, the executor with the app's handlers and dev tokens, and the outbox relay.
 */
export async function openHost(
	project: Project,
	definition: AppDefinition,
	options: HostOptions,
): Promise<Host> {
	const tokenSource = chooseTokenSource(definition, options.auth);
	const logger = createLogger({
		level: options.logLevel ?? 'info',
		redact: piiFieldNames(project.registry.events().map((e) => e.spec)),
	});
	const runtime = await createDurableRuntime({
		...(options.db ? { url: options.db } : {}),
		...(options.bus ? { busUrl: options.bus } : {}),
		...(options.busStream
			? {
					nats: {
						stream: options.busStream,
						subjectPrefix: `charter.${options.busStream.toLowerCase()}`,
					},
				}
			: {}),
		baseDir: project.root,
		migrations: definition.migrations ?? [],
		logger,
		...(options.tracer ? { tracer: options.tracer } : {}),
	});
	const { stores, relay } = runtime;
	const bus = countSubscribers(runtime.bus);
	const prometheus = options.metrics ? createPrometheusMetrics({ stores, relay, bus }) : undefined;
	const recorders = [
		...(prometheus ? [prometheus.metrics] : []),
		...(options.meter ? [openTelemetryCallMetrics(options.meter)] : []),
	];
	const callMetrics = recorders.length > 1 ? allCallMetrics(...recorders) : recorders[0];
	// Whatever fails from here (the app, an invalid executor option) closes what was opened:
	// a database connection or a bus left open would keep the process alive.
	let app: Awaited<ReturnType<AppDefinition['create']>> | undefined;
	let rateStore: Awaited<ReturnType<typeof createRedisRateLimitStore>> | undefined;
	try {
		if (options.rateLimits && options.rateLimitStore !== undefined)
			rateStore = await createRedisRateLimitStore({ url: options.rateLimitStore, logger });
		const fresh = (await stores.audit.list({ limit: 1 })).length === 0;
		const created = await definition.create({
			stores,
			clock: () => new Date(),
			newId: (prefix = 'id') => `${prefix}-${randomUUID()}`,
		});
		app = created;
		const contextProvider = tokenSource.provider;
		const executor = createExecutor({
			contracts: project.registry,
			bindings: created.bindings,
			...(created.middleware ? { middleware: created.middleware } : {}),
			deciders: created.deciders ?? {},
			contextProvider,
			stores,
			bus,
			logger,
			serveUnimplemented: options.unimplemented === '501',
			...(options.tracer ? { tracer: options.tracer } : {}),
			...(callMetrics ? { metrics: callMetrics } : {}),
			...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
			...(options.idempotencyLeaseMs !== undefined
				? { idempotencyLeaseMs: options.idempotencyLeaseMs }
				: {}),
			...(options.idempotencyRetentionMs !== undefined
				? { idempotencyRetentionMs: options.idempotencyRetentionMs }
				: {}),
			...(options.rateLimits
				? { rateLimits: { ...options.rateLimits, ...(rateStore ? { store: rateStore } : {}) } }
				: {}),
		});
		const seeded = fresh && options.seed !== false && created.seed !== undefined;
		if (seeded) await created.seed?.();
		return {
			executor,
			app: created,
			stores,
			relay,
			bus,
			logger,
			contextProvider,
			tokenSource,
			seeded,
			...(prometheus ? { prometheus } : {}),
			async close() {
				await relay.drain().catch(() => 0);
				await created.close?.();
				await rateStore?.close();
				await runtime.close();
			},
		};
	} catch (error) {
		await app?.close?.();
		await rateStore?.close();
		await runtime.close();
		throw error;
	}
}
