import { connect } from 'node:net';
import { CharterConfigError, createExecutor, silentLogger } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestServer, type RestServer } from './node-server.ts';

/** Opens a raw connection, sends `first`, then one more byte every `everyMs` until closed. */
function trickle(port: number, first: string, everyMs: number) {
	return new Promise<{ closedAfterMs: number; received: string }>((resolve) => {
		const started = Date.now();
		const socket = connect(port, '127.0.0.1', () => socket.write(first));
		let received = '';
		socket.on('data', (chunk) => (received += chunk.toString()));
		const timer = setInterval(() => {
			if (socket.writable) socket.write('x');
		}, everyMs);
		socket.on('error', () => {});
		socket.on('close', () => {
			clearInterval(timer);
			resolve({ closedAfterMs: Date.now() - started, received });
		});
	});
}

describe('server timeouts (slowloris)', () => {
	let rest: RestServer;
	let port: number;
	beforeAll(async () => {
		const executor = createExecutor({ bindings: [], logger: silentLogger });
		rest = createRestServer(executor, {
			timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 200 },
			mounts: [
				// A long response (a stream) outlives the request timeout: only receiving is bounded.
				(request, response) => {
					if (request.url !== '/slow-stream') return false;
					response.writeHead(200, { 'content-type': 'text/plain' });
					let sent = 0;
					const timer = setInterval(() => {
						response.write(`${sent++}\n`);
						if (sent === 8) {
							clearInterval(timer);
							response.end();
						}
					}, 150);
					return true;
				},
			],
		});
		port = (await rest.listen(0)).port;
	});
	afterAll(() => rest.close());

	it('cuts off a client trickling its headers after headersMs, with a 408', async () => {
		const { closedAfterMs, received } = await trickle(
			port,
			'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ',
			50,
		);
		expect(received).toMatch(/^HTTP\/1\.1 408/);
		expect(closedAfterMs).toBeLessThan(2_000);
	});

	it('cuts off a client trickling its body after requestMs', async () => {
		const { closedAfterMs, received } = await trickle(
			port,
			'POST /v1/none HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{',
			50,
		);
		expect(received).not.toMatch(/^HTTP\/1\.1 200/);
		expect(closedAfterMs).toBeGreaterThanOrEqual(500);
		expect(closedAfterMs).toBeLessThan(2_500);
	});

	it('lets a response stream run past requestMs', async () => {
		const response = await fetch(`http://127.0.0.1:${port}/slow-stream`);
		expect(await response.text()).toBe('0\n1\n2\n3\n4\n5\n6\n7\n');
	});

	it('closes an idle keep-alive connection after keepAliveMs', async () => {
		const { closedAfterMs, received } = await trickle(
			port,
			'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n',
			60_000,
		);
		expect(received).toMatch(/^HTTP\/1\.1 200/);
		expect(closedAfterMs).toBeLessThan(1_500);
	});

	it('refuses timeouts Node would misread', () => {
		const executor = createExecutor({ bindings: [], logger: silentLogger });
		expect(() => createRestServer(executor, { timeouts: { headersMs: 0 } })).toThrow(
			CharterConfigError,
		);
		expect(() =>
			createRestServer(executor, { timeouts: { headersMs: 5_000, requestMs: 1_000 } }),
		).toThrow(/must not exceed timeouts.requestMs/);
	});
});
