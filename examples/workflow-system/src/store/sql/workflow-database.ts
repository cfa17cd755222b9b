import type { Transaction } from 'kysely';

/** A definition version: the record whole as JSON in `data`, beside what queries filter on. */
export interface DefinitionTable {
	readonly id: string;
	readonly organization_id: string;
	readonly key: string;
	readonly version: number;
	readonly status: string;
	readonly data: string;
}

/** An instance; `revision` is its optimistic lock. */
export interface InstanceTable {
	readonly id: string;
	readonly organization_id: string;
	readonly definition_key: string;
	readonly status: string;
	readonly started_by: string;
	readonly current_step_key: string | null;
	readonly created_at: string;
	readonly revision: number;
	readonly data: string;
}

/** One step-history entry of an instance. */
export interface HistoryTable {
	readonly instance_id: string;
	readonly sequence: number;
	readonly data: string;
}

/** An approval request; `ordinal` keeps creation order. */
export interface RequestTable {
	readonly id: string;
	readonly organization_id: string;
	readonly instance_id: string;
	readonly step_key: string;
	readonly assignee_id: string;
	readonly status: string;
	readonly ordinal: number;
	readonly data: string;
}

/** A comment on an approval request. */
export interface CommentTable {
	readonly id: string;
	readonly request_id: string;
	readonly ordinal: number;
	readonly data: string;
}

/**
 * The workflow system's tables, declared once as Kysely expects: `stores.db` is a
 * `Kysely<WorkflowDatabase>` and every command's `ctx.tx` a {@link WorkflowTransaction}.
 */
export interface WorkflowDatabase {
	readonly wf_definitions: DefinitionTable;
	readonly wf_instances: InstanceTable;
	readonly wf_history: HistoryTable;
	readonly wf_requests: RequestTable;
	readonly wf_comments: CommentTable;
}

/** A command's transaction over the workflow tables (what handlers get as `ctx.tx`). */
export type WorkflowTransaction = Transaction<WorkflowDatabase>;
