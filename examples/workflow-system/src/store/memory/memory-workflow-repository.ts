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
	type Window,
	type WorkflowRepositories,
} from '../workflow-repository.ts';

const OPEN = new Set(['RUNNING', 'WAITING', 'PAUSED']);

/**
 * Creates the workflow repositories in memory (tests, `charter test`). Records are copied in
 * and out, so callers never share objects with the store. Not transactional: a command writes
 * the instance first (the revision check) so a lost race leaves nothing half-written.
 */
export function createMemoryWorkflowRepositories(): RepositoryProvider {
	const definitions = new Map<string, DefinitionRecord>();
	const instances = new Map<string, InstanceRecord>();
	const history = new Map<string, HistoryRecord[]>();
	const requests = new Map<string, ApprovalRequestRecord>();
	const comments: CommentRecord[] = [];
	const copy = structuredClone;
	const slice = <T>(items: T[], window: Window) =>
		items.slice(window.offset, window.offset + window.limit).map((item) => copy(item));

	const repositories: WorkflowRepositories = {
		definitions: {
			async get(organizationId, id) {
				const found = definitions.get(id);
				return found?.organizationId === organizationId ? copy(found) : undefined;
			},
			async versions(organizationId, key) {
				return [...definitions.values()]
					.filter((d) => d.organizationId === organizationId && d.key === key)
					.sort((a, b) => a.version - b.version)
					.map((d) => copy(d));
			},
			async list(organizationId, filter, window) {
				const items = [...definitions.values()]
					.filter(
						(d) =>
							d.organizationId === organizationId &&
							(filter.key === undefined || d.key === filter.key) &&
							(filter.status === undefined || d.status === filter.status),
					)
					.sort((a, b) => (a.key === b.key ? b.version - a.version : a.key < b.key ? -1 : 1));
				return slice(items, window);
			},
			async insert(definition) {
				if (definitions.has(definition.id)) throw new Error(`definition ${definition.id} exists`);
				definitions.set(definition.id, copy(definition));
			},
			async update(definition) {
				definitions.set(definition.id, copy(definition));
			},
			async count() {
				return definitions.size;
			},
		},
		instances: {
			async get(organizationId, id) {
				const found = instances.get(id);
				return found?.organizationId === organizationId ? copy(found) : undefined;
			},
			async insert(instance) {
				if (instances.has(instance.id)) throw new Error(`instance ${instance.id} exists`);
				instances.set(instance.id, copy(instance));
			},
			async update(instance, expectedRevision) {
				const stored = instances.get(instance.id);
				if (!stored || stored.revision !== expectedRevision) {
					throw new RevisionConflictError(instance.id, expectedRevision);
				}
				instances.set(instance.id, copy(instance));
			},
			async list(organizationId, filter, window) {
				const items = [...instances.values()]
					.filter(
						(i) =>
							i.organizationId === organizationId &&
							(filter.definitionKey === undefined || i.definitionKey === filter.definitionKey) &&
							(filter.status === undefined || i.status === filter.status) &&
							(filter.startedBy === undefined || i.startedBy === filter.startedBy) &&
							(filter.currentStepKey === undefined || i.currentStepKey === filter.currentStepKey),
					)
					.sort(newestFirst);
				return slice(items, window);
			},
			async listOpen(organizationId) {
				return [...instances.values()]
					.filter((i) => i.organizationId === organizationId && OPEN.has(i.status))
					.sort((a, b) => -newestFirst(a, b))
					.map((i) => copy(i));
			},
			async history(instanceId) {
				return (history.get(instanceId) ?? []).map((h) => copy(h));
			},
			async saveHistory(entries) {
				for (const entry of entries) {
					const list = history.get(entry.instanceId) ?? [];
					const at = list.findIndex((h) => h.sequence === entry.sequence);
					if (at >= 0) list[at] = copy(entry);
					else list.push(copy(entry));
					list.sort((a, b) => a.sequence - b.sequence);
					history.set(entry.instanceId, list);
				}
			},
		},
		approvals: {
			async get(organizationId, id) {
				const found = requests.get(id);
				return found?.organizationId === organizationId ? copy(found) : undefined;
			},
			async forInstance(instanceId, stepKey) {
				return [...requests.values()]
					.filter(
						(r) => r.instanceId === instanceId && (stepKey === undefined || r.stepKey === stepKey),
					)
					.map((r) => copy(r));
			},
			async forAssignee(organizationId, assigneeId, status, window) {
				const items = [...requests.values()].filter(
					(r) =>
						r.organizationId === organizationId &&
						r.assigneeId === assigneeId &&
						r.status === status,
				);
				return slice(items, window);
			},
			async save(list) {
				for (const request of list) requests.set(request.id, copy(request));
			},
			async addComment(comment) {
				comments.push(copy(comment));
			},
			async comments(requestId) {
				return comments.filter((c) => c.requestId === requestId).map((c) => copy(c));
			},
		},
	};
	return () => repositories;
}

/** Newest first by creation time, then by id (stable for equal times). */
function newestFirst(a: InstanceRecord, b: InstanceRecord): number {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
