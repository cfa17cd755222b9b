import { type Binding, ContractError } from '@charter/runtime';
import { canDecide, evaluateApproval } from '../domain/approval-mode.ts';
import { InstanceSession } from '../engine/instance-session.ts';
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
import { type ApprovalRequestRecord, requestView } from '../store/workflow-records.ts';
import {
	CommentApprovalContract,
	DecideApprovalContract,
	DelegateApprovalContract,
	GetApprovalContract,
	ListInstanceApprovalsContract,
	ListMyApprovalsContract,
} from './approval.operations.ts';

const STATUS_OF_DECISION = {
	APPROVE: 'APPROVED',
	REJECT: 'REJECTED',
	REQUEST_CHANGES: 'CHANGES_REQUESTED',
	ABSTAIN: 'ABSTAINED',
} as const;

/** Binds the approval contracts: decisions, delegation, comments and the inboxes. */
export function approvalHandlers(deps: WorkflowDeps): Binding<any>[] {
	const loadRequest = async (ctx: WorkflowContext, id: string) => {
		const found = await repositoriesOf(deps, ctx).approvals.get(organizationOf(ctx), id);
		if (!found) throw new ContractError('NOT_FOUND', `no approval request ${id}`);
		return found;
	};
	/** Opens the request's instance, checked for a decision: active, request pending and current. */
	const openForDecision = async (ctx: WorkflowContext, requestId: string) => {
		const request = await loadRequest(ctx, requestId);
		const session = await InstanceSession.open(
			repositoriesOf(deps, ctx),
			{ ids: deps.ids, now: ctx.now().toISOString() },
			organizationOf(ctx),
			request.instanceId,
		);
		session.apply('DECIDE');
		if (request.status !== 'PENDING') {
			throw new ContractError('ALREADY_DECIDED', `request ${request.id} is ${request.status}`);
		}
		if (!session.currentRequests().some((r) => r.id === request.id)) {
			throw new ContractError(
				'INVALID_STATE',
				`request ${request.id} is not of the current step "${session.instance.currentStepKey}"`,
			);
		}
		return { request, session };
	};

	return [
		implement(DecideApprovalContract, (input, ctx) =>
			guardRevision(async () => {
				const { request, session } = await openForDecision(ctx, input.requestId);
				const mode = session.step?.approval?.mode ?? 'ANY';
				if (!canDecide(mode, session.currentRequests(), request)) {
					throw new ContractError(
						'NOT_YOUR_TURN',
						`an earlier approver of step "${request.stepKey}" has not decided yet`,
					);
				}
				session.putRequest({
					...request,
					status: STATUS_OF_DECISION[input.decision],
					decision: input.decision,
					decidedAt: session.env.now,
					decisionComment: input.comment ?? null,
				});
				const decided = session.requestView(request.id);
				const outcome = session.settleApproval(ctx.principal!.id, input.comment);
				ctx.emit('workflow.approval.decided', decided);
				emitEvents(ctx, DecideApprovalContract, session.events);
				await session.save(repositoriesOf(deps, ctx));
				return { request: decided, stepOutcome: outcome, instance: session.view() };
			}),
		),
		implement(DelegateApprovalContract, (input, ctx) =>
			guardRevision(async () => {
				const { request, session } = await openForDecision(ctx, input.requestId);
				const holders = session
					.currentRequests()
					.filter((r) => r.status === 'PENDING' || r.id === request.id);
				if (
					input.delegateToId === request.assigneeId ||
					holders.some((r) => r.assigneeId === input.delegateToId)
				) {
					throw new ContractError(
						'INVALID_DELEGATE',
						`${input.delegateToId} is the assignee or already holds a request of this step`,
					);
				}
				// No self-approval: the member who started the instance never decides on it.
				if (input.delegateToId === session.instance.startedBy) {
					throw new ContractError(
						'INVALID_DELEGATE',
						`${input.delegateToId} started this instance and cannot approve it`,
					);
				}
				if (!deps.members.has(organizationOf(ctx), input.delegateToId)) {
					throw new ContractError(
						'INVALID_DELEGATE',
						`${input.delegateToId} is not a member of your organization`,
					);
				}
				session.putRequest({
					...request,
					status: 'DELEGATED',
					delegatedToId: input.delegateToId,
					decidedAt: session.env.now,
					decisionComment: input.comment ?? null,
				});
				const replacement: ApprovalRequestRecord = {
					...request,
					id: deps.ids.next('apr'),
					assigneeId: input.delegateToId,
					status: 'PENDING',
					delegatedFromId: request.id,
					delegatedToId: null,
					createdAt: session.env.now,
				};
				session.putRequest(replacement);
				const result = {
					delegated: session.requestView(request.id),
					request: session.requestView(replacement.id),
				};
				ctx.emit('workflow.approval.delegated', result);
				// The delegation changes the step: it takes the instance's revision like a decision.
				await session.save(repositoriesOf(deps, ctx));
				return result;
			}),
		),
		implement(CommentApprovalContract, async (input, ctx) => {
			const request = await loadRequest(ctx, input.requestId);
			const comment = {
				id: deps.ids.next('comment'),
				requestId: request.id,
				authorId: ctx.principal!.id,
				body: input.body,
				createdAt: ctx.now().toISOString(),
			};
			await repositoriesOf(deps, ctx).approvals.addComment(comment);
			ctx.emit('workflow.approval.commented', comment);
			return comment;
		}),
		implement(ListMyApprovalsContract, async (input, ctx) => {
			const window = windowOf(input.cursor, input.limit);
			const items = await repositoriesOf(deps, ctx).approvals.forAssignee(
				organizationOf(ctx),
				ctx.principal!.id,
				input.status ?? 'PENDING',
				probeOf(window),
			);
			const page = pageOf(items, window);
			return { items: page.items.map(requestView), nextCursor: page.nextCursor };
		}),
		implement(ListInstanceApprovalsContract, async (input, ctx) => {
			const repos = repositoriesOf(deps, ctx);
			const instance = await repos.instances.get(organizationOf(ctx), input.instanceId);
			if (!instance) throw new ContractError('NOT_FOUND', `no instance ${input.instanceId}`);
			const items = await repos.approvals.forInstance(instance.id, input.stepKey);
			return { items: items.map(requestView), nextCursor: null };
		}),
		implement(GetApprovalContract, async (input, ctx) => {
			const request = await loadRequest(ctx, input.requestId);
			const repos = repositoriesOf(deps, ctx);
			const organizationId = organizationOf(ctx);
			const instance = await repos.instances.get(organizationId, request.instanceId);
			const definition = instance
				? await repos.definitions.get(organizationId, instance.definitionId)
				: undefined;
			const mode = definition?.steps.find((s) => s.key === request.stepKey)?.approval?.mode;
			const votes = (await repos.approvals.forInstance(request.instanceId, request.stepKey)).filter(
				(r) => r.visit === request.visit,
			);
			return {
				request: requestView(request),
				comments: await repos.approvals.comments(request.id),
				stepOutcome: evaluateApproval(mode ?? 'ANY', votes).outcome,
			};
		}),
	];
}
