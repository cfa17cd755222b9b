import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus, EventEnvelope, EventHandler } from '@charter/runtime';
import { describe, expect, it } from 'vitest';
import type { EventCause } from '../api/studio-api.ts';
import { createCauseFinder } from './event-cause.ts';
import { streamEvents } from './event-feed.ts';

function envelope(id: string): EventEnvelope {
	return {
		specversion: '1.0',
		id,
		source: 'charter:operation/notes.note.add@1.0.0',
		type: 'notes.note.added',
		time: '2026-12-06T15:00:00.000Z',
		datacontenttype: 'application/json',
		data: {},
		eventversion: '1.0.0',
		traceid: '4bf92f3577b34da6a3ce929d0e0e4736',
	};
}

/** A viewer's stream over a bus the test publishes on, with what was written to it. */
async function openFeed(causeOf: (envelope: EventEnvelope) => Promise<EventCause>) {
	let deliver: EventHandler = () => {};
	const bus: Pick<EventBus, 'listen'> = {
		listen: ((_key: string, handler: EventHandler) => {
			deliver = handler;
			return Object.assign(() => {}, { ready: Promise.resolve() });
		}) as EventBus['listen'],
	};
	const written: string[] = [];
	const request = new EventEmitter();
	const response = Object.assign(new EventEmitter(), {
		destroyed: false,
		writableEnded: false,
		writableLength: 0,
		writeHead: () => response,
		flushHeaders: () => {},
		write: (chunk: string) => written.push(chunk) > 0,
	});
	await streamEvents(
		bus,
		{ id: 'ada', tenant: 'a', roles: ['admin'] } as never,
		() => true,
		causeOf,
		request as IncomingMessage,
		response as unknown as ServerResponse,
	);
	const events = () =>
		written
			.filter((chunk) => chunk.startsWith('event: charter'))
			.map((chunk) => JSON.parse(chunk.slice(chunk.indexOf('data: ') + 6)));
	return { publish: (e: EventEnvelope) => deliver(e as never), events, request };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('streamEvents', () => {
	it('sends an event whose cause lookup failed, with cause unavailable, rather than drop it', async () => {
		const find = createCauseFinder({ list: () => Promise.reject(new Error('connection refused')) });
		const feed = await openFeed((e) => find(e, undefined));
		feed.publish(envelope('e-1'));
		await settled();
		expect(feed.events()).toEqual([
			{
				envelope: envelope('e-1'),
				cause: {
					operation: 'notes.note.add',
					version: '1.0.0',
					traceId: envelope('e-1').traceid,
					audit: 'unavailable',
				},
			},
		]);
	});

	it('looks up no more causes once the viewer has left, even for events still queued', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => {
			release = resolve;
		});
		const looked: string[] = [];
		const feed = await openFeed(async (e) => {
			looked.push(e.id);
			await gate;
			return { traceId: e.traceid, audit: 'none' };
		});
		for (const id of ['e-1', 'e-2', 'e-3']) feed.publish(envelope(id));
		await settled();
		feed.request.emit('close');
		release();
		await settled();
		expect(looked).toEqual(['e-1']);
		expect(feed.events()).toEqual([]);
	});
});
