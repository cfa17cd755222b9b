import type { Server } from 'node:http';
import { bearerTokenProvider, createExecutor, implement, silentLogger } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Touch } from '../../../../test-support/touch-contract.ts';
import { createRestServer } from './node-server.ts';

describe('429 on REST with Retry-After', () => {
	let server: Server;
	let url: string;
	beforeAll(async () => {
		const executor = createExecutor({
			bindings: [implement(Touch, (input) => ({ id: input.id }))],
			contextProvider: bearerTokenProvider({ tokens: { ada: { id: 'ada' } } }),
			logger: silentLogger,
			rateLimits: { perAddress: { limit: 1, windowMs: 30_000 } },
		});
		const rest = createRestServer(executor);
		server = rest.server;
		url = (await rest.listen(0)).url;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	it('counts calls by the socket address and answers a RATE_LIMITED problem', async () => {
		const send = () =>
			fetch(`${url}/v1/demo/thing/touch`, {
				method: 'POST',
				headers: { authorization: 'Bearer ada', 'content-type': 'application/json' },
				body: '{"id":"x"}',
			});
		expect((await send()).status).toBe(200);
		const refused = await send();
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
	});
});
