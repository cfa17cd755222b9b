import type { TransactionScope, UnitOfWork } from '@charter/runtime';
import type { Kysely, Transaction } from 'kysely';
import { createSqlAuditStore } from './sql-audit-store.ts';
import { createSqlIdempotencyStore, type ForgetExpiredKeys } from './sql-idempotency-store.ts';
import { createSqlOutboxStore } from './sql-outbox-store.ts';
import type { SqlStatements } from './sql-statements.ts';
import type { SqlDialectName, TableNames } from './sql-tables.ts';
import { translateStoreError } from './store-unavailable.ts';

/**
 * Creates a unit of work over SQL: one database transaction per run. The scope's stores write
 * through that transaction, and `handle` is the Kysely `Transaction` for the handler's own
 * tables, so state, outbox, audit and idempotency key (its claim and its outcome) commit or
 * roll back together.
 */
export function createSqlUnitOfWork(
	db: Kysely<any>,
	dialect: SqlDialectName,
	tables: TableNames,
	statements: SqlStatements,
	forgetExpiredKeys: ForgetExpiredKeys,
): UnitOfWork<Transaction<any>> {
	return {
		async run(work, options) {
			// PostgreSQL: a rule that reads state and the handler see one snapshot, and a write to
			// a row changed since fails (40001, a 409). SQLite runs one transaction at a time.
			const begin =
				options?.readsState && dialect === 'postgres'
					? db.transaction().setIsolationLevel('repeatable read')
					: db.transaction();
			try {
				return await begin.execute((trx) => {
					const scope: TransactionScope<Transaction<any>> = {
						outbox: createSqlOutboxStore(trx, dialect, tables, statements),
						audit: createSqlAuditStore(trx, tables, statements),
						idempotency: createSqlIdempotencyStore(trx, tables, statements, forgetExpiredKeys),
						handle: trx,
					};
					return work(scope);
				});
			} catch (error) {
				throw translateStoreError(error);
			}
		},
	};
}
