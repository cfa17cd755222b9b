import {
	CharterConfigError,
	createProblem,
	type Logger,
	ProblemSignal,
	type RateLimitHit,
	type RateLimitStore,
	silentLogger,
} from '@charter/runtime';

/** How to reach the Redis that several nodes share their rate-limit counts in. */
export interface RedisRateLimitStoreOptions {
	/** `redis://[user:password@]host:6379[/db]` (or `rediss://` for TLS). */
	readonly url: string;
	/** Prefix of every key (`charter:rate:` by default), so several apps can share one Redis. */
	readonly prefix?: string;
	/** How long a count may take before the call is answered 503 (500 ms by default). */
	readonly commandTimeoutMs?: number;
	/**
	 * With Redis unreachable, let calls through uncounted (`true`) instead of answering them
	 * 503 `UNAVAILABLE` with `Retry-After` (the default: an unavailable dependency is a 503).
	 */
	readonly failOpen?: boolean;
	readonly logger?: Logger;
}

/** A rate-limit store in Redis; `close()` ends its connection. */
export interface RedisRateLimitStore extends RateLimitStore {
	close(): Promise<void>;
}

/**
 * One atomic round trip per count: the first call of a window sets its expiry, so the key
 * is the window and Redis forgets it when the window ends (no sweeping, bounded memory).
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

type HitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

/**
 * Opens a rate-limit store in Redis, so a limit holds across every node that shares it
 * (fixed windows, counted atomically by a Lua script). Connects before resolving: an
 * unreachable Redis at start is a `CHARTER_RATE_LIMIT_STORE_UNREACHABLE` error, not a hang. `ioredis` is an
 * optional peer dependency, loaded only here.
 *
 * @example
 * const store = await createRedisRateLimitStore({ url: 'redis://127.0.0.1:6379' });
 * const executor = createExecutor({ bindings, rateLimits: { ...DEFAULT_RATE_LIMITS, store } });
 */
export async function createRedisRateLimitStore(
	options: RedisRateLimitStoreOptions,
): Promise<RedisRateLimitStore> {
	const logger = options.logger ?? silentLogger;
	const prefix = options.prefix ?? 'charter:rate:';
	const { Redis } = await import('ioredis');
	const redis = new Redis(options.url, {
		lazyConnect: true,
		// Fail calls at once while disconnected rather than queue them behind a reconnect.
		enableOfflineQueue: false,
		maxRetriesPerRequest: 0,
		commandTimeout: options.commandTimeoutMs ?? 500,
		connectTimeout: 2_000,
		retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
	});
	let lastLogged = 0;
	redis.on('error', (error: Error) => {
		const now = Date.now();
		if (now - lastLogged < 10_000) return;
		lastLogged = now;
		logger.warn({ error: error.message }, 'rate-limit store: Redis unreachable');
	});
	redis.defineCommand('charterRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
	const hitCommand = (redis as unknown as { charterRateHit: HitCommand }).charterRateHit.bind(
		redis,
	);
	try {
		await redis.connect();
	} catch (error) {
		redis.disconnect();
		throw new CharterConfigError(
			'CHARTER_RATE_LIMIT_STORE_UNREACHABLE',
			'rate-limit store',
			`cannot reach Redis at ${redactedUrl(options.url)}: ${(error as Error).message}`,
		);
	}
	return {
		async hit(key, windowMs): Promise<RateLimitHit> {
			try {
				const [count, ttl] = await hitCommand(`${prefix}${windowMs}:${key}`, windowMs);
				return { count, resetMs: ttl };
			} catch (error) {
				if (options.failOpen) return { count: 0, resetMs: windowMs };
				logger.debug({ error: (error as Error).message }, 'rate-limit store: count failed');
				throw new ProblemSignal(
					createProblem('UNAVAILABLE', {
						detail: 'the rate-limit store is unavailable; retry later',
						retryAfter: 1,
					}),
				);
			}
		},
		async close() {
			await redis.quit().catch(() => redis.disconnect());
		},
	};
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'an unparsable URL';
	}
}
