import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-sse';
import { connect } from 'nats';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { killAllNodes, runCharter, type ServeNode, startServeNode } from './serve-node.ts';

// Two `charter serve` processes on one PostgreSQL and one NATS JetStream act as one system:
// idempotency keys, the outbox relay and subscriptions work across nodes, and a node killed
// with SIGKILL loses nothing it acknowledged; a node drained with SIGTERM under load answers
// every request it took and exits within its drain timeout.
const PG_URL = process.env.CHARTER_TEST_PG_URL;
const NATS_URL = process.env.CHARTER_TEST_NATS_URL;
if (!(PG_URL && NATS_URL)) {
	console.warn(
		'[skipped] charter serve on several nodes: set CHARTER_TEST_PG_URL and CHARTER_TEST_NATS_URL to run it',
	);
}

const ACCOUNT = 'acc-1';
const AUTH = { authorization: 'Bearer dev-token' };
/** Concurrent requests in flight per batch. */
const CONCURRENCY = 10;

interface Deposit {
	depositId: string;
	accountId: string;
	amount: number;
	balance: number;
	revision: number;
}

/** An answer: status, body and whether the server said it replayed a stored result. */
interface Answer {
	status: number;
	body: Record<string, unknown>;
	replayed: boolean;
}

const amountOf = (i: number) => i + 1;

/** One POST of deposit `i`; `undefined` when the node gave no answer (down, reset). */
async function deposit(node: ServeNode, run: string, i: number): Promise<Answer | undefined> {
	try {
		const response = await fetch(`${node.base}/v1/account/deposit`, {
			method: 'POST',
			headers: { ...AUTH, 'content-type': 'application/json', 'idempotency-key': `${run}-${i}` },
			body: JSON.stringify({ depositId: `d-${i}`, accountId: ACCOUNT, amount: amountOf(i) }),
			signal: AbortSignal.timeout(10_000),
		});
		return {
			status: response.status,
			body: (await response.json()) as Record<string, unknown>,
			replayed: response.headers.get('idempotent-replayed') === 'true',
		};
	} catch {
		return undefined;
	}
}

/** Answers that said "retry later", by problem code (or `no answer`). */
const retryReasons = new Map<string, number>();

/** Retries deposit `i` on one node (same key) until it is acknowledged, within a deadline. */
async function acknowledge(node: ServeNode, run: string, i: number, deadline: number) {
	for (;;) {
		const answer = await deposit(node, run, i);
		if (answer?.status === 200) return answer;
		// Retry later: no answer, a key in flight, or a conflict.
		const code = answer?.body.code;
		const reason = typeof code === 'string' ? code : 'no answer';
		retryReasons.set(reason, (retryReasons.get(reason) ?? 0) + 1);
		if (answer && code !== 'IDEMPOTENCY_IN_FLIGHT' && code !== 'CONFLICT') {
			throw new Error(
				`deposit ${i} on ${node.name}: ${answer.status} ${JSON.stringify(answer.body)}`,
			);
		}
		if (Date.now() > deadline) throw new Error(`deposit ${i} on ${node.name}: no ack in time`);
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
}

/** Runs `work` over the items, `concurrency` at a time. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string) {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function getAccount(node: ServeNode) {
	const response = await fetch(`${node.base}/v1/account/get?accountId=${ACCOUNT}`, {
		headers: AUTH,
	});
	return { status: response.status, body: await response.json() };
}

describe.skipIf(!(PG_URL && NATS_URL))('charter serve on several nodes (PostgreSQL + NATS)', () => {
	test('two nodes share idempotency keys, outbox and subscriptions; a node killed with SIGKILL loses nothing acknowledged', async () => {
		const t0 = Date.now();
		const timings: Record<string, number> = {};
		const mark = (name: string) => {
			timings[name] = Date.now() - t0;
		};
		const { run, dbUrl, stream, serveArgs, cleanup } = await freshSystem();
		// Two GraphQL subscribers on node B: each must get every event (live broadcast).
		const received = [new Map<string, number>(), new Map<string, number>()] as const;
		let subscriptionError: unknown;
		const sse: ReturnType<typeof createClient>[] = [];
		try {
			// 1. two nodes on one database and one bus (they migrate it together)
			let [a, b] = await Promise.all([
				startServeNode('A', serveArgs),
				startServeNode('B', serveArgs),
			]);
			expect(a.output()).toContain('(postgres)');
			mark('both nodes up');

			// 2. two subscribers on node B (GraphQL over SSE); a stream opens once its listener is
			// live, and a live listener gets only events published after that.
			await Promise.all(
				received.map(
					(seen) =>
						new Promise<void>((connected, failed) => {
							const client = createClient({
								url: `${b.base}/graphql`,
								headers: AUTH,
								retryAttempts: 0,
							});
							sse.push(client);
							client.subscribe<{ accountDeposited: { depositId: string } }>(
								{ query: 'subscription { accountDeposited { depositId revision } }' },
								{
									next: (result) => {
										const id = result.data?.accountDeposited.depositId;
										if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
									},
									error: (error) => {
										subscriptionError = error;
										failed(error);
									},
									complete: () => {},
								},
								{ connected: () => connected() },
							);
						}),
				),
			);
			mark('two subscribers on B');

			const acked = new Map<number, Answer>();
			const nodeOf = (i: number) => (i % 2 === 0 ? a : b);
			const other = (node: ServeNode) => (node === a ? b : a);

			// Batch 1: deposits alternating between the nodes.
			await pool(range(0, 200), CONCURRENCY, async (i) => {
				acked.set(i, await acknowledge(nodeOf(i), run, i, Date.now() + 15_000));
			});
			expect([...acked.values()].every((answer) => !answer.replayed)).toBe(true);
			mark('batch 1 (200 deposits)');

			// A key re-sent to the OTHER node replays the stored result, byte for byte.
			for (const i of range(0, 200).filter((k) => k % 10 === 0)) {
				const again = await deposit(other(nodeOf(i)), run, i);
				expect(again?.status).toBe(200);
				expect(again?.replayed).toBe(true);
				expect(again?.body).toEqual(acked.get(i)?.body);
			}
			// The same key sent to both nodes at once runs once: one fresh 200, the other a replay
			// or "still in flight".
			for (const i of range(200, 220)) {
				const answers = await Promise.all([deposit(a, run, i), deposit(b, run, i)]);
				const fresh = answers.filter((x) => x?.status === 200 && !x.replayed);
				expect(fresh).toHaveLength(1);
				for (const x of answers.filter((y) => y !== fresh[0])) {
					expect(x?.status === 200 ? 'replayed' : x?.body.code).toMatch(
						/^(replayed|IDEMPOTENCY_IN_FLIGHT)$/,
					);
				}
				acked.set(i, fresh[0]!);
			}
			mark('cross-node replays and same-key races');

			// 3. batch 2: node A is killed with SIGKILL after 30 of its deposits were acknowledged,
			// while the test holds the account's row lock: A's calls in flight have claimed their
			// keys inside their transactions and wait there, the worst moment to die.
			const appDb = new pg.Client({ connectionString: dbUrl.href });
			await appDb.connect();
			let orphanClaims = 0;
			const crash = async (node: ServeNode) => {
				await appDb.query('begin');
				await appDb.query('select 1 from accounts where id = $1 for update', [ACCOUNT]);
				await new Promise((resolve) => setTimeout(resolve, 400));
				await node.kill9();
				const claims = await appDb.query(
					"select count(*)::int as n from charter_idempotency where state = 'in-flight'",
				);
				orphanClaims = (claims.rows[0] as { n: number }).n;
				await appDb.query('commit');
			};
			const unacked: number[] = [];
			let ackedOnA = 0;
			let killing: Promise<void> | undefined;
			await pool(range(220, 420), CONCURRENCY, async (i) => {
				const node = nodeOf(i);
				const answer = await deposit(node, run, i);
				if (answer?.status === 200) {
					acked.set(i, answer);
					if (node === a && ++ackedOnA === 30) killing = crash(a);
				} else {
					unacked.push(i);
				}
			});
			await killing;
			await appDb.end();
			mark(`batch 2 with node A killed (${orphanClaims} keys claimed in flight on both nodes)`);
			expect(killing, 'node A was killed mid-batch').toBeDefined();
			expect(unacked.length).toBeGreaterThan(0);
			// The client retries every unacknowledged deposit against node B, with the same key.
			let replayedAfterCrash = 0;
			await pool(unacked, CONCURRENCY, async (i) => {
				const answer = await acknowledge(b, run, i, Date.now() + 20_000);
				if (answer.replayed) replayedAfterCrash++;
				acked.set(i, answer);
			});
			mark(`retries on B (${unacked.length} unacked, ${replayedAfterCrash} replayed)`);
			// The dead node's claims rolled back with its transactions: no key was left in flight to
			// wait out, and every retry ran once or replayed.
			expect(orphanClaims).toBe(0);
			expect(retryReasons.get('IDEMPOTENCY_IN_FLIGHT')).toBeUndefined();
			a = await startServeNode('A2', serveArgs);
			mark('node A restarted');
			// The restarted node serves, and replays what B acknowledged.
			await pool(range(420, 440), CONCURRENCY, async (i) => {
				acked.set(i, await acknowledge(a, run, i, Date.now() + 15_000));
			});
			const retried = unacked[0]!;
			const replay = await deposit(a, run, retried);
			expect(replay).toMatchObject({ status: 200, replayed: true, body: acked.get(retried)!.body });

			// 4. nothing lost, nothing applied twice
			const n = 440;
			expect(acked.size).toBe(n);
			const deposits = [...acked.entries()].map(([i, answer]) => {
				const body = answer.body as unknown as Deposit;
				expect(body).toMatchObject({ depositId: `d-${i}`, amount: amountOf(i) });
				return body;
			});
			// Each deposit got its own revision, and the balances chain in revision order.
			deposits.sort((x, y) => x.revision - y.revision);
			expect(deposits.map((d) => d.revision)).toEqual(range(1, n + 1));
			let balance = 0;
			for (const d of deposits) {
				balance += d.amount;
				expect(d.balance).toBe(balance);
			}
			const sum = range(0, n).reduce((total, i) => total + amountOf(i), 0);
			expect(balance).toBe(sum);
			for (const node of [a, b]) {
				expect(await getAccount(node)).toEqual({
					status: 200,
					body: { accountId: ACCOUNT, balance: sum, revision: n },
				});
			}

			// One committed audit record per key (replays are audited as replays).
			const records = await depositAudit(dbUrl.href);
			const committed = records.filter((r) => r.resultCode === 'OK' && !r.replayed);
			expect(committed).toHaveLength(n);
			expect(new Set(committed.map((r) => r.idempotencyKey))).toEqual(
				new Set(range(0, n).map((i) => `${run}-${i}`)),
			);
			expect(records.filter((r) => r.replayed).length).toBeGreaterThanOrEqual(20 + 1);
			mark('state and audit checked');

			// Every event reached each subscriber on B at least once (A's outbox included).
			await until(
				() => received.every((seen) => seen.size >= n) || subscriptionError !== undefined,
				20_000,
				'events',
			);
			expect(subscriptionError).toBeUndefined();
			for (const seen of received) {
				expect([...seen.keys()].sort()).toEqual(
					range(0, n)
						.map((i) => `d-${i}`)
						.sort(),
				);
			}
			const again = received.map((seen) => [...seen.values()].filter((c) => c > 1).length);
			mark(`events on both subscribers (${again.join(' and ')} redelivered)`);

			// The stream holds each event once: JetStream dropped re-published ids.
			const ids = await readStreamIds(NATS_URL!, stream);
			expect(new Set(ids.map((e) => e.id)).size).toBe(n);
			expect(new Set(ids.map((e) => e.depositId)).size).toBe(n);
			mark(`stream read (${ids.length} messages)`);
			console.info('[multi-node] timings (ms since start):', timings);
			console.info('[multi-node] retried answers:', Object.fromEntries(retryReasons));
			// An open event stream would hold node B's drain until its deadline.
			for (const client of sse) client.dispose();
			expect(await b.stop()).toBe(0);
			expect(await a.stop()).toBe(0);
		} finally {
			for (const client of sse) client.dispose();
			await cleanup();
		}
	}, 90_000);

	test('a node drained with SIGTERM under load answers every request it accepted, refuses the rest, and exits within its drain timeout', async () => {
		const { run, dbUrl, serveArgs, cleanup } = await freshSystem();
		const DRAIN_TIMEOUT_MS = 10_000;
		const args = [...serveArgs, '--drain-timeout', String(DRAIN_TIMEOUT_MS)];
		try {
			const [a, b] = await Promise.all([startServeNode('A', args), startServeNode('B', args)]);
			const ready = async (node: ServeNode) =>
				(await fetch(`${node.base}/readyz`).catch(() => undefined))?.status;
			expect(await ready(a)).toBe(200);

			// A steady stream of deposits to node A, CONCURRENCY at a time. An answer from A must
			// be 200; a deposit A refused (no answer: its listener closed, or a keep-alive
			// connection closed before the request was read) is retried on B with the same key.
			const n = 300;
			const ackedOnA = new Map<number, Answer>();
			const ackedOnB = new Map<number, Answer>();
			const failedOnA: string[] = [];
			/** The deposits on their way to A, by number: the ones in flight at any moment. */
			const outstanding = new Set<number>();
			const appDb = new pg.Client({ connectionString: dbUrl.href });
			await appDb.connect();
			let inFlightAtTerm: number[] = [];
			let termAt = 0;
			let exited: Promise<number | null> | undefined;
			let readyWhileDraining: number | undefined;
			// Once 60 deposits are acknowledged by A, the test holds the account's row lock so A's
			// next calls wait inside their transactions, sends SIGTERM, and releases the lock while
			// A drains: those calls were accepted and must still be answered.
			const drain = async () => {
				await appDb.query('begin');
				await appDb.query('select 1 from accounts where id = $1 for update', [ACCOUNT]);
				await new Promise((resolve) => setTimeout(resolve, 400));
				inFlightAtTerm = [...outstanding];
				termAt = Date.now();
				exited = a.stop();
				await new Promise((resolve) => setTimeout(resolve, 300));
				readyWhileDraining = await ready(a);
				await appDb.query('commit');
			};
			let draining: Promise<void> | undefined;
			await pool(range(0, n), CONCURRENCY, async (i) => {
				outstanding.add(i);
				const answer = await deposit(a, run, i);
				outstanding.delete(i);
				if (answer?.status === 200) {
					ackedOnA.set(i, answer);
					if (ackedOnA.size === 60) draining = drain();
					return;
				}
				if (answer) failedOnA.push(`${i}: ${answer.status} ${JSON.stringify(answer.body)}`);
				ackedOnB.set(i, await acknowledge(b, run, i, Date.now() + 15_000));
			});
			await draining;
			const code = await exited;
			const drainMs = Date.now() - termAt;
			await appDb.end();
			console.info(
				`[multi-node drain] A acknowledged ${ackedOnA.size}, B took ${ackedOnB.size} refused by A; ${inFlightAtTerm.length} in flight on A at SIGTERM; A exited ${code} after ${drainMs} ms`,
			);

			expect(draining, 'node A got SIGTERM mid-load').toBeDefined();
			// Every call A had accepted when it was told to stop was answered 200, and no answer
			// from A was a failure: A refused only by not taking the request.
			expect(inFlightAtTerm.length).toBeGreaterThan(0);
			for (const i of inFlightAtTerm) expect(ackedOnA.get(i)?.status, `deposit ${i}`).toBe(200);
			expect(failedOnA).toEqual([]);
			expect(readyWhileDraining === undefined || readyWhileDraining === 503).toBe(true);
			// The rest of the stream went to B: A drained and left while load continued.
			expect(ackedOnB.size).toBeGreaterThan(0);
			expect(ackedOnA.size + ackedOnB.size).toBe(n);
			expect(code).toBe(0);
			expect(drainMs).toBeLessThan(DRAIN_TIMEOUT_MS);
			expect(a.output()).toContain('stopped');

			// Durable: each deposit applied once, the balance is their sum, and each has one
			// committed audit record under its key, whichever node acknowledged it.
			const sum = range(0, n).reduce((total, i) => total + amountOf(i), 0);
			expect(await getAccount(b)).toEqual({
				status: 200,
				body: { accountId: ACCOUNT, balance: sum, revision: n },
			});
			const committed = (await depositAudit(dbUrl.href))
				.filter((r) => r.resultCode === 'OK' && !r.replayed)
				.map((r) => r.idempotencyKey);
			expect(committed.sort()).toEqual(
				range(0, n)
					.map((i) => `${run}-${i}`)
					.sort(),
			);
			expect(await b.stop()).toBe(0);
		} finally {
			await cleanup();
		}
	}, 60_000);
});

/** The audit records of every deposit, read with `charter audit tail --json`. */
async function depositAudit(db: string) {
	const audit = await runCharter([
		'audit',
		'tail',
		'-n',
		'10000',
		'--operation',
		'account.deposit',
		'--json',
		'--db',
		db,
	]);
	expect(audit.code).toBe(0);
	return audit.stdout
		.trim()
		.split('\n')
		.map(
			(line) =>
				JSON.parse(line) as { resultCode: string; replayed: boolean; idempotencyKey?: string },
		);
}

/**
 * A fresh database and JetStream stream for one test, the `charter serve` arguments that use
 * them, and the cleanup that kills the nodes and drops both.
 */
async function freshSystem() {
	const tag = randomBytes(4).toString('hex');
	const database = `charter_mn_${tag}`;
	const stream = `CHARTER_MN_${tag.toUpperCase()}`;
	const dbUrl = new URL(PG_URL!);
	dbUrl.pathname = `/${database}`;
	const admin = new pg.Client({ connectionString: PG_URL });
	await admin.connect();
	await admin.query(`create database ${database}`);
	const serveArgs = [
		'--db',
		dbUrl.href,
		'--bus',
		NATS_URL!,
		'--bus-stream',
		stream,
		'--no-seed',
		'--timeout',
		'2000',
	];
	const cleanup = async () => {
		killAllNodes();
		await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
		await admin.end();
		const nc = await connect({ servers: NATS_URL! });
		await (await nc.jetstreamManager()).streams.delete(stream).catch(() => false);
		await nc.close();
	};
	return { run: `mn-${tag}`, dbUrl, stream, serveArgs, cleanup };
}

/** Reads every message of the stream with an ordered consumer: event id and deposit id. */
async function readStreamIds(url: string, stream: string) {
	const nc = await connect({ servers: url });
	try {
		const info = await (await nc.jetstreamManager()).streams.info(stream);
		const consumer = await nc.jetstream().consumers.get(stream);
		const out: { id: string; depositId: string }[] = [];
		if (info.state.messages === 0) return out;
		const messages = await consumer.consume();
		for await (const message of messages) {
			const event = message.json<{ id: string; data: { depositId: string } }>();
			out.push({ id: event.id, depositId: event.data.depositId });
			if (message.info.pending === 0) break;
		}
		return out;
	} finally {
		await nc.close();
	}
}
