import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { drainServer, trackEventStreams } from './drain-server.ts';

/**
 * A server with an endless event stream at /events (its headers given to writeHead, or set with
 * setHeader at /events-set), a slow JSON answer at /slow, and at /mcp a JSON answer written in
 * two parts 300 ms apart, as to an MCP POST (which accepts an event stream too).
 */
async function startServer() {
	const server = createServer((request, response) => {
		if (request.url?.startsWith('/events')) {
			if (request.url === '/events-set') response.setHeader('Content-Type', 'text/event-stream');
			else response.writeHead(200, { 'Content-Type': 'text/event-stream' });
			response.write(': ready\n\n');
			const tick = setInterval(() => response.write('data: tick\n\n'), 100);
			response.once('close', () => clearInterval(tick));
			return;
		}
		if (request.url === '/mcp') {
			response.writeHead(200, ['content-type', 'application/json']);
			response.write('{"jsonrpc":"2.0","id":1,');
			setTimeout(() => response.end('"result":{}}'), 300);
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

	it('ends a stream whose content type was set with setHeader, and answers in full a JSON response to a request that accepted an event stream', async () => {
		const { server, streams, base } = await startServer();
		const events = await fetch(`${base}/events-set`, { headers: { accept: 'text/event-stream' } });
		const streamed = readAll(events);
		const mcp = await fetch(`${base}/mcp`, {
			method: 'POST',
			headers: { accept: 'application/json, text/event-stream' },
		});
		const answered = readAll(mcp);
		await drainServer(server, 10_000, streams);
		expect(await streamed).toMatch(/retry: 1000\n\n$/);
		expect(JSON.parse(await answered)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
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
