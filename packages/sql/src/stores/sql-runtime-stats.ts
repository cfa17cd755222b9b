import type { EventEnvelope } from '@charter/runtime';
import type { SqlStores } from './sql-stores.ts';
import { guarded } from './store-unavailable.ts';

/** An outbox event the relay tried to publish and could not (yet). */
export interface FailedDelivery {
	readonly id: string;
	readonly type: string;
	readonly tenant?: string;
	readonly traceId: string;
	/** When the event was committed. */
	readonly createdAt: string;
	readonly attempts: number;
	readonly lastError: string;
}

/** What the stores hold in flight, read in one go for a health view. */
export interface RuntimeStats {
	readonly outbox: {
		/** Events committed and not yet published. */
		readonly pending: number;
		/** When the oldest of them was committed. */
		readonly oldestPendingAt?: string;
		/** How long the oldest pending event has waited (relay lag), in milliseconds. */
		readonly lagMs: number;
		/** Pending events whose publication failed at least once, newest first (at most 50). */
		readonly failed: readonly FailedDelivery[];
	};
	readonly idempotency: {
		/** Keys claimed by a call that has not finished (nor released its claim). */
		readonly inFlight: number;
	};
}

/**
 * Reads the outbox backlog, failed deliveries and in-flight idempotency keys from the SQL
 * stores. Read-only; throws the stores' `STORE_UNAVAILABLE` error when the database is down.
 */
export function readRuntimeStats(stores: SqlStores, now: Date = new Date()): Promise<RuntimeStats> {
	const { db, tables } = stores;
	return guarded(async () => {
		const backlog = (await db
			.selectFrom(tables.outbox)
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
			.where('delivered_at', 'is', null)
			.executeTakeFirst()) as { n: number | string; oldest: string | null } | undefined;
		const failedRows = (await db
			.selectFrom(tables.outbox)
			.select(['envelope', 'created_at', 'attempts', 'last_error'])
			.where('delivered_at', 'is', null)
			.where('attempts', '>', 0)
			.orderBy('seq', 'desc')
			.limit(50)
			.execute()) as {
			envelope: string;
			created_at: string;
			attempts: number | string;
			last_error: string | null;
		}[];
		const inFlight = (await db
			.selectFrom(tables.idempotency)
			.select((eb) => eb.fn.countAll().as('n'))
			.where('state', '=', 'in-flight')
			.where('lease_until', '>', now.toISOString())
			.executeTakeFirst()) as { n: number | string } | undefined;
		const oldest = backlog?.oldest ?? undefined;
		return {
			outbox: {
				pending: Number(backlog?.n ?? 0),
				...(oldest ? { oldestPendingAt: oldest } : {}),
				lagMs: oldest ? Math.max(0, now.getTime() - Date.parse(oldest)) : 0,
				failed: failedRows.map((row) => {
					const envelope = JSON.parse(row.envelope) as EventEnvelope;
					return {
						id: envelope.id,
						type: envelope.type,
						...(envelope.tenant !== undefined ? { tenant: envelope.tenant } : {}),
						traceId: envelope.traceid,
						createdAt: row.created_at,
						attempts: Number(row.attempts),
						lastError: row.last_error ?? '',
					};
				}),
			},
			idempotency: { inFlight: Number(inFlight?.n ?? 0) },
		};
	});
}
