import type { Kysely } from 'kysely';
import type { TransactionScope, UnitOfWork } from '../unit-of-work.ts';
import { createSqlAuditStore } from './sql-audit-store.ts';
import { createSqlIdempotencyStore } from './sql-idempotency-store.ts';
import { createSqlOutboxStore } from './sql-outbox-store.ts';
import type { SqlStatements } from './sql-statements.ts';
import type { SqlDialectName, TableNames } from './sql-tables.ts';
import { toUnavailable } from './store-unavailable.ts';

/**
 * Creates a unit of work over SQL: one database transaction per run. The scope's stores write
 * through that transaction, and `handle` is the Kysely `Transaction` for the handler's own
 * tables, so state, outbox, audit and idempotency record commit or roll back together.
 */
export function createSqlUnitOfWork(
	db: Kysely<any>,
	dialect: SqlDialectName,
	tables: TableNames,
	statements: SqlStatements,
): UnitOfWork {
	return {
		async run(work) {
			try {
				return await db.transaction().execute((trx) => {
					const scope: TransactionScope = {
						outbox: createSqlOutboxStore(trx, dialect, tables, statements),
						audit: createSqlAuditStore(trx, tables, statements),
						idempotency: createSqlIdempotencyStore(trx, tables, statements),
						handle: trx,
					};
					return work(scope);
				});
			} catch (error) {
				throw toUnavailable(error);
			}
		},
	};
}
