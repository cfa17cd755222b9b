import type { AuditStore } from '../audit-store.ts';
import type { IdempotencyStore } from '../idempotency-store.ts';
import type { OutboxStore } from '../outbox-store.ts';
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
}): UnitOfWork {
	return {
		async run(work) {
			const pending: Array<() => Promise<void>> = [];
			const later =
				<A extends unknown[]>(write: (...args: A) => Promise<void>) =>
				async (...args: A) => {
					pending.push(() => write(...args));
				};
			const tx: TransactionScope = {
				outbox: { ...stores.outbox, append: later(stores.outbox.append) },
				audit: { ...stores.audit, append: later(stores.audit.append) },
				idempotency: { ...stores.idempotency, complete: later(stores.idempotency.complete) },
				handle: undefined,
			};
			const result = await work(tx);
			for (const write of pending) await write();
			return result;
		},
	};
}
