import type { Stores } from '../unit-of-work.ts';
import { createMemoryAuditStore, type MemoryAuditOptions } from './memory-audit-store.ts';
import { createMemoryIdempotencyStore } from './memory-idempotency-store.ts';
import { createMemoryOutboxStore, type MemoryOutboxOptions } from './memory-outbox-store.ts';
import { createMemoryUnitOfWork } from './memory-unit-of-work.ts';

/** Options of the memory stores. */
export interface MemoryStoresOptions {
	/** How many audit records to keep (10,000 by default; the oldest are dropped). */
	readonly audit?: MemoryAuditOptions;
	/** How many published events the outbox keeps (10,000 by default; pending ones are kept). */
	readonly outbox?: MemoryOutboxOptions;
}

/**
 * Creates every store in memory: the executor's default. The audit log keeps the newest
 * 10,000 records and the outbox the newest 10,000 published events unless told otherwise.
 * There is no native transaction: a handler's `ctx.tx` is `undefined` (typed so).
 *
 * @example
 * const stores = createMemoryStores();
 * const executor = createExecutor({ bindings, stores });
 * await stores.audit.list();
 */
export function createMemoryStores(options: MemoryStoresOptions = {}): Stores<undefined> {
	const idempotency = createMemoryIdempotencyStore();
	const outbox = createMemoryOutboxStore(options.outbox);
	const audit = createMemoryAuditStore(options.audit);
	return {
		idempotency,
		outbox,
		audit,
		unitOfWork: createMemoryUnitOfWork({ idempotency, outbox, audit }),
	};
}
