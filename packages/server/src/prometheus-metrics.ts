import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import {
	bearerTokenOf,
	type CallMetrics,
	type OutboxRelay,
	type SubscriberCount,
} from '@charter/runtime';
import { type RuntimeStats, readRuntimeStats, type SqlStores } from '@charter/sql';
import type { Registry } from 'prom-client';
import { CallSeries, callHistogram } from './call-series.ts';

/** What the Prometheus metrics read besides the calls: each part is optional. */
export interface PrometheusMetricsOptions {
	/** The SQL stores: outbox backlog, relay lag, in-flight idempotency keys. */
	readonly stores?: SqlStores;
	/** The outbox relay: events delivered, consecutive failures. */
	readonly relay?: OutboxRelay;
	/** A bus from `countSubscribers`: subscriptions and listeners per event. */
	readonly bus?: { subscriberCounts(): readonly SubscriberCount[] };
	/** Also export Node's process metrics (CPU, memory, event loop lag); true by default. */
	readonly processMetrics?: boolean;
	/** Metric name prefix; `charter_` by default. */
	readonly prefix?: string;
}

/** A Prometheus registry fed by an executor (`metrics`) and read at each scrape. */
export interface PrometheusMetrics {
	/** Pass as `createExecutor({ metrics })`. */
	readonly metrics: CallMetrics;
	readonly registry: Registry;
	/** The Prometheus text exposition of every metric, read now. */
	scrape(): Promise<{ contentType: string; body: string }>;
}

/** Seconds: from a millisecond call to a 30 s timeout. */
const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Creates Prometheus metrics with `prom-client`: `charter_requests_total` and
 * `charter_request_duration_seconds` by operation, surface and outcome (`ok` or the problem
 * code), `charter_idempotency_replays_total`, `charter_rate_limit_refusals_total`, and, read
 * at each `scrape()`, `charter_outbox_backlog`, `charter_outbox_lag_seconds`,
 * `charter_idempotency_in_flight`, `charter_relay_delivered_total`,
 * `charter_relay_failures` and `charter_event_subscribers`.
 *
 * @example
 * const prometheus = createPrometheusMetrics({ stores, relay, bus });
 * const executor = createExecutor({ ..., metrics: prometheus.metrics });
 * mounts: [atPath('/metrics', metricsEndpoint(prometheus, { token }))]
 */
export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
	const prefix = options.prefix ?? 'charter_';
	// Loaded when metrics are asked for, not with the package: a server without them never pays for it.
	const { Counter, collectDefaultMetrics, Gauge, Registry } = createRequire(import.meta.url)(
		'prom-client',
	) as typeof import('prom-client');
	const registry = new Registry();
	const registers = [registry];
	if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
	const labels = ['operation', 'surface', 'outcome'] as const;
	// Calls are counted per label set by plain additions (CallSeries); prom-client reads the
	// totals at each scrape, the same text as its own labelled Counter and Histogram.
	const calls = new CallSeries(DURATION_BUCKETS);
	new Counter({
		name: `${prefix}requests_total`,
		help: 'Operation calls by operation, surface and outcome (ok or the problem code)',
		labelNames: labels,
		registers,
		collect() {
			this.reset();
			for (const series of calls.all()) this.inc(series.labels, series.count);
		},
	});
	registry.registerMetric(
		callHistogram(
			calls,
			`${prefix}request_duration_seconds`,
			'Duration of operation calls in seconds',
		) as unknown as Parameters<Registry['registerMetric']>[0],
	);
	const replays = new Counter({
		name: `${prefix}idempotency_replays_total`,
		help: 'Commands answered from a stored result for a repeated idempotency key',
		labelNames: ['operation'],
		registers,
	});
	const refusals = new Counter({
		name: `${prefix}rate_limit_refusals_total`,
		help: 'Calls refused by a rate limit (429)',
		labelNames: ['operation', 'surface'],
		registers,
	});
	const { stores, relay, bus } = options;
	// The stores are read once per scrape, before the registry collects.
	let stats: RuntimeStats | undefined;
	if (stores) {
		new Gauge({
			name: `${prefix}outbox_backlog`,
			help: 'Events committed and not yet published',
			registers,
			collect() {
				// NaN (unknown) when the stores did not answer, never a stale value.
				this.set(stats === undefined ? Number.NaN : stats.outbox.pending);
			},
		});
		new Gauge({
			name: `${prefix}outbox_lag_seconds`,
			help: 'How long the oldest unpublished event has waited',
			registers,
			collect() {
				// NaN (unknown) when the stores did not answer, never a stale value.
				this.set(stats === undefined ? Number.NaN : stats.outbox.lagMs / 1000);
			},
		});
		new Gauge({
			name: `${prefix}idempotency_in_flight`,
			help: 'Idempotency keys claimed by a call that has not finished',
			registers,
			collect() {
				// NaN (unknown) when the stores did not answer, never a stale value.
				this.set(stats === undefined ? Number.NaN : stats.idempotency.inFlight);
			},
		});
	}
	if (relay) {
		new Gauge({
			name: `${prefix}relay_delivered_total`,
			help: 'Events the outbox relay of this node delivered since it started',
			registers,
			collect() {
				this.set(relay.stats.delivered);
			},
		});
		new Gauge({
			name: `${prefix}relay_failures`,
			help: 'Consecutive failed publish attempts of the outbox relay (0 when healthy)',
			registers,
			collect() {
				this.set(relay.stats.failures);
			},
		});
	}
	if (bus) {
		new Gauge({
			name: `${prefix}event_subscribers`,
			help: 'Consumers of this node per event and kind (subscription or listener)',
			labelNames: ['event', 'kind'],
			registers,
			collect() {
				this.reset();
				for (const count of bus.subscriberCounts()) {
					this.set({ event: count.event, kind: 'subscription' }, count.subscriptions);
					this.set({ event: count.event, kind: 'listener' }, count.listeners);
				}
			},
		});
	}
	return {
		registry,
		metrics: {
			record(call) {
				calls.record(call);
				if (call.replayed) replays.inc({ operation: call.operation });
				if (call.outcome === 'RATE_LIMITED') {
					refusals.inc({ operation: call.operation, surface: call.surface });
				}
			},
		},
		async scrape() {
			if (stores) stats = await readRuntimeStats(stores).catch(() => undefined);
			return { contentType: registry.contentType, body: await registry.metrics() };
		},
	};
}

/**
 * The `/metrics` endpoint: GET answers the Prometheus text. With a `token`, only a request
 * with `Authorization: Bearer <token>` is answered (401 otherwise); without one, serve it
 * on a port of its own that only the scraper reaches.
 */
export function metricsEndpoint(
	prometheus: PrometheusMetrics,
	options: { readonly token?: string } = {},
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
	const expected = options.token === undefined ? undefined : Buffer.from(options.token);
	return async (request, response) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		if (expected !== undefined && !bearerMatches(request.headers.authorization, expected)) {
			response.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
			return;
		}
		const { contentType, body } = await prometheus.scrape();
		response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
		response.end(request.method === 'HEAD' ? undefined : body);
	};
}

function bearerMatches(authorization: string | undefined, expected: Buffer): boolean {
	let token: string | undefined;
	try {
		token = bearerTokenOf({ headers: { authorization } });
	} catch {
		return false;
	}
	if (token === undefined) return false;
	const given = Buffer.from(token);
	return given.length === expected.length && timingSafeEqual(given, expected);
}
