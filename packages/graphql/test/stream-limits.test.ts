import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler, type StreamLimits } from '../src/index.ts';
import { fixtureRegistry, TOKENS } from './fixtures/fixture-contracts.ts';
import { createFixtureExecutor, fixtureContext } from './fixtures/fixture-executor.ts';

/*
 * graphql-sse's "single connection mode" keeps a stream per reservation (PUT) until it connects.
 * Reservations need a signed-in caller, are bounded per caller and in total, and expire;
 * running subscriptions are bounded per caller and in total.
 */

const executor = createFixtureExecutor();
function handlerWith(streamLimits: StreamLimits) {
	return createGraphqlHandler(fixtureRegistry(), {
		executor,
		events: executor.bus,
		context: fixtureContext,
		streamLimits,
	});
}
const at = 'http://localhost/graphql';
const reserve = (handler: { fetch(r: Request): Promise<Response> }, token?: string) =>
	handler.fetch(
		new Request(at, {
			method: 'PUT',
			headers: token ? { authorization: `Bearer ${token}` } : {},
		}),
	);
const connect = (
	handler: { fetch(r: Request): Promise<Response> },
	stream: string,
	token: string,
) =>
	handler.fetch(
		new Request(at, {
			headers: {
				accept: 'text/event-stream',
				authorization: `Bearer ${token}`,
				'x-graphql-event-stream-token': stream,
			},
		}),
	);

/** A full garbage collection, so heap sizes compare what is alive. */
function collect(): void {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
}

describe('graphql-sse stream reservations', () => {
	it('60,000 anonymous reservations are refused with 401 and leave the heap as it was', async () => {
		const handler = handlerWith({});
		// One request object sent again and again: what is measured is the handler, not undici.
		const anonymous = new Request(at, { method: 'PUT' });
		await handler.fetch(anonymous); // warm up the code paths before measuring
		collect();
		const before = process.memoryUsage().heapUsed;
		const statuses = new Map<number, number>();
		for (let batch = 0; batch < 60; batch++) {
			const responses = await Promise.all(
				Array.from({ length: 1000 }, () => handler.fetch(anonymous)),
			);
			for (const r of responses) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
		}
		collect();
		const grown = process.memoryUsage().heapUsed - before;
		expect(Object.fromEntries(statuses)).toEqual({ 401: 60_000 });
		// Kept reservations cost graphql-sse well over 1 KB each: 60,000 of them, over 60 MB.
		expect(grown).toBeLessThan(8 * 1024 * 1024);
	});

	it('a bad token is 401; a signed-in caller gets a token, up to its limit, then 429 with Retry-After', async () => {
		const handler = handlerWith({ maxReservationsPerPrincipal: 2, reservationTtlMs: 60_000 });
		expect((await reserve(handler, 'nope')).status).toBe(401);
		const first = await reserve(handler, TOKENS.user);
		expect(first.status).toBe(201);
		expect(await first.text()).toMatch(/^[0-9a-f-]{36}$/);
		expect((await reserve(handler, TOKENS.user)).status).toBe(201);
		const third = await reserve(handler, TOKENS.user);
		expect(third.status).toBe(429);
		expect(third.headers.get('retry-after')).toBe('60');
		expect(await third.json()).toMatchObject({
			errors: [{ extensions: { code: 'RATE_LIMITED', status: 429 } }],
		});
		// Another caller has limits of its own.
		expect((await reserve(handler, TOKENS.editor)).status).toBe(201);
	});

	it('past the total, a reservation is 503 with Retry-After', async () => {
		const handler = handlerWith({ maxReservations: 2 });
		expect((await reserve(handler, TOKENS.user)).status).toBe(201);
		expect((await reserve(handler, TOKENS.editor)).status).toBe(201);
		const full = await reserve(handler, TOKENS.admin);
		expect(full.status).toBe(503);
		expect(full.headers.get('retry-after')).toBe('30');
	});

	it('a reservation whose stream never connects expires, and frees its place', async () => {
		const handler = handlerWith({ maxReservationsPerPrincipal: 1, reservationTtlMs: 50 });
		const stream = await (await reserve(handler, TOKENS.user)).text();
		expect((await reserve(handler, TOKENS.user)).status).toBe(429);
		await new Promise((r) => setTimeout(r, 150));
		expect((await connect(handler, stream, TOKENS.user)).status).toBe(404);
		expect((await reserve(handler, TOKENS.user)).status).toBe(201);
	});

	it('a stream answers only the caller who reserved it; a hung-up stream frees its place', async () => {
		const handler = handlerWith({ maxReservationsPerPrincipal: 1 });
		const stream = await (await reserve(handler, TOKENS.user)).text();
		expect((await connect(handler, stream, TOKENS.otherTenant)).status).toBe(404);
		const open = await connect(handler, stream, TOKENS.user);
		expect(open.status).toBe(200);
		expect(open.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect((await reserve(handler, TOKENS.user)).status).toBe(429);
		await open.body?.cancel();
		expect((await reserve(handler, TOKENS.user)).status).toBe(201);
	});
});

describe('concurrent subscriptions', () => {
	const handler = handlerWith({ maxSubscriptionsPerPrincipal: 2, maxSubscriptions: 3 });
	let server: Server;
	let url: string;
	beforeAll(async () => {
		server = createServer((req, res) => void handler.node(req, res));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});

	/** Subscribes: `connected` once the server answered, `first` with the first result. */
	function subscribe(token: string) {
		const sse = createClient({
			url,
			singleConnection: false,
			headers: { authorization: `Bearer ${token}` },
			retryAttempts: 0,
		});
		let connected!: () => void;
		const live = new Promise<void>((resolve) => (connected = resolve));
		const first = new Promise<unknown>((resolve, reject) => {
			sse.subscribe(
				{ query: 'subscription { notesNoteCreated { title } }' },
				{ next: resolve, error: reject, complete: () => resolve('complete') },
				{ connected },
			);
		});
		return { sse, live, first };
	}
	const refusal = (code: string, status: number) => ({
		errors: [{ extensions: { code, status, retryAfter: 5 } }],
	});

	it('are bounded per caller (429) and in total (503); ending one frees its place', async () => {
		const a1 = subscribe(TOKENS.user);
		const a2 = subscribe(TOKENS.user);
		await Promise.all([a1.live, a2.live]);
		expect(await subscribe(TOKENS.user).first).toMatchObject(refusal('RATE_LIMITED', 429));
		const b1 = subscribe(TOKENS.editor);
		await b1.live;
		expect(await subscribe(TOKENS.admin).first).toMatchObject(refusal('UNAVAILABLE', 503));
		a1.sse.dispose();
		// The server learns of the hang-up when the connection closes: retry until it has.
		let c1 = subscribe(TOKENS.admin);
		const deadline = Date.now() + 5000;
		while (Date.now() < deadline) {
			await c1.live;
			const refused = await Promise.race([c1.first, pause(300).then(() => undefined)]);
			if (refused === undefined) break;
			c1.sse.dispose();
			c1 = subscribe(TOKENS.admin);
		}
		// The three accepted subscriptions are live: each receives the next event.
		await executor.execute({
			operation: 'notes.note.create',
			input: { title: 'seen' },
			metadata: { headers: { authorization: `Bearer ${TOKENS.user}` } },
		});
		expect(await Promise.all([a2.first, b1.first, c1.first])).toEqual(
			Array(3).fill({ data: { notesNoteCreated: { title: 'seen' } } }),
		);
		for (const s of [a2, b1, c1]) s.sse.dispose();
	});
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
