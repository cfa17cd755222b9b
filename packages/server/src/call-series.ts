import type { ObservedCall } from '@charter/runtime';

/** The calls of one operation, surface and outcome: how many, their total and bucketed duration. */
export interface CallSeriesData {
	readonly labels: {
		readonly operation: string;
		readonly surface: string;
		readonly outcome: string;
	};
	count: number;
	/** Seconds. */
	sum: number;
	/** Calls per bucket (not cumulative): `perBucket[i]` counts durations in (bound i-1, bound i]. */
	readonly perBucket: Float64Array;
}

/**
 * The calls an executor reports, counted per label set by plain additions: a call finds its
 * series through three map lookups (no label object, no hashing, no validation) and adds to
 * it. prom-client reads the totals only when scraped (`callCounter`, `callHistogram`), so a
 * call pays a few nanoseconds instead of a labelled counter's and histogram's bookkeeping.
 */
export class CallSeries {
	readonly #byOperation = new Map<string, Map<string, Map<string, CallSeriesData>>>();
	readonly #all: CallSeriesData[] = [];

	/** @param bounds The histogram's bucket upper bounds in seconds, ascending. */
	constructor(readonly bounds: readonly number[]) {}

	record(call: ObservedCall): void {
		const seconds = call.durationMs / 1000;
		const series = this.#series(call.operation, call.surface, call.outcome);
		series.count += 1;
		series.sum += seconds;
		const { bounds } = this;
		let i = 0;
		while (i < bounds.length && seconds > bounds[i]!) i++;
		// Past the last bound, a duration counts only in +Inf (the count).
		if (i < bounds.length) series.perBucket[i]! += 1;
	}

	/** Every series recorded so far, in the order they first appeared. */
	all(): readonly CallSeriesData[] {
		return this.#all;
	}

	/** Forgets every series (prom-client's `registry.resetMetrics()`). */
	reset(): void {
		this.#byOperation.clear();
		this.#all.length = 0;
	}

	#series(operation: string, surface: string, outcome: string): CallSeriesData {
		let bySurface = this.#byOperation.get(operation);
		if (bySurface === undefined) {
			bySurface = new Map();
			this.#byOperation.set(operation, bySurface);
		}
		let byOutcome = bySurface.get(surface);
		if (byOutcome === undefined) {
			byOutcome = new Map();
			bySurface.set(surface, byOutcome);
		}
		let series = byOutcome.get(outcome);
		if (series === undefined) {
			series = {
				labels: { operation, surface, outcome },
				count: 0,
				sum: 0,
				perBucket: new Float64Array(this.bounds.length),
			};
			byOutcome.set(outcome, series);
			this.#all.push(series);
		}
		return series;
	}
}

/** A sample as prom-client's registry writes it. */
interface Sample {
	readonly metricName: string;
	readonly labels: Readonly<Record<string, string | number>>;
	readonly sharedLabels?: Readonly<Record<string, string>>;
	readonly value: number;
}

/**
 * The duration histogram of the call series, as a metric prom-client's `Registry` serves
 * (`registerMetric`: name, help, type and `get()`, like its own metrics): the same text as a
 * prom-client `Histogram` with the labels `operation`, `surface`, `outcome` (`_bucket` with
 * `le` first, `_sum`, `_count`).
 */
export function callHistogram(series: CallSeries, name: string, help: string) {
	const read = () => {
		const values: Sample[] = [];
		for (const s of series.all()) {
			let cumulative = 0;
			for (let i = 0; i < series.bounds.length; i++) {
				cumulative += s.perBucket[i]!;
				values.push({
					metricName: `${name}_bucket`,
					labels: { le: series.bounds[i]! },
					sharedLabels: s.labels,
					value: cumulative,
				});
			}
			values.push({
				metricName: `${name}_bucket`,
				labels: { le: '+Inf' },
				sharedLabels: s.labels,
				value: s.count,
			});
			values.push({ metricName: `${name}_sum`, labels: {}, sharedLabels: s.labels, value: s.sum });
			values.push({
				metricName: `${name}_count`,
				labels: {},
				sharedLabels: s.labels,
				value: s.count,
			});
		}
		return { name, help, type: 'histogram', values, aggregator: 'sum' };
	};
	return {
		name,
		help,
		type: 'histogram',
		aggregator: 'sum',
		/** For the text exposition: bucket labels apart from the series' (le first). */
		getForPromString: async () => read(),
		/** For `getMetricsAsJSON`: every sample's labels in one object. */
		get: async () => {
			const data = read();
			return {
				...data,
				values: data.values.map(({ labels, sharedLabels, metricName, value }) => ({
					metricName,
					value,
					labels: { ...labels, ...sharedLabels },
				})),
			};
		},
		reset() {
			series.reset();
		},
	};
}
