import type { Meter } from '@opentelemetry/api';

/** One finished operation call, as metrics see it (labels of bounded cardinality only). */
export interface ObservedCall {
	/** The operation key. */
	readonly operation: string;
	readonly version: string;
	/** The transport (`rest`, `graphql`, `mcp`, `cli`...), `unknown` when it did not say. */
	readonly surface: string;
	/** `ok`, or the problem code (`UNAUTHENTICATED`, `RATE_LIMITED`, `INTERNAL`...). */
	readonly outcome: string;
	/** The HTTP status the caller was answered: the success's (200, 201, 204...) or the problem's. */
	readonly status: number;
	readonly durationMs: number;
	/** True when an idempotency key replayed a stored result. */
	readonly replayed: boolean;
}

/**
 * Receives every call of an executor that has one (`ExecutorOptions.metrics`): a Prometheus
 * registry (`createPrometheusMetrics` in `@charter/server`), OpenTelemetry metrics
 * (`openTelemetryCallMetrics`), or both. An unknown operation is not recorded (its name is
 * the caller's to choose, an unbounded label).
 */
export interface CallMetrics {
	record(call: ObservedCall): void;
}

/** Feeds several recorders. */
export function allCallMetrics(...recorders: readonly CallMetrics[]): CallMetrics {
	return {
		record(call) {
			for (const recorder of recorders) recorder.record(call);
		},
	};
}

/**
 * Records calls as OpenTelemetry metrics through `@opentelemetry/api`: the counter
 * `charter.calls`, the histogram `charter.call.duration` (seconds), and the counters
 * `charter.idempotency.replays` and `charter.rate_limit.refusals`. The meter provider (and
 * its exporter) is the application's choice.
 *
 * @example
 * createExecutor({ ..., metrics: openTelemetryCallMetrics(metrics.getMeter('@charter/runtime')) });
 */
export function openTelemetryCallMetrics(meter: Meter): CallMetrics {
	const calls = meter.createCounter('charter.calls', { description: 'Operation calls' });
	const duration = meter.createHistogram('charter.call.duration', {
		description: 'Duration of operation calls',
		unit: 's',
	});
	const replays = meter.createCounter('charter.idempotency.replays', {
		description: 'Calls answered from a stored idempotent result',
	});
	const refusals = meter.createCounter('charter.rate_limit.refusals', {
		description: 'Calls refused by a rate limit',
	});
	return {
		record(call) {
			const attributes = {
				'charter.operation': call.operation,
				'charter.surface': call.surface,
				'charter.outcome': call.outcome,
			};
			calls.add(1, attributes);
			duration.record(call.durationMs / 1000, attributes);
			if (call.replayed) replays.add(1, { 'charter.operation': call.operation });
			if (call.outcome === 'RATE_LIMITED') {
				refusals.add(1, { 'charter.operation': call.operation, 'charter.surface': call.surface });
			}
		},
	};
}
