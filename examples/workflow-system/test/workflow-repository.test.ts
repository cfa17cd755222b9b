import type { SqlStores } from '@charter/sql';
import { createSqliteStores } from '@charter/sql/sqlite';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqlWorkflowRepositories } from '../src/store/sql/sql-workflow-repository.ts';
import type { WorkflowDatabase } from '../src/store/sql/workflow-database.ts';
import { workflowMigrations } from '../src/store/sql/workflow-migrations.ts';
import type { ApprovalRequestRecord, InstanceRecord } from '../src/store/workflow-records.ts';
import {
	type RepositoryProvider,
	RevisionConflictError,
	type WorkflowRepositories,
} from '../src/store/workflow-repository.ts';
import { openPostgresTables, PG_URL } from './postgres-tables.ts';

/** PostgreSQL joins the suite when `CHARTER_TEST_PG_URL` names a database (schemas are dropped after). */
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const close of closers) await close();
});
if (!PG_URL)
	console.info('workflow repositories: set CHARTER_TEST_PG_URL to run the suite on PostgreSQL too');

/** The one (SQL) repository on each engine, fresh per test (SQLite: a new database in memory). */
const IMPLEMENTATIONS: [string, () => Promise<RepositoryProvider>][] = [
	[
		'sqlite',
		async () => {
			const stores: SqlStores<WorkflowDatabase> = await createSqliteStores<WorkflowDatabase>({
				file: ':memory:',
				migrations: [workflowMigrations],
			});
			closers.push(() => stores.close());
			return createSqlWorkflowRepositories(stores.db);
		},
	],
];
if (PG_URL) {
	IMPLEMENTATIONS.push([
		'postgres',
		async () => {
			const tables = await openPostgresTables('wfrepo');
			closers.push(() => tables.drop());
			return createSqlWorkflowRepositories(tables.stores.db);
		},
	]);
}

const instance = (id: string, fields: Partial<InstanceRecord> = {}): InstanceRecord => ({
	id,
	definitionKey: 'expense-approval',
	definitionVersion: 1,
	definitionId: 'def-1',
	status: 'WAITING',
	previousStatus: null,
	currentStepKey: 'submit',
	context: { amount: 1 },
	organizationId: 'org-a',
	startedBy: 'user-1',
	pauseReason: null,
	revision: 1,
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-01T00:00:00.000Z',
	completedAt: null,
	stepEnteredAt: '2026-01-01T00:00:00.000Z',
	visit: 1,
	...fields,
});

const request = (
	id: string,
	fields: Partial<ApprovalRequestRecord> = {},
): ApprovalRequestRecord => ({
	id,
	instanceId: 'inst-1',
	stepKey: 'review',
	organizationId: 'org-a',
	assigneeId: 'user-m',
	order: 0,
	status: 'PENDING',
	decision: null,
	decidedAt: null,
	decisionComment: null,
	delegatedFromId: null,
	delegatedToId: null,
	escalatedAt: null,
	expiresAt: null,
	createdAt: '2026-01-01T00:00:00.000Z',
	visit: 1,
	...fields,
});

describe.each(IMPLEMENTATIONS)('workflow repositories (%s)', (_name, create) => {
	let repos: WorkflowRepositories;
	beforeEach(async () => {
		repos = (await create())();
	});

	it('updates an instance only at the expected revision', async () => {
		await repos.instances.insert(instance('inst-1'));
		await repos.instances.update(instance('inst-1', { revision: 2, status: 'PAUSED' }), 1);
		await expect(
			repos.instances.update(instance('inst-1', { revision: 2 }), 1),
		).rejects.toBeInstanceOf(RevisionConflictError);
		expect(await repos.instances.get('org-a', 'inst-1')).toMatchObject({
			status: 'PAUSED',
			revision: 2,
		});
	});

	it("scopes reads to the organization: another one's id is missing", async () => {
		await repos.instances.insert(instance('inst-1'));
		await repos.approvals.save([request('apr-1')]);
		expect(await repos.instances.get('org-b', 'inst-1')).toBeUndefined();
		expect(await repos.approvals.get('org-b', 'apr-1')).toBeUndefined();
		expect(await repos.instances.list('org-b', {}, { offset: 0, limit: 10 })).toEqual([]);
	});

	it('lists instances newest first with filters and windows; open ones oldest first', async () => {
		for (const [i, status] of (['WAITING', 'COMPLETED', 'WAITING', 'PAUSED'] as const).entries()) {
			await repos.instances.insert(
				instance(`inst-${i}`, { status, createdAt: `2026-01-0${i + 1}T00:00:00.000Z` }),
			);
		}
		const ids = (items: InstanceRecord[]) => items.map((i) => i.id);
		expect(ids(await repos.instances.list('org-a', {}, { offset: 1, limit: 2 }))).toEqual([
			'inst-2',
			'inst-1',
		]);
		expect(
			ids(await repos.instances.list('org-a', { status: 'WAITING' }, { offset: 0, limit: 10 })),
		).toEqual(['inst-2', 'inst-0']);
		expect(ids(await repos.instances.listOpen('org-a'))).toEqual(['inst-0', 'inst-2', 'inst-3']);
	});

	it('keeps requests and comments in creation order, replacing saved requests by id', async () => {
		await repos.approvals.save([request('apr-10'), request('apr-9', { assigneeId: 'user-n' })]);
		await repos.approvals.save([
			request('apr-10', { status: 'APPROVED' }),
			request('apr-2', { stepKey: 'other' }),
		]);
		expect((await repos.approvals.forInstance('inst-1')).map((r) => `${r.id} ${r.status}`)).toEqual(
			['apr-10 APPROVED', 'apr-9 PENDING', 'apr-2 PENDING'],
		);
		expect((await repos.approvals.forInstance('inst-1', 'other')).map((r) => r.id)).toEqual([
			'apr-2',
		]);
		const inbox = await repos.approvals.forAssignee('org-a', 'user-m', 'PENDING', {
			offset: 0,
			limit: 10,
		});
		expect(inbox.map((r) => r.id)).toEqual(['apr-2']);
		for (const id of ['c-2', 'c-1']) {
			await repos.approvals.addComment({
				id,
				requestId: 'apr-10',
				authorId: 'user-m',
				body: id,
				createdAt: '2026-01-01T00:00:00.000Z',
			});
		}
		expect((await repos.approvals.comments('apr-10')).map((c) => c.id)).toEqual(['c-2', 'c-1']);
	});

	it('stores history by sequence, replacing an entry when it is left', async () => {
		const entry = {
			instanceId: 'inst-1',
			sequence: 1,
			stepKey: 'start',
			stepType: 'START' as const,
			enteredAt: '2026-01-01T00:00:00.000Z',
			enteredBy: 'user-1',
			action: null,
			comment: null,
			leftAt: null,
		};
		await repos.instances.saveHistory([entry, { ...entry, sequence: 2, stepKey: 'submit' }]);
		await repos.instances.saveHistory([{ ...entry, leftAt: '2026-01-02T00:00:00.000Z' }]);
		const history = await repos.instances.history('inst-1');
		expect(history.map((h) => [h.sequence, h.stepKey, h.leftAt])).toEqual([
			[1, 'start', '2026-01-02T00:00:00.000Z'],
			[2, 'submit', null],
		]);
	});

	it('finds definition versions by key and counts them', async () => {
		const definition = {
			id: 'def-1',
			key: 'expense-approval',
			version: 1,
			name: 'Expense',
			status: 'ACTIVE' as const,
			steps: [],
			organizationId: 'org-a',
			createdBy: 'admin',
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-01T00:00:00.000Z',
			publishedAt: null,
		};
		await repos.definitions.insert({ ...definition, id: 'def-2', version: 2, status: 'DRAFT' });
		await repos.definitions.insert(definition);
		await repos.definitions.insert({ ...definition, id: 'def-3', key: 'another' });
		expect(
			(await repos.definitions.versions('org-a', 'expense-approval')).map((d) => d.id),
		).toEqual(['def-1', 'def-2']);
		const listed = await repos.definitions.list('org-a', {}, { offset: 0, limit: 10 });
		expect(listed.map((d) => d.id)).toEqual(['def-3', 'def-2', 'def-1']);
		expect(await repos.definitions.count()).toBe(3);
	});
});
