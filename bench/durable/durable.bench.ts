import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	bearerTokenProvider,
	createExecutor,
	createNatsBus,
	createOutboxRelay,
	createStores,
	implement,
	type MigrationSet,
	type SqlStores,
	silentLogger,
} from '@charter/runtime';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineEvent } from '@charter/spec';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { connect } from 'nats';
import pg from 'pg';
import {
	type BenchReport,
	measure,
	type RatioResult,
	ratio,
	type TaskResult,
} from '../bench-report.ts';

/*
 * A durable command (state update + outbox row + audit row in one transaction, through the
 * whole executor pipeline) against the same three writes with the bare driver in one
 * transaction, on SQLite and PostgreSQL in the same run; and the relay's events per second
 * to NATS JetStream against bare JetStream publishes of the same events.
 * PostgreSQL and NATS run when CHARTER_TEST_PG_URL / CHARTER_TEST_NATS_URL are set.
 */

const Item = defineSchemaModel({
	name: 'BenchItem',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		revision: { type: ScalarTypeEnum.Int(), isOptional: false },
	},
});
const ItemTouched = defineEvent({
	meta: { key: 'bench.item.touched', version: '1.0.0' },
	payload: Item,
});
const TouchItem = defineCommand({
	meta: { key: 'bench.item.touch', version: '1.0.0' },
	io: {
		input: defineSchemaModel({
			name: 'TouchInput',
			fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
		}),
		output: Item,
	},
	policy: { auth: 'user' },
	sideEffects: { emits: [ItemTouched], audit: ['bench.item.touched'] },
});

const itemsTable = (stores: SqlStores) => `${stores.tables.outbox.slice(0, -'outbox'.length)}items`;
const appMigrations: MigrationSet = {
	scope: 'bench',
	migrations: [
		{
			version: 1,
			name: 'items',
			async up({ db, tables }) {
				const table = `${tables.outbox.slice(0, -'outbox'.length)}items`;
				await db.schema
					.createTable(table)
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('revision', 'integer', (c) => c.notNull())
					.execute();
				await db.insertInto(table).values({ id: 'item-1', revision: 0 }).execute();
			},
		},
	],
};

function durableExecutor(stores: SqlStores) {
	const table = itemsTable(stores);
	return createExecutor({
		stores,
		logger: silentLogger,
		contextProvider: bearerTokenProvider({ tokens: { bench: { id: 'bench', tenant: 't1' } } }),
		bindings: [
			implement(TouchItem, async (input, ctx) => {
				const db = ctx.transaction!.handle as Kysely<any>;
				const row = (await db
					.updateTable(table)
					.set((eb) => ({ revision: eb('revision', '+', 1) }))
					.where('id', '=', input.id)
					.returning(['id', 'revision'])
					.executeTakeFirstOrThrow()) as { id: string; revision: number };
				const item = { id: row.id, revision: Number(row.revision) };
				ctx.emit('bench.item.touched', item);
				return item;
			}),
		],
	});
}

const invocation = {
	operation: 'bench.item.touch',
	input: { id: 'item-1' },
	metadata: { headers: { authorization: 'Bearer bench' } },
};

function auditValues(stores: SqlStores) {
	const now = new Date().toISOString();
	return [
		randomUUID(),
		'bench.item.touch',
		'1.0.0',
		'bench',
		't1',
		'd'.repeat(64),
		'OK',
		200,
		0,
		null,
		randomUUID(),
		'["bench.item.touched"]',
		now,
		now,
	];
}

function eventJson(revision: number) {
	return JSON.stringify({
		specversion: '1.0',
		id: randomUUID(),
		source: 'charter:operation/bench.item.touch@1.0.0',
		type: 'bench.item.touched',
		time: new Date().toISOString(),
		datacontenttype: 'application/json',
		data: { id: 'item-1', revision },
		eventversion: '1.0.0',
		traceid: randomUUID(),
	});
}

async function sqliteTasks(dir: string) {
	const file = join(dir, 'bench.db');
	const stores = await createStores({ url: `sqlite:${file}`, migrations: [appMigrations] });
	const executor = durableExecutor(stores);
	// The bare driver: the same file, pragmas and three writes, prepared statements.
	const raw = new Database(file);
	raw.pragma('journal_mode = WAL');
	raw.pragma('synchronous = FULL');
	const t = stores.tables;
	const update = raw.prepare(
		`update ${itemsTable(stores)} set revision = revision + 1 where id = ? returning id, revision`,
	);
	const outbox = raw.prepare(
		`insert into ${t.outbox} (id, stream, envelope, created_at) values (?, ?, ?, ?)`,
	);
	const audit = raw.prepare(
		`insert into ${t.audit} (id, operation, version, principal_id, tenant, input_digest, result_code, status, replayed, idempotency_key, trace_id, records, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	);
	const write = raw.transaction(() => {
		const row = update.get('item-1') as { revision: number };
		outbox.run(
			randomUUID(),
			'bench.item.touched',
			eventJson(row.revision),
			new Date().toISOString(),
		);
		audit.run(...auditValues(stores));
	});
	return {
		tasks: {
			'sqlite: charter durable command': async () => {
				const r = await executor.execute(invocation);
				if (!r.ok) throw new Error(r.problem.code);
			},
			'sqlite: bare better-sqlite3 transaction': () => write(),
		},
		close: async () => {
			raw.close();
			await stores.close();
		},
	};
}

async function postgresTasks(url: string) {
	const prefix = `bench_${randomUUID().slice(0, 8)}_`;
	const stores = await createStores({ url, tablePrefix: prefix, migrations: [appMigrations] });
	const executor = durableExecutor(stores);
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const t = stores.tables;
	const write = async () => {
		await client.query('begin');
		const { rows } = await client.query(
			`update ${itemsTable(stores)} set revision = revision + 1 where id = $1 returning id, revision`,
			['item-1'],
		);
		await client.query(
			`insert into ${t.outbox} (id, stream, envelope, created_at) values ($1, $2, $3, $4)`,
			[randomUUID(), 'bench.item.touched', eventJson(rows[0].revision), new Date().toISOString()],
		);
		await client.query(
			`insert into ${t.audit} (id, operation, version, principal_id, tenant, input_digest, result_code, status, replayed, idempotency_key, trace_id, records, started_at, finished_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			auditValues(stores),
		);
		await client.query('commit');
	};
	return {
		stores,
		tasks: {
			'postgres: charter durable command': async () => {
				const r = await executor.execute(invocation);
				if (!r.ok) throw new Error(r.problem.code);
			},
			'postgres: bare pg transaction': write,
		},
		close: async () => {
			for (const table of [t.outbox, t.audit, t.idempotency, t.migrations, itemsTable(stores)]) {
				await client.query(`drop table if exists ${table}`);
			}
			await client.end();
			await stores.close();
		},
	};
}

/** Events per second: the relay draining the outbox to JetStream vs bare awaited publishes. */
async function relayRate(stores: SqlStores, natsUrl: string, count: number): Promise<TaskResult[]> {
	const stream = `BENCH_${randomUUID().slice(0, 8).toUpperCase()}`;
	const prefix = `bench.${stream.toLowerCase()}`;
	const bus = await createNatsBus({ url: natsUrl, stream, subjectPrefix: prefix });
	const envelopes = Array.from({ length: count }, (_, i) => JSON.parse(eventJson(i)));
	await stores.outbox.append(envelopes);
	const relay = createOutboxRelay({ outbox: stores.outbox, publisher: bus, batchSize: 200 });
	let start = performance.now();
	const delivered = await relay.drain();
	const relaySeconds = (performance.now() - start) / 1000;
	// The outbox also holds the benchmarked commands' events: all of them count.
	if (delivered < count) throw new Error(`relay delivered ${delivered} of ${count}`);
	const nc = await connect({ servers: natsUrl });
	const js = nc.jetstream();
	start = performance.now();
	for (const e of envelopes)
		await js.publish(`${prefix}.bare`, JSON.stringify(e), { msgID: `bare-${e.id}` });
	const bareSeconds = (performance.now() - start) / 1000;
	const jsm = await nc.jetstreamManager();
	await jsm.streams.delete(stream);
	await nc.close();
	await bus.close();
	return [
		{ name: 'relay -> NATS (events/s)', hz: delivered / relaySeconds, rme: 0 },
		{ name: 'bare JetStream publish (events/s)', hz: count / bareSeconds, rme: 0 },
	];
}

/** Runs the durable benchmark. */
export async function run(): Promise<BenchReport> {
	const pgUrl = process.env.CHARTER_TEST_PG_URL;
	const natsUrl = process.env.CHARTER_TEST_NATS_URL;
	const dir = mkdtempSync(join(tmpdir(), 'charter-bench-'));
	const notes = [
		'SQLite: WAL, synchronous=FULL (the default: every commit synced) for both sides, same file',
		'each durable command: pipeline (validate, authenticate, authorize), update + outbox + audit in one transaction',
	];
	const sqlite = await sqliteTasks(dir);
	const postgres = pgUrl ? await postgresTasks(pgUrl) : undefined;
	try {
		const results = await measure({ ...sqlite.tasks, ...postgres?.tasks });
		const ratios: RatioResult[] = [
			ratio(
				results,
				'sqlite durable/bare',
				'sqlite: charter durable command',
				'sqlite: bare better-sqlite3 transaction',
				0.7,
			),
		];
		if (postgres) {
			ratios.push(
				ratio(
					results,
					'postgres durable/bare',
					'postgres: charter durable command',
					'postgres: bare pg transaction',
					0.7,
				),
			);
		} else notes.push('PostgreSQL skipped: set CHARTER_TEST_PG_URL');
		const tasks = [...results.values()];
		if (postgres && natsUrl) {
			const rates = await relayRate(postgres.stores, natsUrl, 2000);
			tasks.push(...rates);
			const byName = new Map(rates.map((r) => [r.name, r]));
			ratios.push(
				ratio(
					byName,
					'relay/bare publish',
					'relay -> NATS (events/s)',
					'bare JetStream publish (events/s)',
					0.7,
				),
			);
			notes.push(
				'relay: 2000 events from the PostgreSQL outbox, batches of 200, each publish awaited (acknowledged by JetStream)',
			);
		} else notes.push('relay rate skipped: set CHARTER_TEST_PG_URL and CHARTER_TEST_NATS_URL');
		return { name: 'durable commands', tasks, ratios, notes };
	} finally {
		await sqlite.close();
		await postgres?.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { formatReport } = await import('../bench-report.ts');
	console.log(formatReport(await run()));
}
