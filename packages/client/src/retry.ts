import type { RetryOptions } from './client-types.ts';

/** Statuses worth another attempt: the server or a proxy says it could not answer now. */
const RETRYABLE = new Set([408, 429, 502, 503, 504]);

/** The retry settings of one call, or `undefined` when it must not be retried. */
export interface RetryPolicy {
	readonly retries: number;
	readonly minDelayMs: number;
	readonly maxDelayMs: number;
}

/**
 * Retries only what is safe to send twice: a GET (queries), or a call carrying an
 * `Idempotency-Key` (the server answers a repeat with the first outcome).
 */
export function retryPolicy(
	route: { readonly method: string },
	headers: Readonly<Record<string, string>>,
	options: RetryOptions | false | undefined,
): RetryPolicy | undefined {
	if (options === false) return undefined;
	const idempotent =
		route.method === 'GET' ||
		route.method === 'HEAD' ||
		Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key');
	if (!idempotent) return undefined;
	const retries = options?.retries ?? 2;
	return retries > 0
		? { retries, minDelayMs: options?.minDelayMs ?? 100, maxDelayMs: options?.maxDelayMs ?? 2000 }
		: undefined;
}

/**
 * How long to wait before retry `attempt + 1`, or `undefined` to stop: the answer is final (a
 * success or an error that another attempt will not change), or its `Retry-After` asks for a
 * longer wait than the policy allows. Without `Retry-After`: exponential backoff, full jitter.
 */
export function backoff(
	policy: RetryPolicy,
	attempt: number,
	response: Response | undefined,
	random: () => number = Math.random,
): number | undefined {
	if (response && !RETRYABLE.has(response.status)) return undefined;
	const asked = response ? retryAfterMs(response.headers.get('retry-after')) : undefined;
	if (asked !== undefined) return asked <= policy.maxDelayMs ? asked : undefined;
	const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
	return Math.floor(random() * ceiling);
}

/** `Retry-After` in milliseconds: delta seconds or an HTTP date. */
function retryAfterMs(value: string | null): number | undefined {
	if (value === null || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the caller's abort or the deadline). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const done = () => {
			signal?.removeEventListener('abort', abort);
			resolve();
		};
		const timer = setTimeout(done, ms);
		const abort = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		signal?.addEventListener('abort', abort, { once: true });
	});
}
