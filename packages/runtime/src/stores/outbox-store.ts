import type { EventEnvelope } from '../bus/event-envelope.ts';

/** An event in the outbox, and when it was published (if it was). */
export interface OutboxEntry {
	readonly envelope: EventEnvelope;
	readonly publishedAt?: string;
}

/**
 * Stores emitted events. `append` runs inside the command's transaction; the outbox relay (the
 * only way events are published) delivers pending entries and marks them published.
 */
export interface OutboxStore {
	append(events: readonly EventEnvelope[]): Promise<void>;
	/** Unpublished entries, oldest first. */
	pending(limit?: number): Promise<OutboxEntry[]>;
	markPublished(ids: readonly string[], at: Date): Promise<void>;
}

/** A pending outbox entry as the relay sees it. */
export interface PendingEvent {
	readonly seq: number;
	readonly stream: string;
	readonly envelope: EventEnvelope;
}

/** Publishes a batch in order; returns how many (a prefix) were delivered, and the error if it stopped early. */
export type BatchPublisher = (
	events: readonly PendingEvent[],
) => Promise<{ delivered: number; error?: unknown }>;

/** An outbox the relay drains: claim a batch, deliver it, mark it. */
export interface RelayOutbox extends OutboxStore {
	/**
	 * Claims up to `limit` pending events, hands them to `publish` in commit order per stream,
	 * and marks the delivered prefix. On PostgreSQL the rows stay locked (`FOR UPDATE SKIP
	 * LOCKED`) until marked, so several relays share the outbox without publishing one event twice
	 * at once; a stream whose older events another relay holds is left for later.
	 */
	deliverBatch(limit: number, publish: BatchPublisher, at: () => Date): Promise<number>;
}

/** Tells whether an outbox can be drained by the relay (it has `deliverBatch`). */
export function isRelayOutbox(outbox: OutboxStore): outbox is RelayOutbox {
	return typeof (outbox as Partial<RelayOutbox>).deliverBatch === 'function';
}
