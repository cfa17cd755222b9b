import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type ServeProcess, startServe } from './serve-process.ts';

const file = join(tmpdir(), `workflow-e2e-${randomUUID()}.db`);
let server: ServeProcess | undefined;

afterAll(async () => {
	await server?.stop();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
});

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
	return { status: response.status, body: (await response.json()) as any };
}

describe('the expense story over HTTP against charter serve', () => {
	it('runs from submission to completion across a server restart, scoped per organization', async () => {
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
