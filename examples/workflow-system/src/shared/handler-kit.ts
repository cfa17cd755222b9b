import { ContractError, type HandlerContext, implementFor } from '@charter/runtime';
import type { OperationSpec } from '@charter/spec';
import type { EngineEvent } from '../engine/instance-session.ts';
import type { WorkflowTransaction } from '../store/sql/workflow-database.ts';
import {
	type RepositoryProvider,
	RevisionConflictError,
	type WorkflowRepositories,
} from '../store/workflow-repository.ts';
import type { IdSource } from './id-source.ts';

/** Who belongs to which organization: delegation checks its target against it. */
export interface MemberDirectory {
	has(organizationId: string, userId: string): boolean;
}

/** What every handler of the workflow system is built on. */
export interface WorkflowDeps {
	readonly repositories: RepositoryProvider;
	readonly ids: IdSource;
	readonly members: MemberDirectory;
}

/** `implement` for the workflow handlers: a command's `ctx.tx` is a `Transaction<WorkflowDatabase>`. */
export const implement = implementFor<WorkflowTransaction>();

/** The `ctx` of a workflow handler, whatever its contract. */
export type WorkflowContext = HandlerContext<any, any, any, WorkflowTransaction>;

/** Gives the repositories of a call: inside the command's transaction when there is one. */
export function repositoriesOf(deps: WorkflowDeps, ctx: WorkflowContext): WorkflowRepositories {
	return deps.repositories(ctx.tx);
}

/** Gives the caller's organization (every contract requires a tenant). */
export function organizationOf(ctx: HandlerContext<any>): string {
	const tenant = ctx.principal?.tenant;
	if (!tenant) throw new ContractError('FORBIDDEN', 'the caller belongs to no organization');
	return tenant;
}

/** Emits the engine's events that the contract declares; logs any other as a skipped event. */
export function emitEvents(
	ctx: HandlerContext<any>,
	contract: OperationSpec,
	events: readonly EngineEvent[],
): void {
	const declared = new Set(contract.sideEffects.emits.map((e) => e.key));
	const emit = ctx.emit as (key: string, payload: unknown) => void;
	for (const event of events) {
		if (declared.has(event.key)) emit(event.key, event.payload);
		else ctx.logger.warn({ event: event.key }, 'event not declared by the contract, not emitted');
	}
}

/** Runs a command's work; losing an optimistic race on an instance is CONFLICT (409). */
export async function guardRevision<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof RevisionConflictError) {
			throw new ContractError(
				'CONFLICT',
				`${error.message}: another change was committed first; read it again and retry`,
			);
		}
		throw error;
	}
}
