import type { EventEnvelope } from '../../bus/event-envelope.ts';
import type { AuditFilter, AuditRecord, AuditStore } from '../audit-store.ts';
import type { ClaimResult, IdempotencyStore, StoredOutcome } from '../idempotency-store.ts';
import type { OutboxEntry, OutboxStore } from '../outbox-store.ts';
import { SETTLED } from '../settled.ts';
import type { TransactionScope, UnitOfWork } from '../unit-of-work.ts';

/**
 * Creates a unit of work over memory stores: writes made through the transaction scope are
 * buffered and applied only when the work succeeds. Handlers' own in-memory state is not
 * transactional; `handle` is undefined.
 */
export function createMemoryUnitOfWork(stores: {
	outbox: OutboxStore;
	audit: AuditStore;
	idempotency: IdempotencyStore;
}): UnitOfWork<undefined> {
	// State-reading works (see UnitOfWorkOptions.readsState) run one at a time, in call order.
	let lastStateful: Promise<unknown> = Promise.resolve();
	const runSerialized = <T>(work: () => Promise<T>): Promise<T> => {
		const result = lastStateful.then(work);
		lastStateful = result.catch(() => undefined);
		return result;
	};
	const unit: UnitOfWork<undefined> = {
		run(work, options) {
			return options?.readsState ? runSerialized(() => runBuffered(work)) : runBuffered(work);
		},
	};
	return unit;

	async function runBuffered<T>(work: (tx: TransactionScope<undefined>) => Promise<T>): Promise<T> {
		// Writes are queued as [kind, first, second] triples, not a closure each, through
		// small delegating objects rather than spreads of the stores: once per command.
		const pending: unknown[] = [];
		const idempotency = new QueuedIdempotency(stores.idempotency, pending);
		const tx: TransactionScope<undefined> = {
			outbox: new QueuedOutbox(stores.outbox, pending),
			audit: new QueuedAudit(stores.audit, pending),
			idempotency,
			handle: undefined,
		};
		let result: T;
		try {
			result = await work(tx);
		} catch (error) {
			await idempotency.rollBack();
			throw error;
		}
		for (let i = 0; i < pending.length; i += 3) {
			const kind = pending[i];
			const first = pending[i + 1] as never;
			if (kind === 0) await stores.outbox.append(first);
			else if (kind === 1) {
				const appended = stores.audit.append(first);
				if (appended !== SETTLED) await appended;
			} else await stores.idempotency.complete(first, pending[i + 2] as never);
		}
		return result;
	}
}

/** What a queued write returns: it cannot fail, so one settled promise serves them all. */
const QUEUED: Promise<void> = SETTLED;

/** The outbox inside a memory transaction: appends wait for the commit, reads go through. */
class QueuedOutbox implements OutboxStore {
	constructor(
		private readonly store: OutboxStore,
		private readonly queue: unknown[],
	) {}
	append(events: readonly EventEnvelope[]): Promise<void> {
		this.queue.push(0, events, undefined);
		return QUEUED;
	}
	pending(limit?: number): Promise<OutboxEntry[]> {
		return this.store.pending(limit);
	}
	markPublished(ids: readonly string[], at: Date): Promise<void> {
		return this.store.markPublished(ids, at);
	}
}

/** The audit log inside a memory transaction: appends wait for the commit. */
class QueuedAudit implements AuditStore {
	constructor(
		private readonly store: AuditStore,
		private readonly queue: unknown[],
	) {}
	append(record: AuditRecord): Promise<void> {
		this.queue.push(1, record, undefined);
		return QUEUED;
	}
	list(filter?: AuditFilter): Promise<AuditRecord[]> {
		return this.store.list(filter);
	}
}

/**
 * The idempotency store inside a memory transaction: a claim is taken at once (a concurrent
 * call with the key sees it in flight) and released if the work fails, as a rolled-back SQL
 * claim would be; completions wait for the commit.
 */
class QueuedIdempotency implements IdempotencyStore {
	readonly #claimed: string[] = [];
	constructor(
		private readonly store: IdempotencyStore,
		private readonly queue: unknown[],
	) {}
	async claim(
		scope: string,
		fingerprint: string,
		at: Date,
		leaseMs: number,
		retentionMs?: number,
	): Promise<ClaimResult> {
		const result = await this.store.claim(scope, fingerprint, at, leaseMs, retentionMs);
		if (result.claimed) this.#claimed.push(scope);
		return result;
	}
	/** Frees the claims this transaction won: its work failed. */
	async rollBack(): Promise<void> {
		for (const scope of this.#claimed) await this.store.release(scope);
	}
	complete(scope: string, outcome: StoredOutcome): Promise<void> {
		this.queue.push(2, scope, outcome);
		return QUEUED;
	}
	release(scope: string): Promise<void> {
		return this.store.release(scope);
	}
}
