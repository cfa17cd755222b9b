import type { Infer } from '@charter/schema';
import type { ApprovalRequestStatusEnum } from '../approval/approval.enum.ts';
import type { DefinitionStatusEnum } from '../definition/definition.enum.ts';
import type { InstanceStatusEnum } from '../instance/instance.enum.ts';
import type { WorkflowTransaction } from './sql/workflow-database.ts';
import type {
	ApprovalRequestRecord,
	CommentRecord,
	DefinitionRecord,
	HistoryRecord,
	InstanceRecord,
} from './workflow-records.ts';

/** A window of a sorted list: skip `offset`, take `limit`. */
export interface Window {
	readonly offset: number;
	readonly limit: number;
}

/** Definition versions of organizations. */
export interface DefinitionRepository {
	get(organizationId: string, id: string): Promise<DefinitionRecord | undefined>;
	/** Every version of a key, lowest version first. */
	versions(organizationId: string, key: string): Promise<DefinitionRecord[]>;
	/** Sorted by key, then version (newest first). */
	list(
		organizationId: string,
		filter: {
			readonly key?: string | undefined;
			readonly status?: Infer<typeof DefinitionStatusEnum> | undefined;
		},
		window: Window,
	): Promise<DefinitionRecord[]>;
	insert(definition: DefinitionRecord): Promise<void>;
	update(definition: DefinitionRecord): Promise<void>;
	/** Counts every definition of every organization (to seed an empty database only). */
	count(): Promise<number>;
}

/** Filters of the instance list; they combine with AND. */
export interface InstanceFilter {
	readonly definitionKey?: string | undefined;
	readonly status?: Infer<typeof InstanceStatusEnum> | undefined;
	readonly startedBy?: string | undefined;
	readonly currentStepKey?: string | undefined;
}

/** Instances and their step history. */
export interface InstanceRepository {
	get(organizationId: string, id: string): Promise<InstanceRecord | undefined>;
	insert(instance: InstanceRecord): Promise<void>;
	/**
	 * Replaces an instance if its stored revision is still `expectedRevision`; throws
	 * {@link RevisionConflictError} otherwise (another command changed it meanwhile).
	 */
	update(instance: InstanceRecord, expectedRevision: number): Promise<void>;
	/** Newest first. */
	list(organizationId: string, filter: InstanceFilter, window: Window): Promise<InstanceRecord[]>;
	/** The organization's RUNNING, WAITING and PAUSED instances, oldest first (timer sweeps). */
	listOpen(organizationId: string): Promise<InstanceRecord[]>;
	/** Entries in sequence order. */
	history(instanceId: string): Promise<HistoryRecord[]>;
	/** Inserts new entries and replaces existing ones (same instance and sequence). */
	saveHistory(entries: readonly HistoryRecord[]): Promise<void>;
}

/** Approval requests and their comments. */
export interface ApprovalRepository {
	get(organizationId: string, id: string): Promise<ApprovalRequestRecord | undefined>;
	/** In creation order. */
	forInstance(instanceId: string, stepKey?: string): Promise<ApprovalRequestRecord[]>;
	/** Oldest first. */
	forAssignee(
		organizationId: string,
		assigneeId: string,
		status: Infer<typeof ApprovalRequestStatusEnum>,
		window: Window,
	): Promise<ApprovalRequestRecord[]>;
	/** Inserts new requests and replaces existing ones (by id). */
	save(requests: readonly ApprovalRequestRecord[]): Promise<void>;
	addComment(comment: CommentRecord): Promise<void>;
	/** In creation order. */
	comments(requestId: string): Promise<CommentRecord[]>;
}

/** The repositories of the workflow system, as seen by one command or query. */
export interface WorkflowRepositories {
	readonly definitions: DefinitionRepository;
	readonly instances: InstanceRepository;
	readonly approvals: ApprovalRepository;
}

/**
 * Gives the repositories for a command's transaction (`ctx.tx`), or outside any transaction
 * (no argument) for queries, deciders and fixtures.
 */
export type RepositoryProvider = (tx?: WorkflowTransaction) => WorkflowRepositories;

/** Thrown when an instance changed since it was read: the caller lost an optimistic race. */
export class RevisionConflictError extends Error {
	override readonly name = 'RevisionConflictError';
	constructor(
		readonly instanceId: string,
		readonly expectedRevision: number,
	) {
		super(`instance ${instanceId} is no longer at revision ${expectedRevision}`);
	}
}
