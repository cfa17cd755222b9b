import type { AuditFilter, AuditRecord, AuditStore, InputShape } from '@charter/runtime';
import type { Kysely } from 'kysely';
import { runStatement, type SqlStatements } from './sql-statements.ts';
import type { AuditRow, TableNames } from './sql-tables.ts';
import { guarded } from './store-unavailable.ts';

/** Creates the audit log over a Kysely database or transaction. */
export function createSqlAuditStore(
	db: Kysely<any>,
	tables: TableNames,
	statements: SqlStatements,
): AuditStore {
	const table = tables.audit;
	return {
		append: (record) =>
			guarded(async () => {
				await runStatement(db, statements, statements.insertAudit, toParameters(record));
			}),
		list: (filter: AuditFilter = {}) =>
			guarded(async () => {
				let query = db.selectFrom(table).selectAll();
				if (filter.operation !== undefined) query = query.where('operation', '=', filter.operation);
				if (filter.principal !== undefined) {
					query = query.where('principal_id', '=', filter.principal);
				}
				if (filter.tenant !== undefined) {
					query =
						filter.tenant === null
							? query.where('tenant', 'is', null)
							: query.where('tenant', '=', filter.tenant);
				}
				if (filter.outcome !== undefined)
					query = query.where('result_code', filter.outcome === 'ok' ? '=' : '!=', 'OK');
				if (filter.resultCode !== undefined)
					query = query.where('result_code', '=', filter.resultCode);
				if (filter.traceId !== undefined) query = query.where('trace_id', '=', filter.traceId);
				if (filter.callerTraceId !== undefined)
					query = query.where('caller_trace_id', '=', filter.callerTraceId);
				const { inTrace } = filter;
				if (inTrace !== undefined) {
					// The positions each trace index finds: for an OR of the two columns, SQLite would
					// scan every record of the operation instead.
					const ofTrace = (column: 'trace_id' | 'caller_trace_id') =>
						db.selectFrom(table).select('seq').where(column, '=', inTrace);
					query = query.where(
						'seq',
						'in',
						ofTrace('trace_id').unionAll(ofTrace('caller_trace_id')),
					);
				}
				if (filter.since !== undefined) {
					query = query.where('started_at', '>=', new Date(filter.since).toISOString());
				}
				if (filter.until !== undefined) {
					query = query.where('started_at', '<', new Date(filter.until).toISOString());
				}
				if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
				if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
				// The newest `limit` records, returned oldest first.
				if (filter.limit !== undefined) {
					const rows = (await query
						.orderBy('seq', 'desc')
						.limit(filter.limit)
						.execute()) as AuditRow[];
					return rows.reverse().map(fromRow);
				}
				const rows = (await query.orderBy('seq').execute()) as AuditRow[];
				return rows.map(fromRow);
			}),
	};
}

/** The audit row's values in `AUDIT_COLUMNS` order. */
function toParameters(r: AuditRecord): unknown[] {
	return [
		r.id,
		r.operation,
		r.version,
		r.principalId ?? null,
		r.tenant ?? null,
		r.inputDigest,
		r.resultCode,
		r.status,
		r.replayed ? 1 : 0,
		r.idempotencyKey ?? null,
		r.traceId,
		JSON.stringify(r.records),
		r.startedAt,
		r.finishedAt,
		r.callerTraceId ?? null,
		r.inputShape ? JSON.stringify(r.inputShape) : null,
	];
}

function fromRow(row: AuditRow): AuditRecord & { seq: number } {
	return {
		seq: Number(row.seq),
		id: row.id,
		operation: row.operation,
		version: row.version,
		...(row.principal_id !== null ? { principalId: row.principal_id } : {}),
		...(row.tenant !== null ? { tenant: row.tenant } : {}),
		inputDigest: row.input_digest,
		resultCode: row.result_code,
		status: Number(row.status),
		replayed: Boolean(Number(row.replayed)),
		...(row.idempotency_key !== null ? { idempotencyKey: row.idempotency_key } : {}),
		traceId: row.trace_id,
		...(row.caller_trace_id != null ? { callerTraceId: row.caller_trace_id } : {}),
		...(row.input_shape != null ? { inputShape: JSON.parse(row.input_shape) as InputShape } : {}),
		records: JSON.parse(row.records) as string[],
		startedAt: row.started_at,
		finishedAt: row.finished_at,
	};
}
