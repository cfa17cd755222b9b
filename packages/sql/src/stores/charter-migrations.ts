import type { MigrationSet } from './sql-migrations.ts';

/**
 * Charter's own schema, in versions. Never edit a released version: add the next one, so a
 * database at any older version upgrades with its data in place.
 */
export const charterMigrations: MigrationSet = {
	scope: 'charter',
	migrations: [
		{
			version: 1,
			name: 'outbox, audit and idempotency tables',
			async up({ db, dialect, tables }) {
				const seq = dialect === 'postgres' ? 'bigserial' : 'integer';
				await db.schema
					.createTable(tables.outbox)
					.addColumn('seq', seq, (c) =>
						dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
					)
					.addColumn('id', 'text', (c) => c.notNull().unique())
					.addColumn('envelope', 'text', (c) => c.notNull())
					.addColumn('created_at', 'text', (c) => c.notNull())
					.addColumn('delivered_at', 'text')
					.execute();
				await db.schema
					.createTable(tables.audit)
					.addColumn('seq', seq, (c) =>
						dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
					)
					.addColumn('id', 'text', (c) => c.notNull().unique())
					.addColumn('operation', 'text', (c) => c.notNull())
					.addColumn('version', 'text', (c) => c.notNull())
					.addColumn('principal_id', 'text')
					.addColumn('tenant', 'text')
					.addColumn('input_digest', 'text', (c) => c.notNull())
					.addColumn('result_code', 'text', (c) => c.notNull())
					.addColumn('status', 'integer', (c) => c.notNull())
					.addColumn('replayed', 'integer', (c) => c.notNull())
					.addColumn('idempotency_key', 'text')
					.addColumn('trace_id', 'text', (c) => c.notNull())
					.addColumn('records', 'text', (c) => c.notNull())
					.addColumn('started_at', 'text', (c) => c.notNull())
					.addColumn('finished_at', 'text', (c) => c.notNull())
					.execute();
				await db.schema
					.createIndex(`${tables.audit}_operation_idx`)
					.on(tables.audit)
					.columns(['operation', 'seq'])
					.execute();
				await db.schema
					.createTable(tables.idempotency)
					.addColumn('scope', 'text', (c) => c.primaryKey())
					.addColumn('fingerprint', 'text', (c) => c.notNull())
					.addColumn('state', 'text', (c) => c.notNull())
					.addColumn('outcome', 'text')
					.addColumn('created_at', 'text', (c) => c.notNull())
					.addColumn('lease_until', 'text', (c) => c.notNull())
					.execute();
			},
		},
		{
			version: 2,
			name: 'outbox streams, delivery attempts; audit by principal and time',
			async up({ db, tables }) {
				// Existing rows get their stream (the event type) from the stored envelope.
				await db.schema
					.alterTable(tables.outbox)
					.addColumn('stream', 'text', (c) => c.notNull().defaultTo(''))
					.execute();
				await db.schema
					.alterTable(tables.outbox)
					.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
					.execute();
				await db.schema.alterTable(tables.outbox).addColumn('last_error', 'text').execute();
				const rows = (await db
					.selectFrom(tables.outbox)
					.select(['seq', 'envelope'])
					.where('stream', '=', '')
					.execute()) as { seq: number; envelope: string }[];
				for (const row of rows) {
					const type = (JSON.parse(row.envelope) as { type?: string }).type ?? '';
					await db
						.updateTable(tables.outbox)
						.set({ stream: type })
						.where('seq', '=', row.seq)
						.execute();
				}
				await db.schema
					.createIndex(`${tables.outbox}_pending_idx`)
					.on(tables.outbox)
					.columns(['delivered_at', 'seq'])
					.execute();
				await db.schema
					.createIndex(`${tables.audit}_principal_idx`)
					.on(tables.audit)
					.columns(['principal_id', 'seq'])
					.execute();
				await db.schema
					.createIndex(`${tables.audit}_started_idx`)
					.on(tables.audit)
					.column('started_at')
					.execute();
			},
		},
		{
			version: 3,
			name: 'idempotency keys by age, to forget them past their retention',
			async up({ db, tables }) {
				await db.schema
					.createIndex(`${tables.idempotency}_age_idx`)
					.on(tables.idempotency)
					.column('created_at')
					.execute();
			},
		},
		{
			version: 4,
			name: "audit: the caller's trace id, linked beside the server's own",
			async up({ db, tables }) {
				await db.schema.alterTable(tables.audit).addColumn('caller_trace_id', 'text').execute();
			},
		},
		{
			version: 5,
			name: "audit: the input's shape (fields and enum values sent, no values)",
			async up({ db, tables }) {
				// Older rows keep null: their shape is unknown, never "no field".
				await db.schema.alterTable(tables.audit).addColumn('input_shape', 'text').execute();
			},
		},
		{
			version: 6,
			name: "audit: the records of a trace, the server's or the caller's, found by index",
			async up({ db, tables }) {
				// Studio looks up each live event's command by trace, and its audit page filters by trace.
				// If not there yet: on a large PostgreSQL audit table an operator builds them first, with
				// CREATE INDEX CONCURRENTLY, so commands do not wait for this transaction.
				await db.schema
					.createIndex(`${tables.audit}_trace_idx`)
					.ifNotExists()
					.on(tables.audit)
					.column('trace_id')
					.execute();
				await db.schema
					.createIndex(`${tables.audit}_caller_trace_idx`)
					.ifNotExists()
					.on(tables.audit)
					.column('caller_trace_id')
					.execute();
			},
		},
	],
};
