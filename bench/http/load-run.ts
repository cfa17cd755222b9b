import autocannon from 'autocannon';

/** How hard and how long to load a server. */
export interface LoadOptions {
	readonly connections: number;
	readonly warmupSeconds: number;
	readonly seconds: number;
}

/** What one measured load run gave. */
export interface LoadResult {
	/** Mean requests per second over the measured seconds. */
	readonly rps: number;
	/** Standard deviation of the per-second request counts, as % of the mean. */
	readonly rme: number;
	readonly p99Ms: number;
	readonly requests: number;
	/** Server CPU time per request in µs, when the server's CPU time could be read. */
	readonly cpuMicrosPerRequest?: number;
}

/** One request shape, sent over and over. */
export interface LoadRequest {
	readonly url: string;
	readonly headers: Record<string, string>;
	readonly body: string;
}

function fire(request: LoadRequest, connections: number, seconds: number) {
	return autocannon({
		url: request.url,
		method: 'POST',
		headers: request.headers,
		body: request.body,
		connections,
		duration: seconds,
	});
}

/**
 * Warms a server up, then measures it. Throws when any response was not 2xx or any
 * request failed: a fast error path must not pass for a fast server.
 */
export async function loadServer(
	request: LoadRequest,
	options: LoadOptions,
	cpuMs: () => number | undefined = () => undefined,
): Promise<LoadResult> {
	if (options.warmupSeconds > 0) await fire(request, options.connections, options.warmupSeconds);
	const cpuBefore = cpuMs();
	const result = await fire(request, options.connections, options.seconds);
	const cpuAfter = cpuMs();
	const failures = result.non2xx + result.errors + result.timeouts;
	if (failures > 0) {
		throw new Error(
			`${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`,
		);
	}
	return {
		rps: result.requests.average,
		rme: result.requests.average > 0 ? (result.requests.stddev / result.requests.average) * 100 : 0,
		p99Ms: result.latency.p99,
		requests: result.requests.total,
		...(cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
			? { cpuMicrosPerRequest: ((cpuAfter - cpuBefore) * 1000) / result.requests.total }
			: {}),
	};
}
