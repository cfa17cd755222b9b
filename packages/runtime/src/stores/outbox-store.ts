import type { EventEnvelope } from '../bus/event-envelope.ts';

/** An event in the outbox, and when it was published (if it was). */
export interface OutboxEntry {
	readonly envelope: EventEnvelope;
	readonly publishedAt?: string;
}

/**
 * Stores emitted events. `append` runs inside the command's transaction; a relay (or the
 * executor, after commit) publishes pending entries and marks them published.
 */
export interface OutboxStore {
	append(events: readonly EventEnvelope[]): Promise<void>;
	/** Unpublished entries, oldest first. */
	pending(limit?: number): Promise<OutboxEntry[]>;
	markPublished(ids: readonly string[], at: Date): Promise<void>;
}
