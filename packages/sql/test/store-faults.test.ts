import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	CharterConfigError,
	createEventBus,
	createExecutor,
	createOutboxRelay,
	implement,
	type Logger,
	silentLogger,
} from '@charter/runtime';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { createStores, type SqlStores } from '@charter/sql';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
	asAlice,
	CounterModel,
	counterMigrations,
	counterTable,
	createCounterExecutor,
} from '../../../test-support/durable/counter-app.ts';
import {
	announceSkip,
	PG_URL,
	postgresTarget,
	sqliteTarget,
	sqlTargets,
	uniquePrefix,
} from '../../../test-support/durable/store-targets.ts';
import { startTcpProxy } from '../../../test-support/durable/tcp-proxy.ts';
import { capturingLogger } from '../../runtime/test/fixtures/todo-app.ts';
import { charterMigrations } from '../src/stores/charter-migrations.ts';
import { runMigrations } from '../src/stores/sql-migrations.ts';
import { tableNames } from '../src/stores/sql-tables.ts';

announceSkip('CHARTER_TEST_PG_URL', 'migrations and faults over PostgreSQL');

const targets = sqlTargets();
afterAll(async () => {
	for (const target of targets) await target.cleanup();
});

describe.each(targets.map((t) => [t.name, t] as const))('migrations on %s', (_n, target) => {
	it('run once: opening the same database again applies nothing', async () => {
		const prefix = uniquePrefix('m');
		const first = await target.open({ prefix, migrations: [counterMigrations] });
		expect(first.migrations.applied.map((m) => `${m.scope}@${m.version}`)).toEqual([
			'charter@1',
			'charter@2',
			'charter@3',
			'charter@4',
			'charter@5',
			'charter@6',
			'counter-app@1',
		]);
		if (target.name === 'sqlite') return; // a new file per open: covered by the upgrade test
		const second = await target.open({ prefix, migrations: [counterMigrations] });
		expect(second.migrations.applied).toEqual([]);
	});

	it('upgrades a version-1 database with data in it; pending events still leave', async () => {
		const stores = await target.open({ prefix: uniquePrefix('u') });
		// Rebuild an old database: drop everything, apply only version 1, write data.
		const t = stores.tables;
		for (const table of [t.outbox, t.audit, t.idempotency, t.migrations]) {
			await stores.db.schema.dropTable(table).ifExists().execute();
		}
		await runMigrations(stores.db, stores.dialect, t, [
			{ scope: 'charter', migrations: charterMigrations.migrations.slice(0, 1) },
		]);
		const event = {
			specversion: '1.0',
			id: 'old-event',
			source: 'charter:operation/x@1.0.0',
			type: 'counter.incremented',
			time: '2024-01-01T00:00:00.000Z',
			datacontenttype: 'application/json',
			data: { id: 'c', value: 1, revision: 1 },
			eventversion: '1.0.0',
			traceid: 'tr',
		};
		await stores.db
			.insertInto(t.outbox)
			.values({ id: event.id, envelope: JSON.stringify(event), created_at: event.time })
			.execute();
		// An audit row from before input shapes were kept (migration 5).
		await stores.db
			.insertInto(t.audit)
			.values({
				id: 'old-call',
				operation: 'counter.increment',
				version: '1.0.0',
				input_digest: 'd',
				result_code: 'OK',
				status: 200,
				replayed: 0,
				trace_id: 'tr',
				records: '[]',
				started_at: event.time,
				finished_at: event.time,
			})
			.execute();
		const report = await runMigrations(stores.db, stores.dialect, t, [charterMigrations]);
		expect(report.applied.map((m) => m.version)).toEqual([2, 3, 4, 5, 6]);
		const row = await stores.db.selectFrom(t.outbox).selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ id: 'old-event', stream: 'counter.incremented', attempts: 0 });
		// Its shape is unknown: no inputShape, never an empty one.
		const [old] = await stores.audit.list();
		expect(old).toMatchObject({ id: 'old-call', operation: 'counter.increment' });
		expect(old).not.toHaveProperty('inputShape');
		const bus = createEventBus();
		const seen: string[] = [];
		bus.subscribe('*', (e) => {
			seen.push(e.id);
		});
		await createOutboxRelay({ outbox: stores.outbox, publisher: bus }).drain();
		expect(seen).toEqual(['old-event']);
	});

	it('indexes the audit log by trace and caller trace, keeping the indexes an operator built before upgrading', async () => {
		const stores = await target.open({ prefix: uniquePrefix('i') });
		const t = stores.tables;
		const byTrace = [`${t.audit}_trace_idx`, `${t.audit}_caller_trace_idx`];
		const indexes = async () => {
			const query =
				target.name === 'sqlite'
					? sql<{
							name: string;
						}>`select name from sqlite_master where type = 'index' and tbl_name = ${t.audit}`
					: sql<{
							name: string;
						}>`select indexname as name from pg_indexes where tablename = ${t.audit}`;
			return (await query.execute(stores.db)).rows.map((r) => r.name);
		};
		expect(await indexes()).toEqual(expect.arrayContaining(byTrace));
		// Before version 6, as the operate guide says, on PostgreSQL outside any transaction.
		for (const table of [t.outbox, t.audit, t.idempotency, t.migrations]) {
			await stores.db.schema.dropTable(table).ifExists().execute();
		}
		await runMigrations(stores.db, stores.dialect, t, [
			{ scope: 'charter', migrations: charterMigrations.migrations.slice(0, 5) },
		]);
		expect(await indexes()).not.toEqual(expect.arrayContaining(byTrace));
		const concurrently = sql.raw(target.name === 'postgres' ? 'concurrently ' : '');
		for (const [index, column] of [
			[byTrace[0]!, 'trace_id'],
			[byTrace[1]!, 'caller_trace_id'],
		] as const) {
			await sql`create index ${concurrently}if not exists ${sql.id(index)} on ${sql.table(t.audit)} (${sql.id(column)})`.execute(
				stores.db,
			);
		}
		const report = await runMigrations(stores.db, stores.dialect, t, [charterMigrations]);
		expect(report.applied.map((m) => m.version)).toEqual([6]);
		expect(await indexes()).toEqual(expect.arrayContaining(byTrace));
	});
});

describe.skipIf(!PG_URL)('PostgreSQL migrations from two nodes at once', () => {
	it('apply each version exactly once', async () => {
		const target = postgresTarget(PG_URL!);
		const prefix = uniquePrefix('c');
		const [a, b] = await Promise.all([
			target.open({ prefix, migrations: [counterMigrations] }),
			target.open({ prefix, migrations: [counterMigrations] }),
		]);
		expect([a.migrations.applied.length, b.migrations.applied.length].sort()).toEqual([0, 7]);
		const rows = await a.db.selectFrom(tableNames(prefix).migrations).selectAll().execute();
		expect(rows).toHaveLength(7);
		await target.cleanup();
	});
});

describe('startup faults', () => {
	it('an unreachable PostgreSQL is CHARTER_STORE_UNREACHABLE naming the URL, password masked', async () => {
		const error = await createStores({
			url: 'postgres://app:s3cret@127.0.0.1:1/db',
			connectTimeoutMs: 1000,
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CharterConfigError);
		expect(error).toMatchObject({ code: 'CHARTER_STORE_UNREACHABLE' });
		expect((error as Error).message).toContain('postgres://app:***@127.0.0.1:1/db');
		expect((error as Error).message).not.toContain('s3cret');
	});

	it('an SQLite file that cannot be created is CHARTER_STORE_UNREACHABLE', async () => {
		// The parent "folder" is a regular file.
		const dir = mkdtempSync(join(tmpdir(), 'charter-ro-'));
		writeFileSync(join(dir, 'file'), '');
		const error = await createStores({ url: `sqlite:${dir}/file/x.db` }).catch((e) => e);
		rmSync(dir, { recursive: true, force: true });
		expect(error).toMatchObject({ code: 'CHARTER_STORE_UNREACHABLE' });
		expect((error as Error).message).toContain(`sqlite:${dir}/file/x.db`);
	});

	it('a new SQLite file another connection holds a write lock on opens in WAL mode once the lock is released', async () => {
		// Turning WAL on takes a write lock, and SQLite answers SQLITE_BUSY at once (no busy wait)
		// while another connection holds one: the switch is retried until the lock is gone.
		const dir = mkdtempSync(join(tmpdir(), 'charter-wal-'));
		const file = join(dir, 'x.db');
		const other = new Database(file);
		other.exec('BEGIN IMMEDIATE');
		let released = false;
		const release = setTimeout(() => {
			other.exec('ROLLBACK');
			released = true;
		}, 200);
		try {
			const stores = await createStores({ url: `sqlite:${file}` });
			await stores.close();
			expect(released).toBe(true);
			expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
		} finally {
			clearTimeout(release);
			other.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('an unknown URL scheme is CHARTER_STORE_URL_INVALID', async () => {
		await expect(createStores({ url: 'mysql://root:pw@db/x' })).rejects.toMatchObject({
			code: 'CHARTER_STORE_URL_INVALID',
			message: expect.stringContaining('mysql://root:***@db/x'),
		});
	});
});

describe.skipIf(!PG_URL)('PostgreSQL lost while running', () => {
	it('commands fail with a 503 problem, the process keeps running, and recovers', async () => {
		const url = new URL(PG_URL!);
		const proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
		url.host = `127.0.0.1:${proxy.port}`;
		const target = postgresTarget(url.toString());
		const stores = await target.open({ migrations: [counterMigrations] });
		const executor = createCounterExecutor({ stores, table: counterTable(stores.tables.outbox) });
		const run = (key: string) =>
			executor.execute({
				operation: 'counter.increment',
				input: { id: 'x' },
				metadata: asAlice,
				idempotencyKey: key,
			});
		expect(await run('a')).toMatchObject({ ok: true });
		await proxy.cut();
		const lost = await run('b');
		expect(lost).toMatchObject({
			ok: false,
			problem: { status: 503, code: 'STORE_UNAVAILABLE' },
		});
		await proxy.restore();
		expect(await run('b')).toMatchObject({ ok: true, output: { value: 2 } });
		await target.cleanup();
		await proxy.close();
	});
});

/** Creates a counter row with a fixed id: the second create of an id breaks its primary key. */
const CreateCounter = defineCommand({
	meta: { key: 'counter.create', version: '1.0.0' },
	io: {
		input: defineSchemaModel({
			name: 'CreateCounterInput',
			fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
		}),
		output: CounterModel,
	},
	policy: { auth: 'anonymous' },
});

describe.each(targets.map((t) => [t.name, t] as const))(
	'a write that loses a race on %s',
	(_n, target) => {
		it('a key taken meanwhile (unique constraint) is CONFLICT (409), concurrently too, never a 500', async () => {
			const stores = await target.open({ migrations: [counterMigrations] });
			const table = counterTable(stores.tables.outbox);
			const executor = createExecutor({
				stores,
				logger: silentLogger,
				bindings: [
					implement(CreateCounter, async (input, ctx) => {
						const row = { id: input.id, value: 0, revision: 0 };
						await (ctx.transaction!.handle as Kysely<any>).insertInto(table).values(row).execute();
						return row;
					}),
				],
			});
			const create = () => executor.execute({ operation: 'counter.create', input: { id: 'k' } });
			const results = await Promise.all(Array.from({ length: 12 }, create));
			const codes = results.map((r) => (r.ok ? 'OK' : `${r.problem.status} ${r.problem.code}`));
			expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
			expect(new Set(codes.filter((c) => c !== 'OK'))).toEqual(new Set(['409 CONFLICT']));
		});
	},
);

/** Reads a counter through the stores' database: a query outside any transaction. */
const ReadCounter = defineQuery({
	meta: { key: 'counter.read', version: '1.0.0' },
	io: {
		input: defineSchemaModel({
			name: 'ReadCounterInput',
			fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
		}),
		output: CounterModel,
	},
	policy: { auth: 'anonymous' },
});

/** The counter app with a query and a create, over the given stores. */
function counterReadWrite(stores: SqlStores, logger: Logger = silentLogger) {
	const table = counterTable(stores.tables.outbox);
	return createExecutor({
		stores,
		logger,
		bindings: [
			implement(ReadCounter, async (input) => {
				const row = await stores.db
					.selectFrom(table)
					.selectAll()
					.where('id', '=', input.id)
					.executeTakeFirst();
				return row
					? { id: row.id, value: Number(row.value), revision: Number(row.revision) }
					: { id: input.id, value: 0, revision: 0 };
			}),
			implement(CreateCounter, async (input, ctx) => {
				const row = { id: input.id, value: 0, revision: 0 };
				await (ctx.transaction!.handle as Kysely<any>).insertInto(table).values(row).execute();
				return row;
			}),
		],
	});
}

describe('a database that cannot serve', () => {
	it.skipIf(!PG_URL)(
		'PostgreSQL lost: queries are 503 STORE_UNAVAILABLE too, like commands, and recover',
		async () => {
			const url = new URL(PG_URL!);
			const proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
			url.host = `127.0.0.1:${proxy.port}`;
			const target = postgresTarget(url.toString());
			try {
				const stores = await target.open({ migrations: [counterMigrations] });
				const executor = counterReadWrite(stores);
				const read = () => executor.execute({ operation: 'counter.read', input: { id: 'q' } });
				expect(await read()).toMatchObject({ ok: true });
				await proxy.cut();
				expect(await read()).toMatchObject({
					ok: false,
					problem: { status: 503, code: 'STORE_UNAVAILABLE', retryAfter: 5 },
				});
				await proxy.restore();
				expect(await read()).toMatchObject({ ok: true });
			} finally {
				await target.cleanup();
				await proxy.close();
			}
		},
	);

	it('SQLite turned read-only: commands are 503 STORE_UNAVAILABLE, queries still answer, the failed audit write is logged', async () => {
		const target = sqliteTarget();
		try {
			const stores = await target.open({ migrations: [counterMigrations] });
			const logger = capturingLogger();
			const executor = counterReadWrite(stores, logger);
			// query_only stands for a file or disk that turned read-only under the process: SQLite
			// answers every write with SQLITE_READONLY, as it does then.
			await sql`pragma query_only = 1`.execute(stores.db);
			const created = await executor.execute({ operation: 'counter.create', input: { id: 'r' } });
			expect(created).toMatchObject({
				ok: false,
				problem: { status: 503, code: 'STORE_UNAVAILABLE' },
			});
			expect(
				await executor.execute({ operation: 'counter.read', input: { id: 'r' } }),
			).toMatchObject({ ok: true });
			expect(logger.lines.map((l) => l.message)).toContain('audit write failed');
			await sql`pragma query_only = 0`.execute(stores.db);
			expect(
				await executor.execute({ operation: 'counter.create', input: { id: 'r' } }),
			).toMatchObject({ ok: true });
		} finally {
			await target.cleanup();
		}
	});
});

describe('an SQLite path that cannot be a file', () => {
	it('fails at once with CHARTER_STORE_UNREACHABLE under /proc (Node 20 recursive mkdir spun there)', async () => {
		const started = Date.now();
		const error = await createStores({ url: 'sqlite:/proc/nonexistent/x.db' }).catch(
			(e: unknown) => e,
		);
		expect(error).toMatchObject({ code: 'CHARTER_STORE_UNREACHABLE' });
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});
