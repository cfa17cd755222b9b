import type {
	BatchPublisher,
	EventEnvelope,
	OutboxEntry,
	PendingEvent,
	RelayOutbox,
} from '@charter/runtime';
import { type Kysely, sql } from 'kysely';
import { runStatement, type SqlStatements } from './sql-statements.ts';
import type { OutboxRow, SqlDialectName, TableNames } from './sql-tables.ts';
import { guarded } from './store-unavailable.ts';

/** The outbox over SQL: what the relay needs (see `RelayOutbox`), and a count of pending events. */
export interface SqlOutboxStore extends RelayOutbox {
	/** Counts events not yet delivered. */
	countPending(): Promise<number>;
}

/** Creates the outbox over a Kysely database or transaction. */
export function createSqlOutboxStore(
	db: Kysely<any>,
	dialect: SqlDialectName,
	tables: TableNames,
	statements: SqlStatements,
): SqlOutboxStore {
	const table = tables.outbox;
	const toEntry = (row: OutboxRow): OutboxEntry => ({
		envelope: JSON.parse(row.envelope) as EventEnvelope,
		...(row.delivered_at ? { publishedAt: row.delivered_at } : {}),
	});
	const toPending = (row: OutboxRow): PendingEvent => ({
		seq: Number(row.seq),
		stream: row.stream,
		envelope: JSON.parse(row.envelope) as EventEnvelope,
	});
	return {
		append: (events: readonly EventEnvelope[]) =>
			guarded(async () => {
				if (events.length === 0) return;
				const parameters: unknown[] = [];
				for (const e of events) parameters.push(e.id, e.type, JSON.stringify(e), e.time);
				await runStatement(db, statements, statements.insertOutbox(events.length), parameters);
			}),
		pending: (limit = 1000) =>
			guarded(async () => {
				const rows = (await db
					.selectFrom(table)
					.selectAll()
					.where('delivered_at', 'is', null)
					.orderBy('seq')
					.limit(limit)
					.execute()) as OutboxRow[];
				return rows.map(toEntry);
			}),
		markPublished: (ids, at) =>
			guarded(async () => {
				if (ids.length === 0) return;
				await db
					.updateTable(table)
					.set({ delivered_at: at.toISOString() })
					.where('id', 'in', [...ids])
					.where('delivered_at', 'is', null)
					.execute();
			}),
		countPending: () =>
			guarded(async () => {
				const row = (await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll().as('n'))
					.where('delivered_at', 'is', null)
					.executeTakeFirst()) as { n: number | string } | undefined;
				return Number(row?.n ?? 0);
			}),
		deliverBatch(limit, publish, at) {
			// SQLite: one node, one connection; holding a write lock while publishing would stall
			// every command, so read, publish, then mark.
			if (dialect === 'sqlite') {
				return guarded(async () => {
					const rows = (await db
						.selectFrom(table)
						.selectAll()
						.where('delivered_at', 'is', null)
						.orderBy('seq')
						.limit(limit)
						.execute()) as OutboxRow[];
					return finish(db, rows.map(toPending), publish, at);
				});
			}
			return guarded(() =>
				db.transaction().execute(async (tx) => {
					// Without waiting for the WAL flush at commit: a mark lost in a crash only means
					// the events are published again, which at-least-once delivery already allows
					// (and JetStream drops as duplicates by event id within its duplicate window).
					await sql`set local synchronous_commit to off`.execute(tx);
					const locked = (await tx
						.selectFrom(table)
						.selectAll()
						.where('delivered_at', 'is', null)
						.orderBy('seq')
						.limit(limit)
						.forUpdate()
						.skipLocked()
						.execute()) as OutboxRow[];
					if (locked.length === 0) return 0;
					const batch = locked.map(toPending);
					const ready = await headsOfStreams(tx, batch);
					return finish(tx, ready, publish, at);
				}),
			);
			// Keeps, per stream, only the events with no older pending event outside this batch.
			async function headsOfStreams(tx: Kysely<any>, batch: PendingEvent[]) {
				const mine = new Set(batch.map((e) => e.seq));
				const maxSeq = Math.max(...mine);
				const others = (await tx
					.selectFrom(table)
					.select(['seq', 'stream'])
					.where('delivered_at', 'is', null)
					.where('stream', 'in', [...new Set(batch.map((e) => e.stream))])
					.where('seq', '<=', maxSeq)
					.orderBy('seq')
					.execute()) as { seq: number | string; stream: string }[];
				const blocked = new Set<string>();
				const ok = new Set<number>();
				for (const row of others) {
					const seq = Number(row.seq);
					if (blocked.has(row.stream)) continue;
					if (mine.has(seq)) ok.add(seq);
					else blocked.add(row.stream);
				}
				return batch.filter((e) => ok.has(e.seq));
			}
		},
	};

	async function finish(
		conn: Kysely<any>,
		events: PendingEvent[],
		publish: BatchPublisher,
		at: () => Date,
	): Promise<number> {
		if (events.length === 0) return 0;
		const { delivered, error } = await publish(events);
		const done = events.slice(0, delivered);
		if (done.length > 0) {
			await conn
				.updateTable(table)
				.set({ delivered_at: at().toISOString() })
				.where(
					'seq',
					'in',
					done.map((e) => e.seq),
				)
				.execute();
		}
		const failed = events[delivered];
		if (error !== undefined && failed) {
			await conn
				.updateTable(table)
				.set({
					attempts: sql`attempts + 1`,
					last_error: error instanceof Error ? error.message : String(error),
				})
				.where('seq', '=', failed.seq)
				.execute();
		}
		return delivered;
	}
}
