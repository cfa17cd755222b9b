import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlStores } from '@charter/sql';
import { createStores } from '@charter/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { counterTable } from '../../../test-support/durable/counter-app.ts';
import {
	announceSkip,
	dropPrefixed,
	NATS_URL,
	PG_URL,
	uniquePrefix,
} from '../../../test-support/durable/store-targets.ts';

announceSkip('CHARTER_TEST_PG_URL', 'two-node crash test on PostgreSQL + NATS');
announceSkip('CHARTER_TEST_NATS_URL', 'two-node crash test on PostgreSQL + NATS');

const NODE_SCRIPT = fileURLToPath(new URL('./fixtures/crash-node.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'charter-crash-'));
const children = new Set<ChildProcess>();
afterAll(() => {
	for (const child of children) child.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

/** A node process; `acks` fills as it acknowledges commands. */
/**
 * Starts a node running commands `from`..`to`. With `killAfterAcks`, it is killed with SIGKILL
 * the moment that many acknowledgements have been read (later ack lines already in the pipe
 * are ignored, as a client that lost the connection would), so the kill always lands mid-load.
 */
function startNode(env: Record<string, string>, from: number, to: number, killAfterAcks?: number) {
	const child = spawn(process.execPath, ['--import', 'tsx', NODE_SCRIPT], {
		env: { ...process.env, ...env, CRASH_FROM: String(from), CRASH_TO: String(to) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	children.add(child);
	const acks = new Set<number>();
	let done = false;
	let buffer = '';
	let killed = false;
	const kill9 = () => {
		killed = true;
		child.kill('SIGKILL');
		children.delete(child);
	};
	child.stdout!.on('data', (chunk: Buffer) => {
		buffer += chunk.toString();
		const lines = buffer.split('\n');
		buffer = lines.pop() ?? '';
		for (const line of lines) {
			if (line === 'done') done = true;
			else if (line.startsWith('ack ') && !killed) {
				acks.add(Number(line.slice(4)));
				if (killAfterAcks !== undefined && acks.size >= killAfterAcks) kill9();
			}
		}
	});
	return {
		acks,
		isDone: () => done,
		kill9,
	};
}

const until = async (check: () => boolean, ms = 60_000) => {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 25));
	}
};

/** Checks every command has one state change and one audit record, and every event arrived. */
async function verify(stores: SqlStores, n: number, eventsFile: string) {
	const rows = (await stores.db
		.selectFrom(counterTable(stores.tables.outbox))
		.selectAll()
		.execute()) as { id: string; value: number }[];
	expect(rows).toHaveLength(n);
	expect(rows.filter((r) => Number(r.value) !== 1)).toEqual([]);
	const audit = await stores.audit.list({ operation: 'counter.increment' });
	const committed = audit.filter((r) => r.resultCode === 'OK' && !r.replayed);
	expect(committed).toHaveLength(n);
	expect(new Set(committed.map((r) => r.idempotencyKey)).size).toBe(n);
	const received = new Set(readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean));
	const missing = Array.from({ length: n }, (_, i) => `c-${i}`).filter((id) => !received.has(id));
	expect(missing).toEqual([]);
}

describe('crash recovery', () => {
	it('on SQLite, one node killed with SIGKILL mid-load and restarted loses nothing, doubles nothing', async () => {
		const n = 60;
		const prefix = uniquePrefix('k');
		const eventsFile = join(dir, 'sqlite-events.txt');
		writeFileSync(eventsFile, '');
		const env = {
			CRASH_STORE_URL: `sqlite:${join(dir, 'crash.db')}`,
			CRASH_PREFIX: prefix,
			CRASH_EVENTS_FILE: eventsFile,
		};
		const first = startNode(env, 0, n, 20);
		await until(() => first.acks.size >= 20);
		const acked = first.acks.size;
		expect(acked).toBeLessThan(n);
		// The client retries everything (acknowledged keys replay, the rest run).
		const second = startNode(env, 0, n);
		await until(second.isDone);
		const stores = await createStores({ url: env.CRASH_STORE_URL, tablePrefix: prefix });
		await until(() => readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean).length >= n);
		second.kill9();
		await verify(stores, n, eventsFile);
		await stores.close();
	});

	it.skipIf(!(PG_URL && NATS_URL))(
		'on PostgreSQL + NATS, two nodes; one killed mid-load and restarted; nothing lost or doubled',
		async () => {
			const n = 80;
			const prefix = uniquePrefix('k');
			const eventsFile = join(dir, 'pg-events.txt');
			writeFileSync(eventsFile, '');
			const stream = `CRASH_${prefix.toUpperCase().replace(/_$/, '')}`;
			const env = {
				CRASH_STORE_URL: PG_URL!,
				CRASH_BUS_URL: NATS_URL!,
				CRASH_STREAM: stream,
				CRASH_PREFIX: prefix,
				CRASH_EVENTS_FILE: eventsFile,
			};
			const a = startNode(env, 0, n / 2, 10);
			const b = startNode(env, n / 2, n);
			await until(() => a.acks.size >= 10);
			const restarted = startNode(env, 0, n / 2);
			await until(() => restarted.isDone() && b.isDone());
			const stores = await createStores({ url: PG_URL!, tablePrefix: prefix });
			await until(
				() => new Set(readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean)).size >= n,
			);
			restarted.kill9();
			b.kill9();
			await verify(stores, n, eventsFile);
			await dropPrefixed(stores, prefix);
			await stores.close();
			const { connect } = await import('nats');
			const nc = await connect({ servers: NATS_URL! });
			await (await nc.jetstreamManager()).streams.delete(stream).catch(() => {});
			await nc.close();
		},
		120_000,
	);
});
