import { createHash } from 'node:crypto';
import type { CompiledQuery, DatabaseConnection, Kysely, QueryResult } from 'kysely';
import type { DirectRunner } from '../stores/sql-statements.ts';

const rowsOf = (result: QueryResult<unknown>) => result.rows;

/**
 * Creates the PostgreSQL runner of Charter's own precompiled writes inside a transaction: each
 * statement goes to the transaction's connection as a named prepared statement (parsed and
 * planned once per connection), skipping Kysely's executor and result transformation.
 */
export function createPostgresDirectRunner(): DirectRunner {
	const names = new Map<string, string>();
	const nameOf = (text: string) => {
		let name = names.get(text);
		if (name === undefined) {
			name = `charter_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
			names.set(text, name);
		}
		return name;
	};
	return (trx, text, parameters) => {
		// Kysely's PostgreSQL connection hands `sql` to `pg`'s `client.query` as is, and `pg`
		// takes a `{ name, text }` config there for a named prepared statement.
		const query = {
			sql: { name: nameOf(text), text },
			parameters,
		} as unknown as CompiledQuery;
		return (trx as Kysely<any>)
			.getExecutor()
			.provideConnection((connection: DatabaseConnection) => connection.executeQuery(query))
			.then(rowsOf);
	};
}
