import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fromNodeRequest } from './node-request.ts';

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

	it('joins repeated header values with a comma', () => {
		const req = fakeRequest({ 'set-cookie': ['a=1', 'b=2'], accept: 'text/plain' });
		expect(fromNodeRequest(req).headers).toEqual({
			'set-cookie': 'a=1, b=2',
			accept: 'text/plain',
		});
	});
});
