import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadiness } from '@charter/runtime';
import {
	BasicTracerProvider,
	InMemorySpanExporter,
	SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDIO_CSP } from '../src/index.ts';
import { eventsIn, openEventStream, startNotesStudio, type TOKENS } from './fixtures/notes-app.ts';

type Started = Awaited<ReturnType<typeof startNotesStudio>>;
const as = (token: keyof typeof TOKENS | undefined): Record<string, string> =>
	token ? { authorization: `Bearer ${token}` } : {};

describe('Studio API', () => {
	let studio: Started;
	let assets: string;

	beforeAll(async () => {
		assets = mkdtempSync(join(tmpdir(), 'studio-assets-'));
		writeFileSync(join(assets, 'index.html'), '<!doctype html><title>Studio</title>');
		studio = await startNotesStudio({ assetsDir: assets });
		await studio.run('notes.note.add', { text: 'of tenant a' }, 'admin-a');
		await studio.run('notes.note.add', { text: 'of tenant b' }, 'admin-b');
		await studio.run('notes.note.archive', { noteId: 'n1' }, 'member-a');
	});
	afterAll(async () => {
		await studio?.close();
		rmSync(assets, { recursive: true, force: true });
	});

	const get = (path: string, token?: keyof typeof TOKENS) =>
		fetch(`${studio.url}/studio/${path}`, { headers: as(token) });

	it('is deny by default: no token is 401, a principal without a Studio role is 403, every route alike', async () => {
		for (const route of ['session', 'catalog', 'audit', 'health', 'events']) {
			const anonymous = await get(`api/${route}`);
			expect(anonymous.status).toBe(401);
			expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
			const member = await get(`api/${route}`, 'member-a');
			expect(member.status).toBe(403);
			expect((await member.json()).detail).toBe(
				'Studio opens only for the role admin; max has member',
			);
		}
		const admin = await get('api/session', 'admin-a');
		expect(admin.status).toBe(200);
		expect(await admin.json()).toMatchObject({
			principal: { id: 'ada', roles: ['admin'], tenant: 'a' },
			studioRoles: ['admin'],
		});
	});

	it('opens for the configured roles only', async () => {
		const members = await startNotesStudio({ roles: ['member'] });
		try {
			const res = (token: keyof typeof TOKENS) =>
				fetch(`${members.url}/studio/api/session`, { headers: as(token) }).then((r) => r.status);
			expect([await res('member-a'), await res('admin-a')]).toEqual([200, 403]);
		} finally {
			await members.close();
		}
	});

	it("tells the viewer's access to each operation from the runtime's policy", async () => {
		const member = await startNotesStudio({ roles: ['member'] });
		try {
			const session = await fetch(`${member.url}/studio/api/session`, {
				headers: as('member-a'),
			}).then((r) => r.json());
			expect(session.access).toEqual({
				'notes.note.add@1.0.0': 'allowed',
				'notes.note.archive@1.0.0': 'denied',
				'notes.note.get@1.0.0': 'allowed',
				'notes.note.list@1.0.0': 'allowed',
			});
		} finally {
			await member.close();
		}
	});

	it('serves the app with a strict CSP, and says how to build it when it is not built', async () => {
		const page = await get('');
		expect(page.status).toBe(200);
		expect(page.headers.get('content-security-policy')).toBe(STUDIO_CSP);
		expect(STUDIO_CSP).toContain("script-src 'self'");
		expect(STUDIO_CSP).toContain("connect-src 'self'");
		expect(STUDIO_CSP).not.toContain('unsafe');
		expect((await get('assets/missing.js')).status).toBe(404);
		const unbuilt = await startNotesStudio({ assetsDir: join(assets, 'nothing-here') });
		try {
			const response = await fetch(`${unbuilt.url}/studio/`);
			expect(response.status).toBe(503);
			expect(await response.text()).toContain('npm run build -w @charter/studio');
		} finally {
			await unbuilt.close();
		}
	});

	it("lists the viewer's tenant's audit records only, newest first, filtered and paged", async () => {
		const a = await get('api/audit', 'admin-a').then((r) => r.json());
		// The member's refused archive is audited too (newest first), in tenant a.
		expect(
			a.items.map((r: { operation: string; resultCode: string }) => [r.operation, r.resultCode]),
		).toEqual([
			['notes.note.archive', 'FORBIDDEN'],
			['notes.note.add', 'OK'],
		]);
		const problems = await get('api/audit?outcome=problem', 'admin-a').then((r) => r.json());
		expect(problems.items.map((r: { resultCode: string }) => r.resultCode)).toEqual(['FORBIDDEN']);
		expect(a.items.every((r: { tenant: string }) => r.tenant === 'a')).toBe(true);
		const b = await get('api/audit', 'admin-b').then((r) => r.json());
		expect(b.items.map((r: { principalId: string }) => r.principalId)).toEqual(['bob']);
		// Asking for another tenant is refused, not quietly widened.
		const other = await get('api/audit?tenant=b', 'admin-a');
		expect(other.status).toBe(400);
		await studio.run('notes.note.add', { text: 'second' }, 'admin-a');
		await studio.run('notes.note.add', { text: 'third' }, 'admin-a');
		const first = await get('api/audit?limit=2', 'admin-a').then((r) => r.json());
		expect(first.items).toHaveLength(2);
		expect(first.nextBefore).toBeTypeOf('number');
		const older = await get(`api/audit?limit=2&before=${first.nextBefore}`, 'admin-a').then((r) =>
			r.json(),
		);
		expect(older.items.map((r: { seq: number }) => r.seq)).toEqual(
			[...older.items.map((r: { seq: number }) => r.seq)].sort((x, y) => y - x),
		);
		expect(older.items[0].seq).toBeLessThan(first.items[1].seq);
		const byTrace = await get(`api/audit?trace=${first.items[0].traceId}`, 'admin-a').then((r) =>
			r.json(),
		);
		expect(byTrace.items.map((r: { id: string }) => r.id)).toEqual([first.items[0].id]);
		expect((await get('api/audit?outcome=maybe', 'admin-a')).status).toBe(400);
	});

	it("streams the viewer's tenant's events as they are published, with their trace ids", async () => {
		const events = await openEventStream(studio.url, 'admin-b');
		expect(events.response.headers.get('content-type')).toContain('text/event-stream');
		const health = await get('api/health', 'admin-a').then((r) => r.json());
		expect(health.subscribers).toContainEqual({ event: '*', subscriptions: 0, listeners: 1 });
		await studio.run('notes.note.add', { text: 'secret of a' }, 'admin-a');
		const added = await studio.run('notes.note.add', { text: 'news of b' }, 'admin-b');
		await events.until('news of b');
		events.close();
		expect(events.text).not.toContain('secret of a');
		const [event] = eventsIn(events.text);
		expect(event!.envelope).toMatchObject({
			type: 'notes.note.added',
			tenant: 'b',
			traceid: added.traceId,
		});
	});

	it("says what caused each event: the operation call, its trace, and the command's audit record", async () => {
		const events = await openEventStream(studio.url, 'admin-b');
		const added = await studio.run('notes.note.add', { text: 'caused by bob' }, 'admin-b');
		await events.until('caused by bob');
		events.close();
		const [event] = eventsIn(events.text);
		const { items } = await get(`api/audit?trace=${added.traceId}`, 'admin-b').then((r) =>
			r.json(),
		);
		expect(items).toHaveLength(1);
		const record = items[0];
		expect(event!.cause).toEqual({
			operation: 'notes.note.add',
			version: '1.0.0',
			traceId: added.traceId,
			audit: {
				id: record.id,
				traceId: added.traceId,
				principalId: 'bob',
				resultCode: 'OK',
				startedAt: record.startedAt,
				finishedAt: record.finishedAt,
			},
		});
	});

	it('finds the audit record of a command whose caller named the trace, and tells apart two calls that named the same one', async () => {
		const named = '4bf92f3577b34da6a3ce929d0e0e4736';
		const traceparent = `00-${named}-00f067aa0ba902b7-01`;
		const events = await openEventStream(studio.url, 'admin-b');
		await studio.run('notes.note.add', { text: 'first named' }, 'admin-b', traceparent);
		// Apart by more than the records' millisecond clock, as two calls one after the other are.
		await new Promise((resolve) => setTimeout(resolve, 5));
		await studio.run('notes.note.add', { text: 'second named' }, 'admin-b', traceparent);
		await events.until('second named');
		events.close();
		const causes = eventsIn(events.text).map((e) => e.cause);
		expect(causes.map((c) => c.traceId)).toEqual([named, named]);
		const records = [];
		for (const cause of causes) {
			if (typeof cause.audit !== 'object') throw new Error(`no record: ${cause.audit}`);
			// The record keeps a trace id of the server's own; by it the audit page finds exactly it.
			expect(cause.audit.traceId).not.toBe(named);
			const { items } = await get(`api/audit?trace=${cause.audit.traceId}`, 'admin-b').then((r) =>
				r.json(),
			);
			expect(items.map((r: { id: string }) => r.id)).toEqual([cause.audit.id]);
			records.push(items[0]);
		}
		expect(records.map((r) => r.callerTraceId)).toEqual([named, named]);
		const byCaller = await get(`api/audit?callertrace=${named}`, 'admin-b').then((r) => r.json());
		expect(byCaller.items.map((r: { id: string }) => r.id)).toEqual(
			records.map((r) => r.id).reverse(),
		);
		expect((await get(`api/audit?trace=${named}`, 'admin-b').then((r) => r.json())).items).toEqual(
			[],
		);
		expect(records[0].id).not.toBe(records[1].id);
		expect(records[0].startedAt <= records[1].startedAt).toBe(true);
	});

	it("carries the command span's traceparent when the server traces: its span id is the operation span's", async () => {
		const exporter = new InMemorySpanExporter();
		const provider = new BasicTracerProvider({
			spanProcessors: [new SimpleSpanProcessor(exporter)],
		});
		const traced = await startNotesStudio(
			{ assetsDir: assets },
			{ tracer: provider.getTracer('studio-test') },
		);
		try {
			const events = await openEventStream(traced.url, 'admin-a');
			const added = await traced.run('notes.note.add', { text: 'traced' }, 'admin-a');
			await events.until('"text":"traced"');
			events.close();
			const [event] = eventsIn(events.text);
			const span = exporter
				.getFinishedSpans()
				.find((s) => s.attributes['charter.operation'] === 'notes.note.add')!;
			expect(span.spanContext().traceId).toBe(added.traceId);
			expect(event!.cause).toMatchObject({
				operation: 'notes.note.add',
				traceId: added.traceId,
				traceparent: `00-${added.traceId}-${span.spanContext().spanId}-01`,
				spanId: span.spanContext().spanId,
				sampled: true,
				audit: { traceId: added.traceId, principalId: 'ada' },
			});
		} finally {
			await traced.close();
			await provider.shutdown();
		}
	});

	it("leaves out of the live view the events the viewer's read policy refuses", async () => {
		// Members may open this Studio; notes.note.archived is readable by admins only (its emitter's policy).
		const wide = await startNotesStudio({ assetsDir: assets, roles: ['admin', 'member'] });
		try {
			const member = await openEventStream(wide.url, 'member-a');
			const admin = await openEventStream(wide.url, 'admin-a');
			await wide.run('notes.note.add', { text: 'first' }, 'admin-a');
			await wide.run('notes.note.archive', { noteId: 'n1' }, 'admin-a');
			await wide.run('notes.note.add', { text: 'last' }, 'admin-a');
			await member.until('"text":"last"');
			await admin.until('"text":"last"');
			member.close();
			admin.close();
			expect(member.text).toContain('notes.note.added');
			expect(member.text).not.toContain('notes.note.archived');
			expect(admin.text).toContain('notes.note.archived');
		} finally {
			await wide.close();
		}
	});

	it("shows the server's readiness as /readyz reports it: phase and each check", async () => {
		const readiness = createReadiness({
			checks: [
				{ name: 'store', check: async () => undefined },
				{
					name: 'cache',
					optional: true,
					check: async () => {
						throw new Error('no answer');
					},
				},
			],
		});
		readiness.setPhase('ready');
		const ready = await startNotesStudio({ assetsDir: assets, readiness });
		try {
			const health = await fetch(`${ready.url}/studio/api/health`, { headers: as('admin-a') }).then(
				(r) => r.json(),
			);
			expect(health.readiness).toEqual({
				status: 'ready',
				phase: 'ready',
				checks: {
					store: { ok: true },
					cache: { ok: false, optional: true, detail: 'no answer' },
				},
			});
			readiness.setPhase('draining');
			const draining = await fetch(`${ready.url}/studio/api/health`, {
				headers: as('admin-a'),
			}).then((r) => r.json());
			expect(draining.readiness).toMatchObject({ status: 'not ready', phase: 'draining' });
		} finally {
			await ready.close();
		}
	});

	it('reports health: store, bus, served operations per surface', async () => {
		const health = await get('api/health', 'admin-a').then((r) => r.json());
		expect(health.store).toEqual({ dialect: 'memory', ready: true });
		expect(health.bus).toEqual({ ready: true });
		expect(health.surfaces.map((s: { surface: string }) => s.surface)).toEqual(['rest', 'graphql']);
		expect(health.surfaces[1].operations).toContainEqual({
			id: 'notes.note.add@1.0.0',
			name: 'Mutation.notesNoteAdd',
		});
	});

	it("validates with the server's validator and writes the snippets of a call", async () => {
		const post = (path: string, body: unknown) =>
			fetch(`${studio.url}/studio/api/${path}`, {
				method: 'POST',
				headers: { ...as('admin-a'), 'content-type': 'application/json' },
				body: JSON.stringify(body),
			}).then((r) => r.json());
		expect(
			await post('validate', { operation: 'notes.note.add', version: '1.0.0', input: {} }),
		).toEqual({
			ok: false,
			issues: [{ path: '/text', code: 'required', message: 'is required' }],
		});
		const snippets = await post('snippets', {
			operation: 'notes.note.add',
			version: '1.0.0',
			input: { text: 'hi' },
		});
		expect(snippets.curl).toContain(`-X POST '${studio.url}/v1/notes/note/add'`);
		expect(snippets.graphql.document).toContain('notesNoteAdd');
	});

	it('serves the catalog: docs facts, contracts as data, served ids', async () => {
		const catalog = await get('api/catalog', 'admin-a').then((r) => r.json());
		expect(catalog.served).toContain('notes.note.add@1.0.0');
		expect(catalog.contracts.map((c: { meta: { key: string } }) => c.meta.key)).toContain(
			'notes.note.list',
		);
		const add = catalog.operations.find((p: { key: string }) => p.key === 'notes.note.add');
		expect(add.wire).toEqual({
			rest: { method: 'POST', path: '/v1/notes/note/add' },
			graphql: { type: 'Mutation', field: 'notesNoteAdd' },
			mcp: { tool: 'notes_note_add' },
		});
		expect(add.policy.sentences.length).toBeGreaterThan(0);
	});
});
