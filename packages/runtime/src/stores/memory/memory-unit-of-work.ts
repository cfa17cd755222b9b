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
			// Writes are queued as [kind, first, second] triples, not a closure each: the
			// command path runs this once per call.
			const pending: unknown[] = [];
			const tx: TransactionScope = {
				outbox: {
					...stores.outbox,
					async append(events) {
						pending.push(0, events, undefined);
					},
				},
				audit: {
					...stores.audit,
					async append(record) {
						pending.push(1, record, undefined);
					},
				},
				idempotency: {
					...stores.idempotency,
					async complete(scope, outcome) {
						pending.push(2, scope, outcome);
					},
				},
				handle: undefined,
			};
			const result = await work(tx);
			for (let i = 0; i < pending.length; i += 3) {
				const kind = pending[i];
				const first = pending[i + 1] as never;
				if (kind === 0) await stores.outbox.append(first);
				else if (kind === 1) await stores.audit.append(first);
				else await stores.idempotency.complete(first, pending[i + 2] as never);
			}
			return result;
		},
	};
}
