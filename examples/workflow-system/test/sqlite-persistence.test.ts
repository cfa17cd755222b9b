import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlStores } from '@charter/sql';
import { createSqliteStores } from '@charter/sql/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import app from '../src/handlers.ts';
import type { WorkflowDatabase } from '../src/store/sql/workflow-database.ts';
import { workflowMigrations } from '../src/store/sql/workflow-migrations.ts';
import { admin, createHarness, employee, finance, finance2, manager } from './workflow-harness.ts';

const files: string[] = [];
const opened: SqlStores<WorkflowDatabase>[] = [];

afterEach(async () => {
	for (const stores of opened.splice(0)) await stores.close().catch(() => {});
	for (const file of files.splice(0)) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
	}
});

/** A fresh SQLite file for one test. */
function databaseFile(): string {
	const file = join(tmpdir(), `workflow-${randomUUID()}.db`);
	files.push(file);
	return file;
}

async function open(file: string): Promise<SqlStores<WorkflowDatabase>> {
	const stores = await createSqliteStores<WorkflowDatabase>({
		file,
		migrations: [workflowMigrations],
	});
	opened.push(stores);
	return stores;
}

/** The app over SQL stores, as `charter serve` runs it (unique ids survive restarts). */
function harnessOn(stores: SqlStores<WorkflowDatabase>) {
	return createHarness({
		stores,
		newId: (prefix = 'id') => `${prefix}-${randomUUID().slice(0, 8)}`,
	});
}

describe('workflow system on SQLite', () => {
	it('finishes an approval after a restart in the middle, on the same database file', async () => {
		const file = databaseFile();
		let stores = await open(file);
		expect(stores.migrations.applied.map((m) => m.scope)).toContain('workflow-system');
		let h = await harnessOn(stores);
		await h.publish();
		const instanceId = await h.start({ amount: 1500, reason: 'Conference' });
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [managerRequest] = await h.pending(instanceId);
		await h.ok(manager, 'workflow.approval.decide', {
			requestId: managerRequest!.id,
			decision: 'APPROVE',
		});
		await stores.close();

		stores = await open(file);
		expect(stores.migrations.applied).toEqual([]);
		h = await harnessOn(stores);
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'WAITING',
			currentStepKey: 'finance-approval',
			context: { amount: 1500, reason: 'Conference' },
		});
		for (const request of await h.pending(instanceId)) {
			const who = request.assigneeId === finance.id ? finance : finance2;
			await h.ok(who, 'workflow.approval.decide', { requestId: request.id, decision: 'APPROVE' });
		}
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'COMPLETED',
			currentStepKey: 'approved',
		});
		const history = await h.ok(admin, 'workflow.instance.history', { instanceId });
		expect(history.entries.map((e: { stepKey: string }) => e.stepKey)).toEqual([
			'start',
			'submit',
			'manager-approval',
			'amount-check',
			'finance-approval',
			'approved',
		]);
		// Every command's events went to the outbox in its transaction, across both runs.
		const types = (await stores.outbox.pending(1000)).map((e) => e.envelope.type);
		expect(types).toContain('workflow.instance.started');
		expect(types.filter((t) => t === 'workflow.approval.decided')).toHaveLength(3);
		expect(types).toContain('workflow.instance.completed');
	});

	it('rolls a refused command back: no state change and no event', async () => {
		const stores = await open(databaseFile());
		const h = await harnessOn(stores);
		await h.publish();
		const instanceId = await h.start();
		const before = await stores.outbox.countPending();
		expect(
			await h.codeOf(employee, 'workflow.instance.transition', { instanceId, action: 'APPROVE' }),
		).toBe('INVALID_ACTION');
		expect(await stores.outbox.countPending()).toBe(before);
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'WAITING',
			currentStepKey: 'submit',
			revision: 1,
		});
	});

	it('lets exactly one of two concurrent decisions on one request win', async () => {
		const stores = await open(databaseFile());
		const h = await harnessOn(stores);
		await h.publish();
		const instanceId = await h.start();
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [request] = await h.pending(instanceId);
		const results = await Promise.all(
			(['APPROVE', 'REJECT'] as const).map((decision) =>
				h.call(manager, 'workflow.approval.decide', { requestId: request!.id, decision }),
			),
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.flatMap((r) => (r.ok ? [] : [r.problem.status]))).toEqual([409]);
	});

	it('seeds the demo once, through the handlers module, into an empty database', async () => {
		const stores = await open(databaseFile());
		const clock = () => new Date('2026-01-01T00:00:00.000Z');
		const newId = (prefix = 'id') => `${prefix}-${randomUUID().slice(0, 8)}`;
		const instance = await app.create({ stores, clock, newId });
		await instance.seed?.();
		await instance.seed?.();
		const h = await harnessOn(stores);
		const page = await h.ok(employee, 'workflow.instance.list', { limit: 100 });
		const states = page.items.map(
			(i: { status: string; currentStepKey: string }) => `${i.status} ${i.currentStepKey}`,
		);
		expect(states.sort()).toEqual([
			'COMPLETED approved',
			'PAUSED manager-approval',
			'WAITING finance-approval',
			'WAITING manager-approval',
			'WAITING submit',
		]);
		// Manager inbox: the waiting expense and the paused one.
		expect((await h.ok(manager, 'workflow.approval.list-mine', {})).items).toHaveLength(2);
	});
});
