import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus, EventEnvelope, Principal } from '@charter/runtime';
import type { EventCause, StudioEvent } from '../api/studio-api.ts';
import { COMMON_HEADERS } from './http-replies.ts';

/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
const KEEP_ALIVE_MS = 15_000;
/** Events queued for a slow reader before the oldest are dropped. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Events waiting for their cause before new ones are dropped. */
const MAX_WAITING = 1000;

/**
 * Streams every event published on the bus from now on as Server-Sent Events (`event: charter`,
 * `data:` a {@link StudioEvent}: the CloudEvents envelope and its cause), keeping those the
 * viewer may see (`visible`: each event's read policy and tenant, as a GraphQL subscription to
 * it would decide). Causes are looked up one event at a time, so events keep their order;
 * `causeOf` never rejects (a failed lookup is `unavailable`). A `ready` comment is sent once the
 * bus listens. The stream ends when the client goes away.
 */
export async function streamEvents(
	bus: Pick<EventBus, 'listen'>,
	principal: Principal,
	visible: (envelope: EventEnvelope, principal: Principal) => boolean,
	causeOf: (envelope: EventEnvelope) => Promise<EventCause>,
	request: IncomingMessage,
	response: ServerResponse,
): Promise<void> {
	response.writeHead(200, {
		...COMMON_HEADERS,
		'content-type': 'text/event-stream; charset=utf-8',
		connection: 'keep-alive',
		'x-accel-buffering': 'no',
	});
	response.flushHeaders();
	let written: Promise<void> = Promise.resolve();
	let waiting = 0;
	let stopped = false;
	const gone = () => stopped || response.destroyed || response.writableEnded;
	const send = async (envelope: EventEnvelope) => {
		// A viewer who left costs no more lookups, even for the events still queued.
		if (gone()) return;
		// A lookup that fails gives a cause that says so (`unavailable`): the event is still shown.
		const event: StudioEvent = { envelope, cause: await causeOf(envelope) };
		if (gone()) return;
		response.write(`event: charter\nid: ${envelope.id}\ndata: ${JSON.stringify(event)}\n\n`);
	};
	const listener = bus.listen('*', (envelope) => {
		if (!visible(envelope, principal)) return;
		// A reader that stopped reading loses events rather than growing the server's memory.
		if (response.writableLength > MAX_BUFFERED_BYTES || waiting >= MAX_WAITING) return;
		waiting++;
		written = written
			.then(() => send(envelope))
			// A write that fails loses that event only, not the ones after it.
			.catch(() => {})
			.finally(() => {
				waiting--;
			});
	});
	const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
	keepAlive.unref?.();
	const stop = () => {
		stopped = true;
		clearInterval(keepAlive);
		listener();
	};
	request.once('close', stop);
	response.once('close', stop);
	try {
		await listener.ready;
		response.write(': ready\n\n');
	} catch {
		response.write(
			'event: unavailable\ndata: {"detail":"the event bus cannot deliver events now"}\n\n',
		);
		response.end();
		stop();
	}
}
