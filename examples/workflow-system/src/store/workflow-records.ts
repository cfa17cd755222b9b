import type { Infer } from '@charter/schema';
import type { ApprovalCommentModel, ApprovalRequestModel } from '../approval/approval.schema.ts';
import type { WorkflowDefinitionModel } from '../definition/definition.schema.ts';
import type { HistoryEntryModel, WorkflowInstanceModel } from '../instance/instance.schema.ts';

/** A definition version as stored (the contract's model). */
export type DefinitionRecord = Infer<typeof WorkflowDefinitionModel>;

/** An instance as the contracts show it. */
export type Instance = Infer<typeof WorkflowInstanceModel>;

/** An instance as stored: the contract's model plus what the engine needs internally. */
export type InstanceRecord = Instance & {
	/** The definition version the instance runs (immutable once ACTIVE). */
	readonly definitionId: string;
	/** When the current step was entered: WAIT durations and step timeouts count from it. */
	readonly stepEnteredAt: string;
	/** Sequence of the history entry of the current step: tells this visit's requests apart. */
	readonly visit: number;
};

/** One entry of an instance's step history, as stored. */
export type HistoryRecord = Infer<typeof HistoryEntryModel> & { readonly instanceId: string };

/** An approval request as stored: the contract's model and the step visit it belongs to. */
export type ApprovalRequestRecord = Infer<typeof ApprovalRequestModel> & {
	/** The instance's `visit` when the request was created (a revisited step asks again). */
	readonly visit: number;
};

/** A comment on an approval request (the contract's model). */
export type CommentRecord = Infer<typeof ApprovalCommentModel>;

/** Gives the contract's view of a stored instance (internal fields removed). */
export function instanceView(record: InstanceRecord): Instance {
	const { definitionId: _definition, stepEnteredAt: _entered, visit: _visit, ...instance } = record;
	return instance;
}

/** Gives the contract's view of a stored approval request. */
export function requestView(record: ApprovalRequestRecord): Infer<typeof ApprovalRequestModel> {
	const { visit: _visit, ...request } = record;
	return request;
}

/** Gives the contract's view of a history record. */
export function historyView(record: HistoryRecord): Infer<typeof HistoryEntryModel> {
	const { instanceId: _instance, ...entry } = record;
	return entry;
}
