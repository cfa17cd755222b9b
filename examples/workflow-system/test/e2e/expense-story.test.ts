import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-sse';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type ServeProcess, startServe } from './serve-process.ts';

const file = join(tmpdir(), `workflow-e2e-${randomUUID()}.db`);
let server: ServeProcess | undefined;

afterAll(async () => {
	await server?.stop();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
});

const BIN = fileURLToPath(new URL('../../../../packages/cli/bin/charter.js', import.meta.url));
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

/** Subscribes to instance events over GraphQL (graphql-sse) and resolves once the stream is live. */
async function observeInstanceEvents(token: string) {
	const seen: { event: string; id: string; status: string }[] = [];
	const client = createClient({
		url: `${server!.url}/graphql`,
		headers: { authorization: `Bearer ${token}` },
		retryAttempts: 0,
	});
	const fields = ['workflowInstancePaused', 'workflowInstanceResumed', 'workflowInstanceCompleted'];
	await Promise.all(
		fields.map(
			(field) =>
				new Promise<void>((connected, failed) => {
					client.subscribe<Record<string, { id: string; status: string }>>(
						{ query: `subscription { ${field} { id status } }` },
						{
							next: (result) => {
								const instance = result.data?.[field];
								if (instance) seen.push({ event: field, ...instance });
							},
							error: failed,
							complete: () => {},
						},
						{ connected: () => connected() },
					);
				}),
		),
	);
	return { seen, close: () => client.dispose() };
}

/** The project's audit records, as `charter audit tail --json` prints them. */
function auditRecords(): Promise<
	{ operation: string; resultCode: string; principalId?: string; status: number }[]
> {
	return new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			[BIN, 'audit', 'tail', '-n', '500', '--json', '--db', `sqlite:${file}`],
			{ cwd: PROJECT, env: { ...process.env, NO_COLOR: '1' } },
			(error, stdout) =>
				error
					? reject(error)
					: resolve(
							stdout
								.trim()
								.split('\n')
								.map((line) => JSON.parse(line)),
						),
		);
	});
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
	return check();
}

/** Calls one operation over REST: commands are POST with a JSON body, queries GET. */
async function rest(token: string, method: 'GET' | 'POST', path: string, body?: object) {
	const url = new URL(`${server!.url}/v1/${path}`);
	if (method === 'GET') {
		for (const [k, v] of Object.entries(body ?? {})) url.searchParams.set(k, String(v));
	}
	const response = await fetch(url, {
		method,
		headers: {
			authorization: `Bearer ${token}`,
			...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
		},
		...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
	});
	return {
		status: response.status,
		headers: response.headers,
		body: (await response.json()) as any,
	};
}

describe('the expense story over HTTP against charter serve', () => {
	it('runs from submission to completion across a server restart, scoped per organization; a subscriber sees the events and every command is audited', async () => {
		const port = await freePort();
		server = await startServe(port, `sqlite:${file}`);

		// The seed left demo data: the employee sees org-acme instances only.
		const seeded = await rest('employee-token', 'GET', 'workflow/instance/list', { limit: 100 });
		expect(seeded.status).toBe(200);
		expect(seeded.body.items.length).toBeGreaterThan(0);
		expect(seeded.body.items.every((i: any) => i.organizationId === 'org-acme')).toBe(true);

		const started = await rest('employee-token', 'POST', 'workflow/instance/start', {
			definitionKey: 'expense-approval',
			context: { amount: 1500, reason: 'Conference' },
		});
		expect(started).toMatchObject({
			status: 200,
			body: { status: 'WAITING', currentStepKey: 'submit' },
		});
		const instanceId = started.body.id as string;
		// Its Location reads the new instance.
		const location = started.headers.get('location')!;
		expect(location).toBe(`/v1/workflow/instance/get?instanceId=${instanceId}`);
		const read = await fetch(new URL(location, server!.url), {
			headers: { authorization: 'Bearer employee-token' },
		});
		expect(await read.json()).toMatchObject({ id: instanceId, status: 'WAITING' });
		const submitted = await rest('employee-token', 'POST', 'workflow/instance/transition', {
			instanceId,
			action: 'SUBMIT',
		});
		expect(submitted.body.toStepKey).toBe('manager-approval');

		// Another organization's admin cannot see or touch it.
		const foreign = await rest('other-org-token', 'POST', 'workflow/instance/pause', {
			instanceId,
		});
		expect(foreign).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

		const inbox = await rest('manager-token', 'GET', 'workflow/approval/list-mine', {});
		const mine = inbox.body.items.find((r: any) => r.instanceId === instanceId);
		// The employee is not the assignee: 403.
		const wrong = await rest('employee-token', 'POST', 'workflow/approval/decide', {
			requestId: mine.id,
			decision: 'APPROVE',
		});
		expect(wrong.status).toBe(403);
		const approved = await rest('manager-token', 'POST', 'workflow/approval/decide', {
			requestId: mine.id,
			decision: 'APPROVE',
		});
		expect(approved.body).toMatchObject({
			stepOutcome: 'APPROVED',
			instance: { currentStepKey: 'finance-approval' },
		});

		// Pause, restart the server on the same database, resume and finish.
		const paused = await rest('admin-token', 'POST', 'workflow/instance/pause', {
			instanceId,
			reason: 'Month-end freeze',
		});
		expect(paused.body).toMatchObject({ status: 'PAUSED', previousStatus: 'WAITING' });
		await server.stop();
		server = await startServe(port, `sqlite:${file}`);
		// A subscriber (GraphQL over SSE) watches the instance events from here on.
		const observer = await observeInstanceEvents('admin-token');

		const requests = await rest('admin-token', 'GET', 'workflow/approval/list-for-instance', {
			instanceId,
			stepKey: 'finance-approval',
		});
		const [first, second] = requests.body.items;
		const refused = await rest('finance-token', 'POST', 'workflow/approval/decide', {
			requestId: first.id,
			decision: 'APPROVE',
		});
		expect(refused).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
		const resumed = await rest('admin-token', 'POST', 'workflow/instance/resume', { instanceId });
		expect(resumed.body).toMatchObject({ status: 'WAITING', previousStatus: null });
		await rest('finance-token', 'POST', 'workflow/approval/decide', {
			requestId: first.id,
			decision: 'APPROVE',
		});
		const last = await rest('finance-2-token', 'POST', 'workflow/approval/decide', {
			requestId: second.id,
			decision: 'APPROVE',
		});
		expect(last.body).toMatchObject({
			stepOutcome: 'APPROVED',
			instance: { status: 'COMPLETED', currentStepKey: 'approved' },
		});
		const observed = await until(() =>
			observer.seen.some((e) => e.event === 'workflowInstanceCompleted'),
		);
		observer.close();
		expect(observed).toBe(true);
		expect(observer.seen.filter((e) => e.id === instanceId)).toEqual([
			{ event: 'workflowInstanceResumed', id: instanceId, status: 'WAITING' },
			{ event: 'workflowInstanceCompleted', id: instanceId, status: 'COMPLETED' },
		]);

		// One audit record per command, refused ones included, read back through the CLI.
		const audit = await auditRecords();
		const of = (operation: string) => audit.filter((r) => r.operation === operation);
		expect(of('workflow.instance.pause')).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ resultCode: 'OK', principalId: 'user-admin-1' }),
				expect.objectContaining({ resultCode: 'NOT_FOUND', status: 404 }),
			]),
		);
		expect(of('workflow.instance.resume')).toEqual([expect.objectContaining({ resultCode: 'OK' })]);
		expect(of('workflow.approval.decide').map((r) => r.resultCode)).toEqual(
			expect.arrayContaining(['OK', 'FORBIDDEN', 'INVALID_STATE']),
		);

		const history = await rest('employee-token', 'GET', 'workflow/instance/history', {
			instanceId,
		});
		expect(history.body.entries.map((e: any) => e.stepKey)).toEqual([
			'start',
			'submit',
			'manager-approval',
			'amount-check',
			'finance-approval',
			'approved',
		]);
	}, 180_000);
});
