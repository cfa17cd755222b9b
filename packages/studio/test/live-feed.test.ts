import type { EventEnvelope } from '@charter/runtime';
import { describe, expect, it } from 'vitest';
import { feedEventOf } from '../app/src/live-feed.ts';
import type { EventCause } from '../src/api/studio-api.ts';

const envelope: EventEnvelope = {
	specversion: '1.0',
	id: 'e-1',
	source: 'charter:operation/notes.note.add@1.0.0',
	type: 'notes.note.added',
	time: '2026-12-06T15:00:00.000Z',
	datacontenttype: 'application/json',
	data: { id: 'n-1' },
	eventversion: '1.0.0',
	traceid: '4bf92f3577b34da6a3ce929d0e0e4736',
};
const cause: EventCause = {
	operation: 'notes.note.add',
	version: '1.0.0',
	traceId: envelope.traceid,
	audit: 'none',
};
/** A feed message's `data` as it arrives: JSON text. */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("the live feed's messages", () => {
	it('an event with its cause, as this server sends it, is kept whole', () => {
		expect(feedEventOf(wire({ envelope, cause }))).toEqual({ envelope, cause });
	});

	it('a server from before causes streams the bare envelope: the event is kept, with no cause and nothing of the envelope lost', () => {
		expect(feedEventOf(wire(envelope))).toEqual({ envelope });
	});

	it('an envelope without a cause is kept, with no cause', () => {
		expect(feedEventOf(wire({ envelope }))).toEqual({ envelope });
		expect(feedEventOf(wire({ envelope, cause: null }))).toEqual({ envelope });
	});

	it('data that holds no envelope is not an event', () => {
		for (const data of [
			null,
			42,
			'text',
			{},
			{ cause },
			{ envelope: { id: 'e-1' } },
			{ type: 'x' },
		])
			expect(feedEventOf(data)).toBeUndefined();
	});
});
