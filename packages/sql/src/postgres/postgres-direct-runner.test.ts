import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPostgresDirectRunner } from './postgres-direct-runner.ts';

/** A stand-in transaction recording what reaches its connection. */
function recordingTransaction() {
	const seen: { sql: unknown; parameters: readonly unknown[] }[] = [];
	const connection = {
		async executeQuery(query: { sql: unknown; parameters: readonly unknown[] }) {
			seen.push(query);
			return { rows: [] };
		},
	};
	const trx = {
		getExecutor: () => ({ provideConnection: (use: (c: unknown) => unknown) => use(connection) }),
	} as unknown as Kysely<any>;
	return { trx, seen };
}

describe('createPostgresDirectRunner', () => {
	it('sends each statement to the transaction connection as a named prepared statement', async () => {
		const { trx, seen } = recordingTransaction();
		const run = createPostgresDirectRunner();
		await run(trx, 'insert into a (x) values ($1)', [1]);
		await run(trx, 'insert into a (x) values ($1)', [2]);
		await run(trx, 'insert into b (y) values ($1)', [3]);
		const [first, second, third] = seen.map((q) => q.sql as { name: string; text: string });
		expect(first?.text).toBe('insert into a (x) values ($1)');
		expect(first?.name).toMatch(/^charter_[0-9a-f]{20}$/);
		expect(second?.name).toBe(first?.name);
		expect(third?.name).not.toBe(first?.name);
		expect(seen.map((q) => q.parameters)).toEqual([[1], [2], [3]]);
	});
});
