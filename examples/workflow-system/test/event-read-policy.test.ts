import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expenseApprovalDefinition } from '../src/demo/expense-approval.ts';
import { type SurfaceServer, startSurfaceServer } from './surface-server.ts';

/**
 * A live channel delivers an event only to callers its read policy admits: definition events go
 * to those who may manage definitions (their emitters' policy), instance events to every member
 * (declared on the events). GraphQL subscriptions are the example's live channel.
 */
let server: SurfaceServer;
beforeAll(async () => {
	server = await startSurfaceServer();
});
afterAll(() => server.close());

/**
 * Subscribes as a token: `ready` settles once the stream is open (its listener is then live) or
 * was refused; `first` is the first result (data or errors), or 'nothing' a moment after `until`.
 */
function subscribeAs(
	token: string,
	query: string,
	until: Promise<unknown> = new Promise(() => {}),
) {
	const sse = createClient({
		url: `${server.url}/graphql`,
		singleConnection: false,
		headers: { authorization: `Bearer ${token}` },
		retryAttempts: 0,
	});
	let ready!: () => void;
	const opened = new Promise<void>((resolve) => {
		ready = resolve;
	});
	const first = new Promise<unknown>((resolve, reject) => {
		sse.subscribe(
			{ query },
			{ next: resolve, error: reject, complete: () => resolve('complete') },
			{ connected: () => ready() },
		);
		void until.then(() => setTimeout(() => resolve('nothing'), 300));
	}).finally(() => {
		ready();
		sse.dispose();
	});
	return { ready: Promise.race([opened, first.catch(() => undefined)]), first };
}

describe('event delivery obeys a read policy', () => {
	it('an employee refused workflow.definition.get (403) is refused definition events (403) and receives none', async () => {
		const get = await server.rest('employee-token', '/v1/workflow/definition/get?definitionId=x');
		expect(get.status).toBe(403);
		let create!: () => void;
		const created = new Promise<void>((resolve) => {
			create = resolve;
		});
		const query = 'subscription { workflowDefinitionCreated { id key } }';
		const employee = subscribeAs('employee-token', query, created);
		const admin = subscribeAs('admin-token', query);
		await Promise.all([employee.ready, admin.ready]);
		await server.rest('admin-token', '/v1/workflow/definition/create', {
			...expenseApprovalDefinition,
			key: 'read-policy',
		});
		create();
		expect(await employee.first).toMatchObject({
			errors: [{ extensions: { code: 'FORBIDDEN', status: 403 } }],
		});
		expect(await admin.first).toMatchObject({
			data: { workflowDefinitionCreated: { key: 'read-policy' } },
		});
	});

	it('an employee receives the instance events declared readable by every member, admin-emitted ones included', async () => {
		const draft = await server.rest('admin-token', '/v1/workflow/definition/create', {
			...expenseApprovalDefinition,
			key: 'paused-live',
		});
		await server.rest('admin-token', '/v1/workflow/definition/publish', {
			definitionId: draft.body.id,
		});
		const started = await server.rest('employee-token', '/v1/workflow/instance/start', {
			definitionKey: 'paused-live',
			context: { amount: 5 },
		});
		const paused = subscribeAs(
			'employee-token',
			'subscription { workflowInstancePaused { id status } }',
		);
		await paused.ready;
		await server.rest('admin-token', '/v1/workflow/instance/pause', {
			instanceId: started.body.id,
		});
		expect(await paused.first).toMatchObject({
			data: { workflowInstancePaused: { id: started.body.id, status: 'PAUSED' } },
		});
	});
});
