import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	createExecutor,
	createMemoryStores,
	idempotencyScope,
	implement,
	type Stores,
	silentLogger,
} from '@charter/runtime';
import { defineSchemaModel, f } from '@charter/schema';
import { createRegistry, defineCommand } from '@charter/spec';
import { createStores, type SqlStores } from '@charter/sql';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

// A cookie's value (a session token, say) is never written to the idempotency store: a replay
// answers without it. A cleared cookie, or one declared `replay: true`, is kept and replayed.

const SECRET = 'session-token-3b1f9c';
const Session = defineSchemaModel({ name: 'Session', fields: { user: f.string() } });
const OpenSession = defineCommand({
	meta: { key: 'auth.session.open', version: '1.0.0', owners: ['@t'], description: 'x.' },
	io: { input: Session, output: Session },
	policy: { auth: 'anonymous' },
	transport: {
		rest: {
			status: 201,
			response: {
				cookies: {
					session: { description: 'The session token.' },
					theme: { description: 'The chosen theme; no secret.', replay: true },
					previous: { description: 'An older session cookie, cleared.' },
					expired: { description: 'A session cookie expired with its value still set.' },
				},
			},
		},
	},
});
const bindings = [
	implement(OpenSession, (input, ctx) => {
		ctx.response
			.cookie('session', SECRET)
			.cookie('theme', 'dark')
			.clearCookie('previous')
			.cookie('expired', `old-${SECRET}`, { maxAge: 0 });
		return input;
	}),
];

const dir = mkdtempSync(join(tmpdir(), 'charter-replay-cookies-'));
const opened: SqlStores[] = [];
afterAll(async () => {
	for (const stores of opened) await stores.close();
	rmSync(dir, { recursive: true, force: true });
});

const targets: [string, () => Promise<Stores>][] = [
	['memory', async () => createMemoryStores()],
	[
		'sqlite',
		async () => {
			const stores = await createStores({ url: `sqlite:${join(dir, 'replay.db')}` });
			opened.push(stores);
			return stores;
		},
	],
];

describe.each(targets)('on %s stores', (name, open) => {
	it('a replay sets again only the cleared and replay: true cookies; no secret value is stored', async () => {
		const stores = await open();
		const executor = createExecutor({
			contracts: createRegistry([OpenSession]),
			bindings,
			stores,
			logger: silentLogger,
		});
		const call = () =>
			executor.execute({
				operation: 'auth.session.open',
				input: { user: 'ada' },
				idempotencyKey: 'open-1',
			});
		const first = await call();
		const replay = await call();
		if (!first.ok || !replay.ok) throw new Error('the call failed');
		expect(first.response?.cookies?.map((c) => c.name)).toEqual([
			'session',
			'theme',
			'previous',
			'expired',
		]);
		expect(replay.replayed).toBe(true);
		expect(replay.response).toEqual({
			cookies: [
				{ name: 'theme', value: 'dark' },
				{ name: 'previous', value: '', maxAge: 0 },
				// Expired (maxAge 0): replayed as cleared, without the value it was set with.
				{ name: 'expired', value: '', maxAge: 0 },
			],
		});

		const plan = executor.plans.find((p) => p.key === 'auth.session.open')!;
		const held = await stores.idempotency.claim(
			idempotencyScope(undefined, plan.id, 'open-1'),
			'any',
			new Date(),
			60_000,
		);
		expect(JSON.stringify(held)).toContain('"theme"');
		expect(JSON.stringify(held)).not.toContain(SECRET);
		if (name === 'sqlite') {
			const sqlStores = stores as SqlStores;
			const { rows } = await sql`select * from ${sql.table(sqlStores.tables.idempotency)}`.execute(
				sqlStores.db,
			);
			expect(rows).toHaveLength(1);
			expect(JSON.stringify(rows)).not.toContain(SECRET);
		}
	});
});
