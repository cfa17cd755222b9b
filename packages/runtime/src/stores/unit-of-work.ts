import type { EventEnvelope } from '../bus/event-envelope.ts';
import type { AuditStore } from './audit-store.ts';
import type { IdempotencyStore } from './idempotency-store.ts';
import type { OutboxStore } from './outbox-store.ts';

/**
 * The stores as seen inside one transaction: writes through them commit or roll back
 * together with the handler's own state changes. `handle` is the store's native transaction,
 * typed `Tx` (a Kysely `Transaction<Database>` for `@charter/sql`'s stores, `undefined` for the
 * memory stores), that handlers use for their own tables.
 */
export interface TransactionScope<Tx = unknown> {
	readonly outbox: OutboxStore;
	readonly audit: AuditStore;
	readonly idempotency: IdempotencyStore;
	readonly handle: Tx;
}

/** How a unit of work runs its transaction. */
export interface UnitOfWorkOptions {
	/**
	 * The work decides on state it reads (a command with a policy rule declared `readsState`):
	 * every read of the transaction sees one snapshot, and writing a row another transaction
	 * changed since fails with a conflict (409). PostgreSQL runs such a transaction at REPEATABLE
	 * READ; SQLite's transactions are serialized on its one connection; the memory stores run such
	 * works one at a time.
	 */
	readonly readsState?: boolean;
}

/** Runs work in one transaction: commits when it resolves, rolls back when it throws. */
export interface UnitOfWork<Tx = unknown> {
	run<T>(work: (tx: TransactionScope<Tx>) => Promise<T>, options?: UnitOfWorkOptions): Promise<T>;
}

/**
 * Everything the executor persists through. `Tx` is the type of the native transaction a
 * command's handler gets as `ctx.tx` (see {@link TransactionScope}).
 */
export interface Stores<Tx = unknown> {
	readonly idempotency: IdempotencyStore;
	readonly outbox: OutboxStore;
	readonly audit: AuditStore;
	readonly unitOfWork: UnitOfWork<Tx>;
	/**
	 * When set, the executor tells it after each commit (the SQL stores wake the host's outbox
	 * relay with it). When not, the executor drains the outbox through a relay of its own after
	 * each command that emitted events (the memory stores). Either way the relay alone
	 * publishes: the executor never puts an event on the bus itself.
	 */
	readonly afterCommit?: (events: readonly EventEnvelope[]) => void;
	/**
	 * Turns a store's own failure into what callers should see (a `ProblemSignal`: 503 for a
	 * lost database, 409 for a constraint or serialization conflict); other errors are returned
	 * unchanged. The executor applies it to whatever an operation throws, queries included.
	 */
	readonly translateError?: (error: unknown) => unknown;
}
