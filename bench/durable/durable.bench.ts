import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNatsBus } from '@charter/nats';
import {
	bearerTokenProvider,
	createExecutor,
	createOutboxRelay,
	type EventEnvelope,
	implement,
	silentLogger,
} from '@charter/runtime';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineEvent } from '@charter/spec';
import { createStores, type MigrationSet, type SqlStores } from '@charter/sql';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { connect } from 'nats';
import pg from 'pg';
import type { BenchReport, RatioResult, TaskResult } from '../bench-report.ts';

/*
 * A durable command through the whole executor against the same writes with the bare driver
 * in one transaction, on SQLite and PostgreSQL in the same run; and the relay's events per
 * second to NATS JetStream against bare JetStream publishes of the same events.
 * PostgreSQL and NATS run when CHARTER_TEST_PG_URL / CHARTER_TEST_NATS_URL are set.
 *
 * What each side does per call:
 * - charter durable command: the pipeline (plan lookup, unsafe-key scan, input copy and
 *   validation, bearer-token authentication, policy), the handler's state update (Kysely, in
 *   the command's transaction), the event payload validated into a CloudEvents envelope, the
 *   output validated, then in ONE transaction: update + one outbox row + one audit row.
 * - bare transaction: BEGIN; the same update; one outbox row (a CloudEvents envelope of the
 *   same shape); one audit row; COMMIT. Prepared statements (SQLite), parameterized queries
 *   on one client (pg).
 * - "keyed" variants: the command carries a fresh idempotency key, so Charter also claims the
 *   key (an in-flight row) and records the outcome (output + events) in the same transaction;
 *   the bare keyed transaction does the same two extra writes (insert the key row, update it
 *   to completed with the outcome JSON) inside its one transaction.
 * Durability is the same on both sides: SQLite in WAL mode with synchronous=FULL (every commit
 * synced), same file; PostgreSQL with the server's commit settings (synchronous_commit as
 * configured) for both connections. Each round times each pair with calls alternating between
 * Charter and bare, so a slow spell of the shared disk hits both; the report gives each task's
 * median over the rounds (BENCH_ROUNDS, 5 by default) and each pair's median per-round ratio.
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

/** A charter task: one command, with a fresh idempotency key when `keyed`. */
function command(executor: ReturnType<typeof durableExecutor>, keyed: boolean) {
	return async () => {
		const r = await executor.execute(
			keyed ? { ...invocation, idempotencyKey: randomUUID() } : invocation,
		);
		if (!r.ok) throw new Error(r.problem.code);
	};
}

function auditValues(idempotencyKey: string | null) {
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
		idempotencyKey,
		randomUUID(),
		'["bench.item.touched"]',
		now,
		now,
	];
}

function eventOf(revision: number): EventEnvelope {
	return {
		specversion: '1.0',
		id: randomUUID(),
		source: 'charter:operation/bench.item.touch@1.0.0',
		type: 'bench.item.touched',
		time: new Date().toISOString(),
		datacontenttype: 'application/json',
		data: { id: 'item-1', revision },
		eventversion: '1.0.0',
		traceid: randomUUID(),
		tenant: 't1',
	};
}

/** The idempotency row of a bare keyed call: its claim, then its completion with the outcome. */
function keyClaim(key: string) {
	const now = new Date();
	return [
		`t1|bench|bench.item.touch@1.0.0|${key}`,
		'd'.repeat(64),
		'in-flight',
		now.toISOString(),
		new Date(now.getTime() + 300_000).toISOString(),
	];
}

/** The SQLite tasks: Charter and the bare driver on the same file with the same pragmas. */
export async function sqliteTasks(dir: string) {
	const file = join(dir, 'bench.db');
	const stores = await createStores({ url: `sqlite:${file}`, migrations: [appMigrations] });
	const executor = durableExecutor(stores);
	// The bare driver: the same file, pragmas and writes, prepared statements.
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
	const claim = raw.prepare(
		`insert into ${t.idempotency} (scope, fingerprint, state, created_at, lease_until) values (?, ?, ?, ?, ?) on conflict (scope) do nothing returning scope`,
	);
	const complete = raw.prepare(
		`update ${t.idempotency} set state = 'completed', outcome = ? where scope = ?`,
	);
	const write = raw.transaction((key: string | null) => {
		const scope = key === null ? undefined : (claim.get(...keyClaim(key)) as { scope: string });
		const row = update.get('item-1') as { id: string; revision: number };
		const event = eventOf(row.revision);
		outbox.run(event.id, event.type, JSON.stringify(event), event.time);
		audit.run(...auditValues(key));
		if (scope) {
			const output = { id: row.id, revision: row.revision };
			complete.run(JSON.stringify({ output, events: [event] }), scope.scope);
		}
	});
	return {
		tasks: {
			'sqlite: charter durable command': command(executor, false),
			'sqlite: bare better-sqlite3 transaction': () => write(null),
			'sqlite: charter keyed command': command(executor, true),
			'sqlite: bare keyed transaction': () => write(randomUUID()),
		},
		close: async () => {
			raw.close();
			await stores.close();
		},
	};
}

/** The PostgreSQL tasks: Charter's pool and one bare client, same server and settings. */
export async function postgresTasks(url: string) {
	const prefix = `bench_${randomUUID().slice(0, 8)}_`;
	const stores = await createStores({ url, tablePrefix: prefix, migrations: [appMigrations] });
	const executor = durableExecutor(stores);
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const t = stores.tables;
	const write = async (key: string | null) => {
		await client.query('begin');
		try {
			let scope: string | undefined;
			if (key !== null) {
				const claimed = await client.query(
					`insert into ${t.idempotency} (scope, fingerprint, state, created_at, lease_until) values ($1, $2, $3, $4, $5) on conflict (scope) do nothing returning scope`,
					keyClaim(key),
				);
				scope = claimed.rows[0].scope;
			}
			const { rows } = await client.query(
				`update ${itemsTable(stores)} set revision = revision + 1 where id = $1 returning id, revision`,
				['item-1'],
			);
			const event = eventOf(rows[0].revision);
			await client.query(
				`insert into ${t.outbox} (id, stream, envelope, created_at) values ($1, $2, $3, $4)`,
				[event.id, event.type, JSON.stringify(event), event.time],
			);
			await client.query(
				`insert into ${t.audit} (id, operation, version, principal_id, tenant, input_digest, result_code, status, replayed, idempotency_key, trace_id, records, started_at, finished_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
				auditValues(key),
			);
			if (scope !== undefined) {
				const output = { id: rows[0].id, revision: Number(rows[0].revision) };
				await client.query(
					`update ${t.idempotency} set state = 'completed', outcome = $1 where scope = $2`,
					[JSON.stringify({ output, events: [event] }), scope],
				);
			}
			await client.query('commit');
		} catch (error) {
			await client.query('rollback');
			throw error;
		}
	};
	return {
		stores,
		tasks: {
			'postgres: charter durable command': command(executor, false),
			'postgres: bare pg transaction': () => write(null),
			'postgres: charter keyed command': command(executor, true),
			'postgres: bare keyed transaction': () => write(randomUUID()),
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

/**
 * Events per second: the relay draining the outbox to JetStream vs a bare loop of awaited
 * publishes (each acknowledged before the next, as a hand-written relay would), in
 * rounds after a warm-up round (JIT and connections warm for both), the order of the two
 * alternating by round; the ratio is the median of the rounds' ratios.
 */
async function relayRate(
	stores: SqlStores,
	natsUrl: string,
	perRound: number,
	rounds: number,
): Promise<{ tasks: TaskResult[]; ratio: RatioResult }> {
	const stream = `BENCH_${randomUUID().slice(0, 8).toUpperCase()}`;
	const prefix = `bench.${stream.toLowerCase()}`;
	const bus = await createNatsBus({ url: natsUrl, stream, subjectPrefix: prefix });
	const relay = createOutboxRelay({ outbox: stores.outbox, publisher: bus, batchSize: 200 });
	const nc = await connect({ servers: natsUrl });
	const js = nc.jetstream();
	// The outbox also holds the benchmarked commands' events: drain them before timing.
	await relay.drain();
	const relayRun = async () => {
		await stores.outbox.append(Array.from({ length: perRound }, (_, i) => eventOf(i)));
		const start = performance.now();
		const delivered = await relay.drain();
		if (delivered < perRound) throw new Error(`relay delivered ${delivered} of ${perRound}`);
		return delivered / ((performance.now() - start) / 1000);
	};
	const bareRun = async () => {
		const envelopes = Array.from({ length: perRound }, (_, i) => eventOf(i));
		const start = performance.now();
		for (const e of envelopes) {
			await js.publish(`${prefix}.bare`, JSON.stringify(e), { msgID: `bare-${e.id}` });
		}
		return perRound / ((performance.now() - start) / 1000);
	};
	try {
		await relayRun();
		await bareRun();
		const relayRates: number[] = [];
		const bareRates: number[] = [];
		for (let round = 0; round < rounds; round++) {
			if (round % 2 === 0) {
				relayRates.push(await relayRun());
				bareRates.push(await bareRun());
			} else {
				bareRates.push(await bareRun());
				relayRates.push(await relayRun());
			}
		}
		const ratios = relayRates.map((rate, i) => rate / bareRates[i]!);
		return {
			tasks: [
				{ name: 'relay -> NATS (events/s)', hz: median(relayRates), rme: 0 },
				{ name: 'bare JetStream publish (events/s)', hz: median(bareRates), rme: 0 },
			],
			ratio: { name: 'relay/bare publish', value: median(ratios), target: 0.9 },
		};
	} finally {
		const jsm = await nc.jetstreamManager();
		await jsm.streams.delete(stream);
		await nc.close();
		await bus.close();
	}
}

/** The Charter/bare pairs, by engine: name, Charter task, bare task. */
const PAIRS = [
	[
		'sqlite durable/bare',
		'sqlite: charter durable command',
		'sqlite: bare better-sqlite3 transaction',
	],
	['sqlite keyed durable/bare', 'sqlite: charter keyed command', 'sqlite: bare keyed transaction'],
	['postgres durable/bare', 'postgres: charter durable command', 'postgres: bare pg transaction'],
	[
		'postgres keyed durable/bare',
		'postgres: charter keyed command',
		'postgres: bare keyed transaction',
	],
] as const;

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Times one pair call by call, alternating Charter and bare (so a slow spell of the shared
 * disk or CPU hits both sides alike), for `ms` after a warm-up. Gives each side's ops/s
 * (calls over the summed time of its own calls), the relative margin of error of the mean, and
 * this process's CPU time per call (user + system: a synced commit's wait is not in it, nor is
 * the PostgreSQL server's work; steadier than wall time when other work shares the cores).
 */
async function timePair(charter: () => unknown, bare: () => unknown, ms: number) {
	const sides = [charter, bare];
	const times: number[][] = [[], []];
	const cpu = [0, 0];
	for (let i = 0; i < 20; i++) for (const fn of sides) await fn();
	const end = performance.now() + ms;
	while (performance.now() < end) {
		for (let side = 0; side < 2; side++) {
			const used = process.cpuUsage();
			const start = performance.now();
			await sides[side]!();
			times[side]!.push(performance.now() - start);
			const { user, system } = process.cpuUsage(used);
			cpu[side]! += user + system;
		}
	}
	return times.map((t, side) => {
		const mean = t.reduce((a, b) => a + b, 0) / t.length;
		const sd = Math.sqrt(t.reduce((a, b) => a + (b - mean) ** 2, 0) / (t.length - 1));
		return {
			hz: 1000 / mean,
			rme: ((1.96 * sd) / Math.sqrt(t.length) / mean) * 100,
			cpuUs: cpu[side]! / t.length,
		};
	});
}

/**
 * Measures every pair in `rounds` interleaved runs and gives each task's median ops/s (its
 * spread in `extra`), and each pair's median of the per-round ratios.
 */
async function measureRounds(tasks: Record<string, () => unknown>, rounds: number, ms: number) {
	const pairs = PAIRS.filter(([, charter, bare]) => charter in tasks && bare in tasks);
	const runs = new Map<string, { hz: number; rme: number; cpuUs: number }[]>();
	const perRound = new Map<string, number[]>();
	const cpuPerRound = new Map<string, number[]>();
	for (let round = 0; round < rounds; round++) {
		for (const [name, charter, bare] of pairs) {
			const [a, b] = await timePair(tasks[charter]!, tasks[bare]!, ms);
			runs.set(charter, [...(runs.get(charter) ?? []), a!]);
			runs.set(bare, [...(runs.get(bare) ?? []), b!]);
			perRound.set(name, [...(perRound.get(name) ?? []), a!.hz / b!.hz]);
			cpuPerRound.set(name, [...(cpuPerRound.get(name) ?? []), b!.cpuUs / a!.cpuUs]);
		}
	}
	const results = new Map<string, TaskResult>();
	for (const [name, all] of runs) {
		const hz = all.map((r) => r.hz);
		const spread = `${Math.round(Math.min(...hz))}..${Math.round(Math.max(...hz))}`;
		results.set(name, {
			name,
			hz: median(hz),
			rme: median(all.map((r) => r.rme)),
			extra: `rounds ${spread}, CPU ${Math.round(median(all.map((r) => r.cpuUs)))} µs/call`,
		});
	}
	const ratios: RatioResult[] = pairs.flatMap(([name]) => [
		{ name, value: median(perRound.get(name)!), target: 0.8 },
		// For reference: this process's CPU per call, bare over Charter (no target).
		{ name: `${name}, CPU per call`, value: median(cpuPerRound.get(name)!) },
	]);
	return { results, ratios };
}

/** Runs the durable benchmark. */
export async function run(): Promise<BenchReport> {
	const pgUrl = process.env.CHARTER_TEST_PG_URL;
	const natsUrl = process.env.CHARTER_TEST_NATS_URL;
	const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
	const ms = Math.max(100, Number(process.env.BENCH_PAIR_MS ?? 2000));
	const dir = mkdtempSync(join(tmpdir(), 'charter-bench-'));
	const notes = [
		'SQLite: WAL, synchronous=FULL (the default: every commit synced) for both sides, same file',
		'each durable command: pipeline (validate, authenticate, authorize), update + outbox + audit in one transaction; keyed: + idempotency key claimed and completed in that transaction (bare: the same two writes)',
		`each round times each pair for ${ms} ms (BENCH_PAIR_MS), calls alternating Charter and bare; ops/s: median of ${rounds} rounds (BENCH_ROUNDS); ratios: median of the per-round ratios`,
	];
	const sqlite = await sqliteTasks(dir);
	const postgres = pgUrl ? await postgresTasks(pgUrl) : undefined;
	try {
		const { results, ratios } = await measureRounds(
			{ ...sqlite.tasks, ...postgres?.tasks },
			rounds,
			ms,
		);
		if (!postgres) notes.push('PostgreSQL skipped: set CHARTER_TEST_PG_URL');
		const tasks = [...results.values()];
		if (postgres && natsUrl) {
			const relayed = await relayRate(postgres.stores, natsUrl, 1000, rounds);
			tasks.push(...relayed.tasks);
			ratios.push(relayed.ratio);
			notes.push(
				`relay: ${rounds} rounds of 1000 events from the PostgreSQL outbox (batches of 200: publishes pipelined, every acknowledgement awaited in order before the batch is marked delivered in one statement) against 1000 bare awaited publishes, after a warm-up round; the order alternates by round; ratio: median of the rounds'`,
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
