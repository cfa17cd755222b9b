import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlStores } from '@charter/sql';
import { createStores } from '@charter/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	asAlice,
	counterTable,
	createCounterExecutor,
} from '../../../test-support/durable/counter-app.ts';
import {
	announceSkip,
	dropPrefixed,
	PG_URL,
	uniquePrefix,
} from '../../../test-support/durable/store-targets.ts';

announceSkip('CHARTER_TEST_PG_URL', 'idempotency crash test on PostgreSQL');

const NODE_SCRIPT = fileURLToPath(new URL('./fixtures/keyed-command-node.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'charter-keyed-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs one keyed command in a node process and kills it with SIGKILL the moment it prints
 * `waitFor` (see the fixture for where it stops); resolves once the process is gone.
 */
function killMidCommand(
	env: Record<string, string>,
	stop: 'before-commit' | 'after-commit',
	waitFor: string,
): Promise<string[]> {
	const child = spawn(process.execPath, ['--import', 'tsx', NODE_SCRIPT], {
		env: { ...process.env, ...env, KEYED_STOP: stop },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const lines: string[] = [];
	let buffer = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		buffer += chunk.toString();
		const complete = buffer.split('\n');
		buffer = complete.pop() ?? '';
		lines.push(...complete);
		if (complete.includes(waitFor)) child.kill('SIGKILL');
	});
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`no "${waitFor}" from the node; it printed ${JSON.stringify(lines)}`));
		}, 20_000);
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			if (signal === 'SIGKILL') resolve(lines);
			else reject(new Error(`the node ended on its own: ${JSON.stringify(lines)}`));
		});
	});
}

/** What a command on `counter` left in the database: its state, events, key rows and audit. */
async function leftBehind(stores: SqlStores, counter: string, key: string) {
	const row = (await stores.db
		.selectFrom(counterTable(stores.tables.outbox))
		.selectAll()
		.where('id', '=', counter)
		.executeTakeFirst()) as { value: number } | undefined;
	const events = (await stores.outbox.pending()).filter(
		(e) => (e.envelope.data as { id: string }).id === counter,
	);
	const keys = (await stores.db
		.selectFrom(stores.tables.idempotency)
		.select(['state'])
		.where('scope', 'like', `%|${key}`)
		.execute()) as { state: string }[];
	const audit = (await stores.audit.list({ operation: 'counter.increment' })).filter(
		(r) => r.idempotencyKey === key,
	);
	return {
		value: row === undefined ? undefined : Number(row.value),
		events: events.length,
		keys: keys.map((k) => k.state),
		audit: audit.map((r) => [r.resultCode, r.replayed]),
	};
}

const engines: [string, () => string][] = [
	['sqlite', () => `sqlite:${join(dir, `${uniquePrefix('db')}.db`)}`],
];
const pgUrl = PG_URL;
if (pgUrl) engines.push(['postgres', () => pgUrl]);

describe.each(engines)('a node killed mid-command on %s', (_engine, url) => {
	const storeUrl = url();
	const prefix = uniquePrefix('kc');
	const env = { KEYED_STORE_URL: storeUrl, KEYED_PREFIX: prefix };
	// Both nodes run at once (the migrations are locked): one is killed before its commit, the
	// other after it.
	let killed: Promise<[string[], string[]]>;
	beforeAll(() => {
		killed = Promise.all([
			killMidCommand(
				{ ...env, KEYED_COUNTER: 'c-before', KEYED_KEY: 'key-before' },
				'before-commit',
				'holding',
			),
			killMidCommand(
				{ ...env, KEYED_COUNTER: 'c-after', KEYED_KEY: 'key-after' },
				'after-commit',
				'committed',
			),
		]);
		// Settled here so that a failure shows in the test that awaits it.
		killed.catch(() => {});
	});
	const retry = async (stores: SqlStores, counter: string, key: string) =>
		createCounterExecutor({ stores, table: counterTable(stores.tables.outbox) }).execute({
			operation: 'counter.increment',
			input: { id: counter },
			metadata: asAlice,
			idempotencyKey: key,
		});

	it('before its commit leaves nothing behind, and a retry with the key runs it once', async () => {
		const [lines] = await killed;
		expect(lines).not.toContain('answered');
		const stores = await createStores({ url: storeUrl, tablePrefix: prefix });
		try {
			// The claim, the state change, the event, the audit record and the outcome were all
			// written inside the killed transaction: none of them survives it.
			expect(await leftBehind(stores, 'c-before', 'key-before')).toEqual({
				value: undefined,
				events: 0,
				keys: [],
				audit: [],
			});
			// No claim of the dead node to wait out: the retry runs at once, and exactly once.
			const first = await retry(stores, 'c-before', 'key-before');
			expect(first).toMatchObject({ ok: true, replayed: false, output: { value: 1, revision: 1 } });
			const again = await retry(stores, 'c-before', 'key-before');
			expect(again).toMatchObject({ ok: true, replayed: true, output: { value: 1, revision: 1 } });
			expect(await leftBehind(stores, 'c-before', 'key-before')).toEqual({
				value: 1,
				events: 1,
				keys: ['completed'],
				audit: [
					['OK', false],
					['OK', true],
				],
			});
		} finally {
			await stores.close();
		}
	});

	it('after its commit, before its answer, leaves the command done once; a retry replays it', async () => {
		const [, lines] = await killed;
		expect(lines).not.toContain('answered');
		const stores = await createStores({ url: storeUrl, tablePrefix: prefix });
		try {
			expect(await leftBehind(stores, 'c-after', 'key-after')).toEqual({
				value: 1,
				events: 1,
				keys: ['completed'],
				audit: [['OK', false]],
			});
			// The caller never got its answer; it retries with the key and gets the committed one.
			const retried = await retry(stores, 'c-after', 'key-after');
			expect(retried).toMatchObject({
				ok: true,
				replayed: true,
				output: { id: 'c-after', value: 1, revision: 1 },
			});
			expect(await leftBehind(stores, 'c-after', 'key-after')).toMatchObject({
				value: 1,
				events: 1,
				keys: ['completed'],
			});
		} finally {
			if (stores.dialect === 'postgres') await dropPrefixed(stores, prefix);
			await stores.close();
		}
	});
});
