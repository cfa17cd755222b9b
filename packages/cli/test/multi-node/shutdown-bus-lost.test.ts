import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { startTcpProxy } from '../../../../test-support/durable/tcp-proxy.ts';
import { killAllNodes, startServeNode } from './serve-node.ts';

const NATS_URL = process.env.CHARTER_TEST_NATS_URL;
if (!NATS_URL)
	console.warn('[skipped] SIGTERM with NATS lost: set CHARTER_TEST_NATS_URL to run it');

afterAll(() => killAllNodes());

describe.skipIf(!NATS_URL)('charter serve with its NATS bus lost', () => {
	test('SIGTERM still ends the process within seconds', async () => {
		const nats = new URL(NATS_URL!);
		const proxy = await startTcpProxy(nats.hostname, Number(nats.port || 4222));
		try {
			const node = await startServeNode('lost-bus', [
				'--db',
				'sqlite::memory:',
				'--bus',
				`nats://127.0.0.1:${proxy.port}`,
				'--bus-stream',
				`CHARTER_LOST_${randomBytes(4).toString('hex').toUpperCase()}`,
				'--drain-timeout',
				'2000',
			]);
			await proxy.cut();
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const started = Date.now();
			const code = await Promise.race([
				node.stop(),
				new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000)),
			]);
			expect(code, node.output()).toBe(0);
			expect(node.output()).toMatch(/stopped/);
			// The bus closed its client: the exit guard of charter serve was not needed.
			expect(node.output()).not.toMatch(/still open/);
			expect(Date.now() - started).toBeLessThan(8000);
		} finally {
			await proxy.close();
		}
	}, 30_000);
});
