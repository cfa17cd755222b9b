import type { Generated } from 'kysely';

/** The SQL engines the stores run on: one code path, two dialects. */
export type SqlDialectName = 'sqlite' | 'postgres';

/** An outbox row: one emitted event, in commit order by `seq`. */
export interface OutboxRow {
	seq: Generated<number | string>;
	id: string;
	/** The ordering stream: events of one stream are published in commit order (the event type). */
	stream: string;
	envelope: string;
	created_at: string;
	delivered_at: string | null;
	attempts: Generated<number>;
	last_error: string | null;
}

/** An audit row: one command execution. */
export interface AuditRow {
	seq: Generated<number | string>;
	id: string;
	operation: string;
	version: string;
	principal_id: string | null;
	tenant: string | null;
	input_digest: string;
	result_code: string;
	status: number;
	replayed: number;
	idempotency_key: string | null;
	trace_id: string;
	/** Added by migration 4; null on older rows. */
	caller_trace_id: string | null;
	/** JSON of the input's shape, added by migration 5; null on older rows. */
	input_shape: string | null;
	records: string;
	started_at: string;
	finished_at: string;
}

/** An idempotency row: a claimed or completed key. */
export interface IdempotencyRow {
	scope: string;
	fingerprint: string;
	state: string;
	outcome: string | null;
	created_at: string;
	lease_until: string;
}

/** An applied migration. */
export interface MigrationRow {
	scope: string;
	version: number;
	name: string;
	applied_at: string;
}

/** The physical table names, all sharing one prefix (so tests and apps can isolate them). */
export interface TableNames {
	readonly outbox: string;
	readonly audit: string;
	readonly idempotency: string;
	readonly migrations: string;
}

/** Gives the table names for a prefix (`charter_` by default). */
export function tableNames(prefix = 'charter_'): TableNames {
	if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) {
		throw new TypeError(`table prefix "${prefix}" must be lower-case letters, digits and _`);
	}
	return {
		outbox: `${prefix}outbox`,
		audit: `${prefix}audit`,
		idempotency: `${prefix}idempotency`,
		migrations: `${prefix}migrations`,
	};
}
