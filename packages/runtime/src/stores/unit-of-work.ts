import type { EventEnvelope } from '../bus/event-envelope.ts';
import type { AuditStore } from './audit-store.ts';
import type { IdempotencyStore } from './idempotency-store.ts';
import type { OutboxStore } from './outbox-store.ts';

/**
 * The stores as seen inside one transaction: writes through them commit or roll back
 * together with the handler's own state changes. `handle` is the store's native transaction
 * (a Kysely `Transaction` for SQL stores) that handlers use for their own tables.
 */
export interface TransactionScope {
	readonly outbox: OutboxStore;
	readonly audit: AuditStore;
	readonly idempotency: IdempotencyStore;
	readonly handle: unknown;
}

/** Runs work in one transaction: commits when it resolves, rolls back when it throws. */
export interface UnitOfWork {
	run<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T>;
}

/** Everything the executor persists through. */
export interface Stores {
	readonly idempotency: IdempotencyStore;
	readonly outbox: OutboxStore;
	readonly audit: AuditStore;
	readonly unitOfWork: UnitOfWork;
	/**
	 * When set, the executor hands a committed command's events to it (a relay publishes them
	 * from the outbox) instead of publishing them on the bus itself.
	 */
	readonly afterCommit?: (events: readonly EventEnvelope[]) => void;
}
