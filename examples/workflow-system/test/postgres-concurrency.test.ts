import { randomUUID } from 'node:crypto';
import type { SqlStores } from '@charter/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expenseApprovalDefinition } from '../src/demo/expense-approval.ts';
import { createSqlWorkflowRepositories } from '../src/store/sql/sql-workflow-repository.ts';
import type { WorkflowDatabase } from '../src/store/sql/workflow-database.ts';
import type { InstanceRecord } from '../src/store/workflow-records.ts';
import { RevisionConflictError } from '../src/store/workflow-repository.ts';
import { openPostgresTables, PG_URL } from './postgres-tables.ts';
import { admin, createHarness, employee, finance, finance2, manager } from './workflow-harness.ts';

/** Runs when `CHARTER_TEST_PG_URL` names a PostgreSQL database; its tables are dropped after. */
let tables: Awaited<ReturnType<typeof openPostgresTables>> | undefined;
let stores: SqlStores<WorkflowDatabase> | undefined;

afterAll(() => tables?.drop());

describe.skipIf(!PG_URL)('concurrent decisions on PostgreSQL', () => {
	beforeAll(async () => {
		tables = await openPostgresTables('wfpg');
		stores = tables.stores;
	});

	it('two approvers of one ALL step at once: each commits or gets CONFLICT, and after retries nothing is lost', async () => {
		const h = await createHarness({
			stores: stores!,
			newId: (p = 'id') => `${p}-${randomUUID().slice(0, 8)}`,
		});
		await h.publish();
		const instanceId = await h.start({ amount: 5000 });
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [managerRequest] = await h.pending(instanceId);
		await h.ok(manager, 'workflow.approval.decide', {
			requestId: managerRequest!.id,
			decision: 'APPROVE',
		});
		const requests = await h.pending(instanceId);
		const results = await Promise.all(
			requests.map((r) =>
				h.call(r.assigneeId === finance.id ? finance : finance2, 'workflow.approval.decide', {
					requestId: r.id,
					decision: 'APPROVE',
				}),
			),
		);
		const codes = results.map((r) => (r.ok ? 'OK' : r.problem.code));
		// Both may also succeed one after the other if the first commits before the second reads.
		expect(codes.filter((c) => c === 'OK').length).toBeGreaterThanOrEqual(1);
		expect(codes.every((c) => c === 'OK' || c === 'CONFLICT')).toBe(true);
		const pending = await h.pending(instanceId);
		for (const r of pending) {
			await h.ok(r.assigneeId === finance.id ? finance : finance2, 'workflow.approval.decide', {
				requestId: r.id,
				decision: 'APPROVE',
			});
		}
		const instance = await h.ok(employee, 'workflow.instance.get', { instanceId });
		expect(instance).toMatchObject({ status: 'COMPLETED', currentStepKey: 'approved' });
		const decided = await h.ok(employee, 'workflow.approval.list-for-instance', {
			instanceId,
			stepKey: 'finance-approval',
		});
		expect(decided.items.map((r: { status: string }) => r.status)).toEqual([
			'APPROVED',
			'APPROVED',
		]);
	});

	it('30 concurrent creates of one definition key: each is a new version or CONFLICT (409), never a 500', async () => {
		const h = await createHarness({
			stores: stores!,
			newId: (p = 'id') => `${p}-${randomUUID().slice(0, 8)}`,
		});
		const key = `race-${randomUUID().slice(0, 8)}`;
		const results = await Promise.all(
			Array.from({ length: 30 }, () =>
				h.call(admin, 'workflow.definition.create', { ...expenseApprovalDefinition, key }),
			),
		);
		const statuses = results.map((r) => (r.ok ? 200 : r.problem.status));
		expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
		const created = results.flatMap((r) =>
			r.ok ? [(r.output as { version: number }).version] : [],
		);
		expect(created.length).toBeGreaterThanOrEqual(1);
		expect(new Set(created).size).toBe(created.length);
	});

	it('two SUBMITs of one expense at once: one wins, the loser is a 409, never a 422', async () => {
		const h = await createHarness({
			stores: stores!,
			newId: (p = 'id') => `${p}-${randomUUID().slice(0, 8)}`,
		});
		await h.publish();
		for (let round = 0; round < 5; round++) {
			const instanceId = await h.start({ amount: 40 });
			const results = await Promise.all(
				[1, 2].map(() =>
					h.call(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' }),
				),
			);
			const outcomes = results.map((r) => (r.ok ? 'OK' : `${r.problem.status} ${r.problem.code}`));
			expect(outcomes.sort()).toEqual(['409 CONFLICT', 'OK']);
		}
	});

	it('two overlapping transactions read one revision: the second update is a RevisionConflictError', async () => {
		const db = stores!.db;
		const repositories = createSqlWorkflowRepositories(db);
		const [organizationId, id] = [employee.tenant, `inst-${randomUUID().slice(0, 8)}`];
		const now = '2026-01-01T00:00:00.000Z';
		const record: InstanceRecord = {
			id,
			definitionKey: 'expense-approval',
			definitionVersion: 1,
			definitionId: 'def-x',
			status: 'WAITING',
			previousStatus: null,
			currentStepKey: 'submit',
			context: {},
			organizationId,
			startedBy: employee.id,
			pauseReason: null,
			revision: 1,
			createdAt: now,
			updatedAt: now,
			completedAt: null,
			stepEnteredAt: now,
			visit: 1,
		};
		await repositories().instances.insert(record);
		let release!: () => void;
		const firstRead = new Promise<void>((resolve) => {
			release = resolve;
		});
		let secondRead!: () => void;
		const bothRead = new Promise<void>((resolve) => {
			secondRead = resolve;
		});
		const first = db.transaction().execute(async (trx) => {
			const repos = repositories(trx);
			const seen = await repos.instances.get(organizationId, id);
			release();
			await bothRead;
			await repos.instances.update({ ...seen!, status: 'PAUSED', revision: 2 }, seen!.revision);
		});
		const second = db.transaction().execute(async (trx) => {
			const repos = repositories(trx);
			await firstRead;
			const seen = await repos.instances.get(organizationId, id);
			secondRead();
			await first;
			await repos.instances.update({ ...seen!, status: 'CANCELLED', revision: 2 }, seen!.revision);
		});
		await first;
		await expect(second).rejects.toBeInstanceOf(RevisionConflictError);
		expect(await repositories().instances.get(organizationId, id)).toMatchObject({
			status: 'PAUSED',
			revision: 2,
		});
	});
});
