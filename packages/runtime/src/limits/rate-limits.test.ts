import { describe, expect, it } from 'vitest';
import { Touch } from '../../../../test-support/touch-contract.ts';
import { bearerTokenProvider } from '../context/bearer-token-provider.ts';
import { createExecutor } from '../executor/create-executor.ts';
import { implement } from '../executor/implement.ts';
import { silentLogger } from '../logging/logger.ts';
import { createMemoryStores } from '../stores/memory/memory-stores.ts';
import type { RateLimits } from './rate-limits.ts';

function executorWith(rateLimits?: RateLimits) {
	const stores = createMemoryStores();
	const executor = createExecutor({
		bindings: [implement(Touch, (input) => ({ id: input.id }))],
		contextProvider: bearerTokenProvider({ tokens: { ada: { id: 'ada' }, bob: { id: 'bob' } } }),
		stores,
		logger: silentLogger,
		...(rateLimits ? { rateLimits } : {}),
	});
	const call = (clientAddress: string, token?: string) =>
		executor.execute({
			operation: 'demo.thing.touch',
			input: { id: 'x' },
			metadata: {
				clientAddress,
				headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
			},
		});
	return { executor, stores, call };
}
const codeOf = (r: Awaited<ReturnType<ReturnType<typeof executorWith>['call']>>) =>
	r.ok ? 'OK' : r.problem.code;

describe('rate limits', () => {
	it('per address, bad tokens included: past the limit RATE_LIMITED (429) with retryAfter', async () => {
		const { call } = executorWith({ perAddress: { limit: 3, windowMs: 60_000 } });
		const codes = [];
		for (const token of ['ada', 'nope', undefined, 'ada'])
			codes.push(codeOf(await call('10.0.0.1', token)));
		expect(codes).toEqual(['OK', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
		const refused = await call('10.0.0.1', 'ada');
		expect(refused.ok ? undefined : refused.problem).toMatchObject({ status: 429 });
		expect(refused.ok ? 0 : refused.problem.retryAfter).toBeGreaterThanOrEqual(59);
		expect(codeOf(await call('10.0.0.2', 'ada'))).toBe('OK');
	});

	it('per principal, whatever the address; an operation may have its own rule', async () => {
		const { call } = executorWith({
			perPrincipal: { limit: 100, windowMs: 60_000 },
			operations: { 'demo.thing.touch': { perPrincipal: { limit: 2, windowMs: 1000 } } },
		});
		const codes = [];
		for (const address of ['a', 'b', 'c']) codes.push(codeOf(await call(address, 'ada')));
		expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED']);
		expect(codeOf(await call('a', 'bob'))).toBe('OK');
	});

	it('none by default', async () => {
		const { call } = executorWith();
		for (let i = 0; i < 50; i++) expect(codeOf(await call('10.0.0.1', 'ada'))).toBe('OK');
	});
});

describe('audit of anonymous refusals', () => {
	it('10,000 anonymous and 10,000 bad-token calls write a bounded number of audit rows', async () => {
		const { stores, call } = executorWith();
		for (let i = 0; i < 10_000; i++) await call('10.0.0.1');
		for (let i = 0; i < 10_000; i++) await call('10.0.0.1', 'nope');
		const rows = await stores.audit.list({});
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.length).toBeLessThanOrEqual(2);
		// A signed-in caller's refusals and successes are each audited.
		await call('10.0.0.1', 'ada');
		expect((await stores.audit.list({})).length).toBe(rows.length + 1);
	});
});
