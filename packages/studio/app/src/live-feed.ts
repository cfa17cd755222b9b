import { useEffect, useSyncExternalStore } from 'react';
import { API, type EventCause, type StudioEvent } from '../../src/api/studio-api.ts';
import { studioUrl } from './studio-client.ts';

/** How many events the live view keeps (newest first). */
const KEEP = 500;

/** Where the feed stands. */
export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

/**
 * An event as the live view keeps it: a {@link StudioEvent}, whose `cause` is absent when the
 * server did not report one (a server from before causes streams the bare envelope).
 */
export type FeedEvent = Omit<StudioEvent, 'cause'> & { readonly cause?: EventCause };

export interface FeedState {
	readonly status: FeedStatus;
	/** Newest first; each with the time it arrived in this page. */
	readonly events: readonly { readonly event: FeedEvent; readonly receivedAt: number }[];
}

/**
 * The event in a feed message's `data`: `{ envelope, cause }`, `{ envelope }` or the bare
 * envelope an older server sends (no cause: the event is shown all the same). Anything else is
 * not an event.
 */
export function feedEventOf(data: unknown): FeedEvent | undefined {
	const { envelope, cause } = (data ?? {}) as { envelope?: unknown; cause?: unknown };
	if (isEnvelope(envelope))
		return cause && typeof cause === 'object'
			? { envelope, cause: cause as EventCause }
			: { envelope };
	return isEnvelope(data) ? { envelope: data } : undefined;
}

function isEnvelope(value: unknown): value is StudioEvent['envelope'] {
	const envelope = value as Partial<StudioEvent['envelope']> | null | undefined;
	return typeof envelope?.id === 'string' && typeof envelope.type === 'string';
}

/**
 * The live events the server streams to this viewer (their tenant's, by the server's
 * visibility rule), kept from sign-in on, so an event published while another page is open is
 * in the live view when it opens. One stream per page, read with fetch (it carries the bearer
 * token, which EventSource cannot), reconnected with backoff.
 */
export function createLiveFeed(token: string) {
	let state: FeedState = { status: 'connecting', events: [] };
	const listeners = new Set<() => void>();
	const set = (next: Partial<FeedState>) => {
		state = { ...state, ...next };
		for (const listener of listeners) listener();
	};
	const controller = new AbortController();
	let attempt = 0;

	async function connect() {
		while (!controller.signal.aborted) {
			try {
				const response = await fetch(studioUrl(API.events), {
					headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
					signal: controller.signal,
				});
				if (response.status === 401 || response.status === 403) return set({ status: 'refused' });
				if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
				await read(response.body);
			} catch {
				if (controller.signal.aborted) return;
			}
			set({ status: 'reconnecting' });
			const delay = Math.min(10_000, 250 * 2 ** attempt++);
			await new Promise((resolve) => setTimeout(resolve, delay));
		}
	}

	async function read(body: ReadableStream<Uint8Array>) {
		const reader = body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			buffer += decoder.decode(value, { stream: true });
			let end = buffer.indexOf('\n\n');
			while (end >= 0) {
				handle(buffer.slice(0, end));
				buffer = buffer.slice(end + 2);
				end = buffer.indexOf('\n\n');
			}
		}
	}

	function handle(block: string) {
		if (block.startsWith(': ready')) {
			attempt = 0;
			return set({ status: 'live' });
		}
		const lines = block.split('\n');
		if (!lines.includes('event: charter')) return;
		const data = lines
			.filter((line) => line.startsWith('data: '))
			.map((line) => line.slice(6))
			.join('\n');
		try {
			const event = feedEventOf(JSON.parse(data));
			if (!event) return;
			set({ events: [{ event, receivedAt: Date.now() }, ...state.events].slice(0, KEEP) });
		} catch {
			// A block that is not an event is ignored.
		}
	}

	void connect();
	return {
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		snapshot: () => state,
		close: () => controller.abort(),
	};
}

export type LiveFeed = ReturnType<typeof createLiveFeed>;

/** Reads the feed in a component. */
export function useFeed(feed: LiveFeed): FeedState {
	return useSyncExternalStore(feed.subscribe, feed.snapshot);
}

/** Calls `onEvent` for each event that arrives from now on. */
export function useOnEvent(feed: LiveFeed, onEvent: (event: FeedEvent) => void) {
	useEffect(() => {
		let seen = feed.snapshot().events[0];
		return feed.subscribe(() => {
			const events = feed.snapshot().events;
			for (const entry of events) {
				if (entry === seen) break;
				onEvent(entry.event);
			}
			seen = events[0];
		});
	}, [feed, onEvent]);
}
