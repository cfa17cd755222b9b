import { randomBytes } from 'node:crypto';
import {
	bearerTokenProvider,
	CharterConfigError,
	createExecutor,
	implement,
	type RateLimitStore,
	silentLogger,
} from '@charter/runtime';
import { createRedisRateLimitStore, type RedisRateLimitStore } from '@charter/server';
import { afterAll, describe, expect, it } from 'vitest';
import { announceSkip, REDIS_URL } from '../../../../test-support/durable/store-targets.ts';
import { startTcpProxy } from '../../../../test-support/durable/tcp-proxy.ts';
import { Touch } from '../../../../test-support/touch-contract.ts';

announceSkip('CHARTER_TEST_REDIS_URL', 'Redis rate-limit store');

/** One node: its own executor, counting in `store`. */
function node(store: RateLimitStore) {
	const executor = createExecutor({
		bindings: [implement(Touch, (input) => ({ id: input.id }))],
		contextProvider: bearerTokenProvider({ tokens: { ada: { id: 'ada' } } }),
		logger: silentLogger,
		rateLimits: { perAddress: { limit: 5, windowMs: 60_000 }, store },
	});
	return async (address: string) => {
		const result = await executor.execute({
			operation: 'demo.thing.touch',
			input: { id: 'x' },
			metadata: { clientAddress: address, headers: { authorization: 'Bearer ada' } },
		});
		return result.ok ? { code: 'OK' } : result.problem;
	};
}

const opened: RedisRateLimitStore[] = [];
afterAll(async () => {
	for (const store of opened) await store.close();
});
async function open(url: string, prefix: string) {
	const store = await createRedisRateLimitStore({ url, prefix });
	opened.push(store);
	return store;
}
const freshPrefix = () => `charter-test:${randomBytes(4).toString('hex')}:`;

describe.skipIf(!REDIS_URL)('Redis rate-limit store', () => {
	it('holds one limit across two nodes: the sixth call, on either node, is 429 with retryAfter', async () => {
		const prefix = freshPrefix();
		const a = node(await open(REDIS_URL!, prefix));
		const b = node(await open(REDIS_URL!, prefix));
		const codes = [];
		for (const call of [a, b, a, b, a]) codes.push((await call('10.1.1.1')).code);
		expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
		const refused = await b('10.1.1.1');
		expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
		expect((refused as { retryAfter?: number }).retryAfter).toBeGreaterThanOrEqual(59);
		expect((await a('10.1.1.1')).code).toBe('RATE_LIMITED');
		// Another address has its own window.
		expect((await b('10.1.1.2')).code).toBe('OK');
	});

	it('counts concurrent calls atomically: 40 at once on two nodes let exactly 5 through', async () => {
		const prefix = freshPrefix();
		const a = node(await open(REDIS_URL!, prefix));
		const b = node(await open(REDIS_URL!, prefix));
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b)('10.2.2.2')),
		);
		expect(results.filter((r) => r.code === 'OK')).toHaveLength(5);
		expect(results.filter((r) => r.code === 'RATE_LIMITED')).toHaveLength(35);
	});

	it('a window ends: Redis forgets the key after windowMs', async () => {
		const store = await open(REDIS_URL!, freshPrefix());
		expect(await store.hit('k', 150)).toMatchObject({ count: 1 });
		expect((await store.hit('k', 150)).count).toBe(2);
		await new Promise((r) => setTimeout(r, 250));
		expect((await store.hit('k', 150)).count).toBe(1);
	});

	it('with Redis gone mid-way, calls are 503 UNAVAILABLE with Retry-After, and count again once it is back', async () => {
		const url = new URL(REDIS_URL!);
		const proxy = await startTcpProxy(url.hostname, Number(url.port || 6379));
		try {
			const store = await open(`redis://127.0.0.1:${proxy.port}`, freshPrefix());
			const call = node(store);
			expect((await call('10.3.3.3')).code).toBe('OK');
			await proxy.cut();
			expect(await call('10.3.3.3')).toMatchObject({
				code: 'UNAVAILABLE',
				status: 503,
				retryAfter: 1,
			});
			await proxy.restore();
			await expect.poll(async () => (await call('10.3.3.3')).code, { timeout: 10_000 }).toBe('OK');
		} finally {
			await proxy.close();
		}
	});
});

describe('Redis rate-limit store, unreachable at start', () => {
	it('fails fast with CHARTER_RATE_LIMIT_STORE_UNREACHABLE, naming the URL without its password', async () => {
		const started = Date.now();
		const error = await createRedisRateLimitStore({
			url: 'redis://:secret@127.0.0.1:1',
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CharterConfigError);
		expect(error).toMatchObject({ code: 'CHARTER_RATE_LIMIT_STORE_UNREACHABLE' });
		expect(String((error as Error).message)).not.toContain('secret');
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});
