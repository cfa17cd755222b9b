import { generateSdl } from '@charter/graphql';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, tasksRegistry } from '../../test/fixtures/tasks-api.ts';
import {
	TASK_CONTRACTS,
	TaskCompletedEvent,
	TaskCreatedEvent,
} from '../../test/fixtures/tasks-contracts.ts';
import { startTasksServer } from '../../test/fixtures/tasks-server.ts';
import { createClient } from '../client/charter-client.ts';
import { eventSubscription } from './event-selection.ts';
import { backoffDelay, createLiveEvents, type LiveEvents, type LiveStatus } from './live-events.ts';

let api: Awaited<ReturnType<typeof startTasksServer>>;
const opened: LiveEvents[] = [];
beforeAll(async () => {
	api = await startTasksServer();
});
afterAll(async () => {
	for (const live of opened) live.dispose();
	api.server.server.closeAllConnections();
	await api.server.close();
});

function live(token: string | null = TOKEN) {
	const events = createLiveEvents({
		url: `${api.url}/graphql`,
		headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
		retryDelayMs: 20,
		maxRetryDelayMs: 100,
	});
	opened.push(events);
	return events;
}

function until<T>(check: () => T | undefined, ms = 5000): Promise<T> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const tick = () => {
			const value = check();
			if (value !== undefined && value !== false) return resolve(value);
			if (Date.now() - started > ms) return reject(new Error('timed out'));
			setTimeout(tick, 10);
		};
		tick();
	});
}

describe('event subscriptions', () => {
	it("select every payload field, and validate against the server's own schema", () => {
		const query = eventSubscription(
			TaskCompletedEvent.meta.key,
			TaskCompletedEvent.meta.version,
			TaskCompletedEvent.payload,
		);
		expect(query).toBe('subscription { tasksTaskCompleted { id title done priority } }');
		const schema = buildSchema(generateSdl(tasksRegistry()));
		expect(validate(schema, parse(query))).toEqual([]);
	});
});

describe('live events over graphql-sse', () => {
	it('are live once the server listens, and deliver each payload published afterwards', async () => {
		const events = live();
		const statuses: LiveStatus[] = [];
		const payloads: unknown[] = [];
		events.subscribe(TaskCreatedEvent, {
			onEvent: (payload) => payloads.push(payload),
			onStatus: (status) => statuses.push(status),
		});
		await until(() => statuses.includes('live'));
		const client = createClient(TASK_CONTRACTS, { baseUrl: api.url, token: TOKEN });
		await client.tasks.task.create({ title: 'Live' }, { idempotencyKey: 'live-1' });
		await until(() => payloads.length === 1);
		expect(payloads).toEqual([{ id: 't2', title: 'Live', done: false, priority: 'LOW' }]);
		expect(statuses).toEqual(['connecting', 'live']);
	});

	it("obey the event's read policy: an anonymous subscriber is denied once, with no retry", async () => {
		const events = live(null);
		const seen: { status: LiveStatus; code?: string }[] = [];
		events.subscribe(TaskCreatedEvent, {
			onEvent: () => {},
			onStatus: (status, problem) =>
				seen.push({ status, ...(problem ? { code: problem.code } : {}) }),
		});
		await until(() => seen.some((s) => s.status === 'denied'));
		await new Promise((r) => setTimeout(r, 200));
		expect(seen.filter((s) => s.status === 'denied')).toEqual([
			{ status: 'denied', code: 'UNAUTHENTICATED' },
		]);
		expect(seen.map((s) => s.status)).not.toContain('reconnecting');
	});

	it('reconnect with backoff after the stream breaks, and say so, so stale data can be refetched', async () => {
		const events = live();
		const statuses: LiveStatus[] = [];
		let reconnected = 0;
		const payloads: unknown[] = [];
		events.subscribe(TaskCompletedEvent, {
			onEvent: (payload) => payloads.push(payload),
			onStatus: (status) => statuses.push(status),
			onReconnected: () => reconnected++,
		});
		await until(() => statuses.includes('live'));
		api.server.server.closeAllConnections();
		await until(() => reconnected > 0 && statuses.at(-1) === 'live');
		expect(statuses).toContain('reconnecting');
		const client = createClient(TASK_CONTRACTS, { baseUrl: api.url, token: TOKEN });
		await client.tasks.task.complete({ id: 't1' }, { idempotencyKey: 'live-2' });
		await until(() => payloads.length === 1);
		expect(payloads[0]).toMatchObject({ id: 't1', done: true });
	});

	it('back off exponentially with jitter, capped', () => {
		const options = { url: '', retryDelayMs: 100, maxRetryDelayMs: 1000 };
		expect(backoffDelay(0, options, () => 0)).toBe(50);
		expect(backoffDelay(0, options, () => 1)).toBe(100);
		expect(backoffDelay(3, options, () => 1)).toBe(800);
		expect(backoffDelay(10, options, () => 1)).toBe(1000);
		expect(backoffDelay(10, options, () => 0)).toBe(500);
	});
});
