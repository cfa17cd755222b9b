import type { Kysely } from 'kysely';
import type {
	ApprovalRequestRecord,
	CommentRecord,
	DefinitionRecord,
	HistoryRecord,
	InstanceRecord,
} from '../workflow-records.ts';
import {
	type RepositoryProvider,
	RevisionConflictError,
	type WorkflowRepositories,
} from '../workflow-repository.ts';
import type { WorkflowDatabase } from './workflow-database.ts';

/** The workflow tables, typed; a command's `Transaction<WorkflowDatabase>` is one too. */
type Db = Kysely<WorkflowDatabase>;

const parse = <T>(row: { data: string }): T => JSON.parse(row.data) as T;

/**
 * Creates the workflow repositories over SQL (SQLite or PostgreSQL, through Kysely): the
 * example's one implementation, run by `charter serve` on its database and by `charter test`
 * and the tests on SQLite in memory. A command's repositories write through its transaction
 * (`ctx.tx`), so state, outbox and audit commit together; queries, deciders and fixtures use
 * the stores' database.
 */
export function createSqlWorkflowRepositories(db: Db): RepositoryProvider {
	const outside = repositoriesOver(db);
	return (tx) => (tx === undefined ? outside : repositoriesOver(tx));
}

function repositoriesOver(db: Db): WorkflowRepositories {
	/** One record by id, only within the caller's organization (another's id reads as absent). */
	const getScoped = async <T>(
		table: 'wf_definitions' | 'wf_instances' | 'wf_requests',
		organizationId: string,
		id: string,
	) => {
		const row = await db
			.selectFrom(table)
			.select('data')
			.where('id', '=', id)
			.where('organization_id', '=', organizationId)
			.executeTakeFirst();
		return row ? parse<T>(row) : undefined;
	};
	const nextOrdinal = async (table: 'wf_requests' | 'wf_comments') => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.max('ordinal').as('last'))
			.executeTakeFirst();
		return Number(row?.last ?? 0) + 1;
	};
	const definitionRow = (d: DefinitionRecord) => ({
		organization_id: d.organizationId,
		key: d.key,
		version: d.version,
		status: d.status,
		data: JSON.stringify(d),
	});
	const instanceRow = (i: InstanceRecord) => ({
		organization_id: i.organizationId,
		definition_key: i.definitionKey,
		status: i.status,
		started_by: i.startedBy,
		current_step_key: i.currentStepKey ?? null,
		created_at: i.createdAt,
		revision: i.revision,
		data: JSON.stringify(i),
	});
	const requestRow = (r: ApprovalRequestRecord) => ({
		organization_id: r.organizationId,
		instance_id: r.instanceId,
		step_key: r.stepKey,
		assignee_id: r.assigneeId,
		status: r.status,
		data: JSON.stringify(r),
	});

	return {
		definitions: {
			get: (organizationId, id) =>
				getScoped<DefinitionRecord>('wf_definitions', organizationId, id),
			async versions(organizationId, key) {
				const rows = await db
					.selectFrom('wf_definitions')
					.select('data')
					.where('organization_id', '=', organizationId)
					.where('key', '=', key)
					.orderBy('version', 'asc')
					.execute();
				return rows.map(parse<DefinitionRecord>);
			},
			async list(organizationId, filter, window) {
				let query = db
					.selectFrom('wf_definitions')
					.select('data')
					.where('organization_id', '=', organizationId);
				if (filter.key !== undefined) query = query.where('key', '=', filter.key);
				if (filter.status !== undefined) query = query.where('status', '=', filter.status);
				const rows = await query
					.orderBy('key', 'asc')
					.orderBy('version', 'desc')
					.limit(window.limit)
					.offset(window.offset)
					.execute();
				return rows.map(parse<DefinitionRecord>);
			},
			async insert(definition) {
				await db
					.insertInto('wf_definitions')
					.values({ id: definition.id, ...definitionRow(definition) })
					.execute();
			},
			async update(definition) {
				await db
					.updateTable('wf_definitions')
					.set(definitionRow(definition))
					.where('id', '=', definition.id)
					.execute();
			},
			async count() {
				const row = await db
					.selectFrom('wf_definitions')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirst();
				return Number(row?.n ?? 0);
			},
		},
		instances: {
			get: (organizationId, id) => getScoped<InstanceRecord>('wf_instances', organizationId, id),
			async insert(instance) {
				await db
					.insertInto('wf_instances')
					.values({ id: instance.id, ...instanceRow(instance) })
					.execute();
			},
			async update(instance, expectedRevision) {
				const result = await db
					.updateTable('wf_instances')
					.set(instanceRow(instance))
					.where('id', '=', instance.id)
					.where('revision', '=', expectedRevision)
					.executeTakeFirst();
				if (Number(result.numUpdatedRows) !== 1) {
					throw new RevisionConflictError(instance.id, expectedRevision);
				}
			},
			async list(organizationId, filter, window) {
				let query = db
					.selectFrom('wf_instances')
					.select('data')
					.where('organization_id', '=', organizationId);
				if (filter.definitionKey !== undefined) {
					query = query.where('definition_key', '=', filter.definitionKey);
				}
				if (filter.status !== undefined) query = query.where('status', '=', filter.status);
				if (filter.startedBy !== undefined)
					query = query.where('started_by', '=', filter.startedBy);
				if (filter.currentStepKey !== undefined) {
					query = query.where('current_step_key', '=', filter.currentStepKey);
				}
				const rows = await query
					.orderBy('created_at', 'desc')
					.orderBy('id', 'desc')
					.limit(window.limit)
					.offset(window.offset)
					.execute();
				return rows.map(parse<InstanceRecord>);
			},
			async listOpen(organizationId) {
				const rows = await db
					.selectFrom('wf_instances')
					.select('data')
					.where('organization_id', '=', organizationId)
					.where('status', 'in', ['RUNNING', 'WAITING', 'PAUSED'])
					.orderBy('created_at', 'asc')
					.orderBy('id', 'asc')
					.execute();
				return rows.map(parse<InstanceRecord>);
			},
			async history(instanceId) {
				const rows = await db
					.selectFrom('wf_history')
					.select('data')
					.where('instance_id', '=', instanceId)
					.orderBy('sequence', 'asc')
					.execute();
				return rows.map(parse<HistoryRecord>);
			},
			async saveHistory(entries) {
				for (const entry of entries) {
					await db
						.insertInto('wf_history')
						.values({
							instance_id: entry.instanceId,
							sequence: entry.sequence,
							data: JSON.stringify(entry),
						})
						.onConflict((oc) =>
							oc.columns(['instance_id', 'sequence']).doUpdateSet({ data: JSON.stringify(entry) }),
						)
						.execute();
				}
			},
		},
		approvals: {
			get: (organizationId, id) =>
				getScoped<ApprovalRequestRecord>('wf_requests', organizationId, id),
			async forInstance(instanceId, stepKey) {
				let query = db
					.selectFrom('wf_requests')
					.select('data')
					.where('instance_id', '=', instanceId);
				if (stepKey !== undefined) query = query.where('step_key', '=', stepKey);
				const rows = await query.orderBy('ordinal', 'asc').execute();
				return rows.map(parse<ApprovalRequestRecord>);
			},
			async forAssignee(organizationId, assigneeId, status, window) {
				const rows = await db
					.selectFrom('wf_requests')
					.select('data')
					.where('organization_id', '=', organizationId)
					.where('assignee_id', '=', assigneeId)
					.where('status', '=', status)
					.orderBy('ordinal', 'asc')
					.limit(window.limit)
					.offset(window.offset)
					.execute();
				return rows.map(parse<ApprovalRequestRecord>);
			},
			async save(requests) {
				for (const request of requests) {
					const updated = await db
						.updateTable('wf_requests')
						.set(requestRow(request))
						.where('id', '=', request.id)
						.executeTakeFirst();
					if (Number(updated.numUpdatedRows) === 0) {
						await db
							.insertInto('wf_requests')
							.values({
								id: request.id,
								ordinal: await nextOrdinal('wf_requests'),
								...requestRow(request),
							})
							.execute();
					}
				}
			},
			async addComment(comment) {
				await db
					.insertInto('wf_comments')
					.values({
						id: comment.id,
						request_id: comment.requestId,
						ordinal: await nextOrdinal('wf_comments'),
						data: JSON.stringify(comment),
					})
					.execute();
			},
			async comments(requestId) {
				const rows = await db
					.selectFrom('wf_comments')
					.select('data')
					.where('request_id', '=', requestId)
					.orderBy('ordinal', 'asc')
					.execute();
				return rows.map(parse<CommentRecord>);
			},
		},
	};
}
