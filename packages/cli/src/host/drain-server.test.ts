import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { drainServer, trackEventStreams } from './drain-server.ts';

/** A server with an endless event stream at /events and a slow JSON answer at /slow. */
async function startServer() {
	const server = createServer((request, response) => {
		if (request.url === '/events') {
			response.writeHead(200, { 'content-type': 'text/event-stream' });
			response.write(': ready\n\n');
			const tick = setInterval(() => response.write('data: tick\n\n'), 100);
			response.once('close', () => clearInterval(tick));
			return;
		}
		setTimeout(() => response.end('{"ok":true}'), 300);
	});
	const streams = trackEventStreams(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { server, streams, base };
}

/** Reads a stream to its end and gives its text. */
async function readAll(response: Response): Promise<string> {
	const reader = response.body!.getReader();
	let text = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return text;
		text += new TextDecoder().decode(value);
	}
}

describe('draining a server with open event streams', () => {
	it('ends each stream at once with a retry, answers requests in flight, and does not wait for the deadline', async () => {
		const { server, streams, base } = await startServer();
		const events = await fetch(`${base}/events`, { headers: { accept: 'text/event-stream' } });
		const streamed = readAll(events);
		const slow = fetch(`${base}/slow`);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const started = performance.now();
		await drainServer(server, 10_000, streams);
		const took = performance.now() - started;
		expect(await streamed).toMatch(
			/: ready\n\n[\s\S]*: the server is shutting down; reconnect\nretry: 1000\n\n$/,
		);
		expect((await slow).status).toBe(200);
		expect(await (await slow).json()).toEqual({ ok: true });
		// Held only by the slow request (300 ms), not by the stream until the 10 s deadline.
		expect(took).toBeLessThan(3000);
	});

	it('without the tracker a stream holds the drain until its deadline (the behaviour this prevents)', async () => {
		const { server, base } = await startServer();
		const events = await fetch(`${base}/events`, { headers: { accept: 'text/event-stream' } });
		const streamed = readAll(events).catch(() => 'cut');
		const started = performance.now();
		await drainServer(server, 600);
		expect(performance.now() - started).toBeGreaterThanOrEqual(550);
		expect(await streamed).toBe('cut');
	});
});
