import type { Stores } from '../unit-of-work.ts';
import { createMemoryAuditStore } from './memory-audit-store.ts';
import { createMemoryIdempotencyStore } from './memory-idempotency-store.ts';
import { createMemoryOutboxStore } from './memory-outbox-store.ts';
import { createMemoryUnitOfWork } from './memory-unit-of-work.ts';

/**
 * Creates every store in memory: the executor's default.
 *
 * @example
 * const stores = createMemoryStores();
 * const executor = createExecutor({ bindings, stores });
 * await stores.audit.list();
 */
export function createMemoryStores(): Stores {
	const idempotency = createMemoryIdempotencyStore();
	const outbox = createMemoryOutboxStore();
	const audit = createMemoryAuditStore();
	return {
		idempotency,
		outbox,
		audit,
		unitOfWork: createMemoryUnitOfWork({ idempotency, outbox, audit }),
	};
}
