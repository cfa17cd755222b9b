import { afterAll, describe, expect, test } from 'vitest';
import { killAllNodes, startServeNode } from './multi-node/serve-node.ts';

afterAll(() => killAllNodes());

describe('charter serve shutdown with an open subscription', () => {
	test('SIGTERM ends the GraphQL subscription stream politely and exits long before the drain deadline', async () => {
		const node = await startServeNode(
			'streams',
			['--db', 'sqlite::memory:', '--drain-timeout', '30000'],
			45_000,
		);
		const response = await fetch(`${node.base}/graphql`, {
			method: 'POST',
			headers: {
				authorization: 'Bearer dev-token',
				accept: 'text/event-stream',
				'content-type': 'application/json',
			},
			body: JSON.stringify({ query: 'subscription { accountDeposited { depositId amount } }' }),
		});
		expect(response.status, node.output()).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/event-stream');
		const reader = response.body!.getReader();
		let text = '';
		const ended = (async () => {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return text;
				text += new TextDecoder().decode(value);
			}
		})();
		// The stream is live: a deposit's event reaches it.
		const deposit = await fetch(`${node.base}/v1/account/deposit`, {
			method: 'POST',
			headers: { authorization: 'Bearer dev-token', 'content-type': 'application/json' },
			body: JSON.stringify({ depositId: 'd-1', accountId: 'acc-1', amount: 5 }),
		});
		expect(deposit.status).toBe(200);
		for (let i = 0; i < 100 && !text.includes('event: next'); i++)
			await new Promise((resolve) => setTimeout(resolve, 50));
		expect(text).toContain('"depositId":"d-1"');

		const started = Date.now();
		expect(await node.stop(), node.output()).toBe(0);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(await ended).toContain('the server is shutting down; reconnect\nretry: 1000');
	}, 90_000);
});
