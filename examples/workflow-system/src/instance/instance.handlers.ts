import { type Binding, ContractError } from '@charter/runtime';
import { wireNames } from '@charter/spec';
import { canDecide } from '../domain/approval-mode.ts';
import { canApply } from '../domain/instance-state-machine.ts';
import { InstanceSession } from '../engine/instance-session.ts';
import { isAdmin, isTaskAssignee } from '../policy/workflow-deciders.ts';
import {
	emitEvents,
	guardRevision,
	implement,
	organizationOf,
	repositoriesOf,
	type WorkflowContext,
	type WorkflowDeps,
} from '../shared/handler-kit.ts';
import { pageOf, probeOf, windowOf } from '../shared/page-cursor.ts';
import { historyView, type InstanceRecord, instanceView } from '../store/workflow-records.ts';
import {
	AvailableActionsContract,
	CancelWorkflowContract,
	GetInstanceContract,
	InstanceHistoryContract,
	ListInstancesContract,
	PauseWorkflowContract,
	ResumeWorkflowContract,
	StartWorkflowContract,
	TransitionWorkflowContract,
} from './instance.operations.ts';

/** Where an instance is read on REST: `workflow.instance.get` with its id. */
function instanceLocation(instanceId: string): string {
	const { path } = wireNames(GetInstanceContract).rest;
	return `${path}?${new URLSearchParams({ instanceId })}`;
}

/** Binds the instance contracts: start, human actions, pause/resume/cancel and the reads. */
export function instanceHandlers(deps: WorkflowDeps): Binding<any>[] {
	const open = (ctx: WorkflowContext, instanceId: string) =>
		InstanceSession.open(
			repositoriesOf(deps, ctx),
			{ ids: deps.ids, now: ctx.now().toISOString() },
			organizationOf(ctx),
			instanceId,
		);
	const load = async (ctx: WorkflowContext, instanceId: string): Promise<InstanceRecord> => {
		const found = await repositoriesOf(deps, ctx).instances.get(organizationOf(ctx), instanceId);
		if (!found) throw new ContractError('NOT_FOUND', `no instance ${instanceId}`);
		return found;
	};

	return [
		implement(StartWorkflowContract, (input, ctx) =>
			guardRevision(async () => {
				const organizationId = organizationOf(ctx);
				const repos = repositoriesOf(deps, ctx);
				const versions = await repos.definitions.versions(organizationId, input.definitionKey);
				if (versions.length === 0) {
					throw new ContractError('NOT_FOUND', `no workflow definition "${input.definitionKey}"`);
				}
				const definition = versions.filter((d) => d.status === 'ACTIVE').at(-1);
				if (!definition) {
					throw new ContractError(
						'NO_ACTIVE_VERSION',
						`"${input.definitionKey}" has no ACTIVE version to start`,
					);
				}
				const now = ctx.now().toISOString();
				const starter = ctx.principal!.id;
				const session = new InstanceSession(
					definition,
					{
						id: deps.ids.next('inst'),
						definitionKey: definition.key,
						definitionVersion: definition.version,
						status: 'PENDING',
						previousStatus: null,
						currentStepKey: null,
						context: structuredClone(input.context ?? {}),
						organizationId,
						startedBy: starter,
						pauseReason: null,
						revision: 0,
						createdAt: now,
						updatedAt: now,
						completedAt: null,
						definitionId: definition.id,
						stepEnteredAt: now,
						visit: 0,
					},
					[],
					new Map(),
					null,
					{ ids: deps.ids, now },
				);
				session.apply('START');
				const start = definition.steps.find((s) => s.type === 'START');
				if (start) session.enter(start.key, starter);
				else session.fail('the definition has no START step');
				ctx.emit('workflow.instance.started', session.view());
				emitEvents(ctx, StartWorkflowContract, session.events);
				await session.save(repos);
				const started = session.view();
				// Where the new instance is read, as the contract declares.
				ctx.response.header('Location', instanceLocation(started.id));
				return started;
			}),
		),
		implement(TransitionWorkflowContract, (input, ctx) =>
			guardRevision(async () => {
				const session = await open(ctx, input.instanceId);
				const from = session.instance.currentStepKey ?? '';
				session.apply('TRANSITION');
				const step = session.step;
				if (step?.type !== 'TASK' || !step.transitions.some((t) => t.action === input.action)) {
					throw staleOrInvalidAction(session, input.action);
				}
				if (input.data) {
					session.instance = {
						...session.instance,
						context: { ...session.instance.context, ...structuredClone(input.data) },
					};
				}
				session.follow(input.action, ctx.principal!.id, input.comment);
				emitEvents(ctx, TransitionWorkflowContract, session.events);
				await session.save(repositoriesOf(deps, ctx));
				return {
					instance: session.view(),
					fromStepKey: from,
					toStepKey: session.instance.currentStepKey ?? null,
				};
			}),
		),
		implement(PauseWorkflowContract, (input, ctx) =>
			guardRevision(async () => {
				const session = await open(ctx, input.instanceId);
				// Pausing a paused instance returns it unchanged, without a second event.
				if (!session.apply('PAUSE')) return instanceView(session.original);
				session.instance = { ...session.instance, pauseReason: input.reason ?? null };
				ctx.emit('workflow.instance.paused', session.view());
				await session.save(repositoriesOf(deps, ctx));
				return session.view();
			}),
		),
		implement(ResumeWorkflowContract, (input, ctx) =>
			guardRevision(async () => {
				const session = await open(ctx, input.instanceId);
				if (!session.apply('RESUME')) return instanceView(session.original);
				session.instance = { ...session.instance, pauseReason: null };
				ctx.emit('workflow.instance.resumed', session.view());
				await session.save(repositoriesOf(deps, ctx));
				return session.view();
			}),
		),
		implement(CancelWorkflowContract, (input, ctx) =>
			guardRevision(async () => {
				const session = await open(ctx, input.instanceId);
				session.apply('CANCEL');
				session.closePendingRequests();
				session.instance = { ...session.instance, completedAt: session.env.now };
				ctx.emit('workflow.instance.cancelled', session.view());
				await session.save(repositoriesOf(deps, ctx));
				return session.view();
			}),
		),
		implement(ListInstancesContract, async (input, ctx) => {
			const window = windowOf(input.cursor, input.limit);
			const items = await repositoriesOf(deps, ctx).instances.list(
				organizationOf(ctx),
				{
					definitionKey: input.definitionKey,
					status: input.status,
					startedBy: input.startedBy,
					currentStepKey: input.currentStepKey,
				},
				probeOf(window),
			);
			const page = pageOf(items, window);
			return { items: page.items.map(instanceView), nextCursor: page.nextCursor };
		}),
		implement(GetInstanceContract, async (input, ctx) =>
			instanceView(await load(ctx, input.instanceId)),
		),
		implement(InstanceHistoryContract, async (input, ctx) => {
			const instance = await load(ctx, input.instanceId);
			const entries = await repositoriesOf(deps, ctx).instances.history(instance.id);
			return { instanceId: instance.id, entries: entries.map(historyView) };
		}),
		implement(AvailableActionsContract, async (input, ctx) => {
			const session = await open(ctx, input.instanceId);
			const principal = ctx.principal!;
			const { instance } = session;
			const admin = isAdmin(principal);
			const actions: {
				kind: 'TRANSITION' | 'DECIDE' | 'PAUSE' | 'RESUME' | 'CANCEL';
				operation: string;
				action?: string;
				approvalRequestId?: string;
				label?: string;
			}[] = [];
			const step = session.step;
			if (step?.type === 'TASK' && canApply(instance.status, 'TRANSITION')) {
				if (isTaskAssignee(step, instance, principal)) {
					for (const t of step.transitions) {
						if (t.action === undefined) continue;
						actions.push({
							kind: 'TRANSITION',
							operation: 'workflow.instance.transition',
							action: t.action,
							...(t.label !== undefined ? { label: t.label } : {}),
						});
					}
				}
			}
			if (step?.type === 'APPROVAL' && canApply(instance.status, 'DECIDE')) {
				const votes = session.currentRequests();
				const mode = step.approval?.mode ?? 'ANY';
				for (const request of votes) {
					if (request.assigneeId !== principal.id || !canDecide(mode, votes, request)) continue;
					actions.push({
						kind: 'DECIDE',
						operation: 'workflow.approval.decide',
						approvalRequestId: request.id,
						label: step.name,
					});
				}
			}
			if (admin && canApply(instance.status, 'PAUSE') && instance.status !== 'PAUSED') {
				actions.push({ kind: 'PAUSE', operation: 'workflow.instance.pause' });
			}
			if (admin && instance.status === 'PAUSED') {
				actions.push({ kind: 'RESUME', operation: 'workflow.instance.resume' });
			}
			if ((admin || instance.startedBy === principal.id) && canApply(instance.status, 'CANCEL')) {
				actions.push({ kind: 'CANCEL', operation: 'workflow.instance.cancel' });
			}
			return {
				instanceId: instance.id,
				status: instance.status,
				currentStepKey: instance.currentStepKey ?? null,
				actions,
			};
		}),
	];
}

/**
 * The error for an action the current step does not offer: CONFLICT (409) when a step the
 * instance has left offered it (the caller acted on a state that changed meanwhile, e.g. the
 * loser of two concurrent SUBMITs), INVALID_ACTION (422) when no step it went through did.
 */
function staleOrInvalidAction(session: InstanceSession, action: string): ContractError {
	const from = session.instance.currentStepKey ?? '';
	const left = session.history.findLast(
		(entry) =>
			entry.leftAt != null &&
			session.findStep(entry.stepKey)?.transitions.some((t) => t.action === action) === true,
	);
	if (left) {
		return new ContractError(
			'CONFLICT',
			`the instance left step "${left.stepKey}", which offers ${action}, and is now on "${from}": read it again`,
		);
	}
	return new ContractError('INVALID_ACTION', `step "${from}" does not offer the action ${action}`);
}
