import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientGoneFixture } from '../../test/fixtures/client-gone.ts';
import { fromNodeRequest, writeNodeResponse } from './node-request.ts';
import { createRestServer } from './node-server.ts';

function fakeRequest(headers: Record<string, string | string[]>): IncomingMessage & EventEmitter {
	return Object.assign(new EventEmitter(), {
		method: 'POST',
		url: '/v1/x',
		headers,
		complete: false,
	}) as unknown as IncomingMessage & EventEmitter;
}

describe('fromNodeRequest', () => {
	it('aborts its signal, once, when the client goes away before the request is complete', () => {
		const req = fakeRequest({});
		const { signal } = fromNodeRequest(req);
		let calls = 0;
		signal?.addEventListener('abort', () => calls++);
		expect(signal?.aborted).toBe(false);
		req.emit('close');
		expect(signal?.aborted).toBe(true);
		expect((signal?.reason as { name?: string } | undefined)?.name).toBe('AbortError');
		expect(calls).toBe(1);
	});

	it('does not abort when the connection closes after a complete request, nor a removed listener', () => {
		const done = fakeRequest({});
		const first = fromNodeRequest(done).signal;
		(done as { complete: boolean }).complete = true;
		done.emit('close');
		expect(first?.aborted).toBe(false);

		const gone = fakeRequest({});
		const second = fromNodeRequest(gone).signal;
		let calls = 0;
		const listener = () => calls++;
		second?.addEventListener('abort', listener);
		second?.removeEventListener('abort', listener);
		gone.emit('close');
		expect(second?.aborted).toBe(true);
		expect(calls).toBe(0);
	});

	it('tells a request cut off mid-body from a complete one, even with nobody listening', () => {
		const cut = Object.assign(fakeRequest({}), { destroyed: true });
		expect(fromNodeRequest(cut).signal?.aborted).toBe(true);
		const done = Object.assign(fakeRequest({}), { destroyed: true, complete: true });
		expect(fromNodeRequest(done).signal?.aborted).toBe(false);
	});

	it('aborts when the response closes unfinished, not when it closes after finishing', () => {
		const fakeResponse = (finished: boolean) =>
			Object.assign(new EventEmitter(), {
				destroyed: false,
				writableFinished: finished,
			}) as unknown as ServerResponse & EventEmitter;
		const complete = () => Object.assign(fakeRequest({}), { complete: true });

		const left = fakeResponse(false);
		const watched = fromNodeRequest(complete(), { response: left }).signal;
		let calls = 0;
		watched?.addEventListener('abort', () => calls++);
		left.emit('close');
		expect(watched?.aborted).toBe(true);
		expect(calls).toBe(1);

		const done = fakeResponse(true);
		const answered = fromNodeRequest(complete(), { response: done }).signal;
		answered?.addEventListener('abort', () => calls++);
		done.emit('close');
		expect(answered?.aborted).toBe(false);
		expect(calls).toBe(1);

		// Nobody listening: read from the response itself.
		const gone = Object.assign(fakeResponse(false), { destroyed: true });
		expect(fromNodeRequest(complete(), { response: gone }).signal?.aborted).toBe(true);
	});

	it('joins repeated header values with a comma', () => {
		const req = fakeRequest({ 'set-cookie': ['a=1', 'b=2'], accept: 'text/plain' });
		expect(fromNodeRequest(req).headers).toEqual({
			'set-cookie': 'a=1, b=2',
			accept: 'text/plain',
		});
	});
});

describe('writeNodeResponse', () => {
	/** Serves one response and gives what a client reads of it. */
	async function served(response: Parameters<typeof writeNodeResponse>[1]) {
		const server = createServer((_req, res) => writeNodeResponse(res, response));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		try {
			return await new Promise<{
				status: number;
				headers: IncomingMessage['headers'];
				body: string;
			}>((resolve, reject) => {
				const req = request({ port, host: '127.0.0.1', path: '/' }, (res) => {
					let body = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => {
						body += chunk;
					});
					res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
				});
				req.on('error', reject);
				req.end();
			});
		} finally {
			server.close();
		}
	}

	it('sends the status, every header and a byte-exact content-length, not a chunked body', async () => {
		const body = JSON.stringify({ reason: 'Wartung für Ümlaute ✓' });
		const got = await served({
			status: 201,
			headers: { 'content-type': 'application/json', 'x-trace-id': 'abc123' },
			body,
		});
		expect(got.status).toBe(201);
		expect(got.headers['content-type']).toBe('application/json');
		expect(got.headers['x-trace-id']).toBe('abc123');
		expect(got.headers['content-length']).toBe(String(Buffer.byteLength(body, 'utf8')));
		expect(got.headers['transfer-encoding']).toBeUndefined();
		expect(got.body).toBe(body);
	});

	it("sends one content-length, the body's own, even when the headers carry a stale one", async () => {
		const got = await served({
			status: 200,
			headers: { 'content-type': 'text/plain', 'Content-Length': '999' },
			body: 'four',
		});
		expect(got.headers['content-length']).toBe('4');
		expect(got.body).toBe('four');
	});

	it('sends a response without a body with its headers only', async () => {
		const got = await served({ status: 204, headers: { allow: 'GET, HEAD' } });
		expect(got.status).toBe(204);
		expect(got.headers.allow).toBe('GET, HEAD');
		expect(got.body).toBe('');
	});
});

describe('the handler signal over node:http', () => {
	it('aborts when the client goes away after sending its whole request, mid-handler', async () => {
		const { executor, leaveMidHandler } = clientGoneFixture();
		const rest = createRestServer(executor, { openapi: false });
		const { port } = await rest.listen(0);
		try {
			expect(await leaveMidHandler(port)).toBe(true);
		} finally {
			await rest.close();
		}
	});
});
