import type { EventEnvelope, EventSource } from '../executor/executor-port.ts';

/**
 * Listens live on the event bus and turns its callbacks into an async iterator of the events
 * `accept` keeps; resolves once the listener receives new events (rejects if the bus cannot
 * listen). The queue is bounded (oldest dropped) so a slow subscriber cannot grow memory
 * without limit; returning from the iterator stops the listener and calls `onEnd`.
 */
export async function eventStream(
	source: EventSource,
	key: string,
	accept: (event: EventEnvelope) => boolean,
	options: { readonly maxQueue?: number; readonly onEnd?: () => void } = {},
): Promise<AsyncIterableIterator<EventEnvelope>> {
	const maxQueue = options.maxQueue ?? 1000;
	const queue: EventEnvelope[] = [];
	let wake: ((result: IteratorResult<EventEnvelope>) => void) | undefined;
	let done = false;
	const listener = source.listen(key, (event) => {
		if (done || !accept(event)) return;
		if (wake) {
			const resolve = wake;
			wake = undefined;
			resolve({ value: event, done: false });
			return;
		}
		queue.push(event);
		if (queue.length > maxQueue) queue.shift();
	});
	const finish = async (): Promise<IteratorResult<EventEnvelope>> => {
		if (!done) {
			done = true;
			listener();
			options.onEnd?.();
			wake?.({ value: undefined, done: true });
			wake = undefined;
		}
		return { value: undefined, done: true };
	};
	try {
		await listener.ready;
	} catch (error) {
		listener();
		options.onEnd?.();
		throw error;
	}
	const iterator: AsyncIterableIterator<EventEnvelope> = {
		next: () => {
			const event = queue.shift();
			if (event) return Promise.resolve({ value: event, done: false });
			if (done) return Promise.resolve({ value: undefined, done: true });
			return new Promise((resolve) => {
				wake = resolve;
			});
		},
		return: finish,
		throw: async (error) => {
			await finish();
			throw error;
		},
		[Symbol.asyncIterator]() {
			return this;
		},
	};
	return iterator;
}
