import { type Binding, parseTimestamp } from '@charter/runtime';
import { dueTimers } from '../domain/timer-schedule.ts';
import { addSeconds, InstanceSession, SYSTEM_ACTOR } from '../engine/instance-session.ts';
import {
	emitEvents,
	guardRevision,
	implement,
	organizationOf,
	repositoriesOf,
	type WorkflowDeps,
} from '../shared/handler-kit.ts';
import { SweepTimersContract } from './timer.operations.ts';

/** Binds `workflow.timer.sweep`: fires due WAIT steps, step timeouts, escalations and expiries. */
export function timerHandlers(deps: WorkflowDeps): Binding<any>[] {
	return [
		implement(SweepTimersContract, (input, ctx) =>
			guardRevision(async () => {
				const now = input.now ?? ctx.now().toISOString();
				// A leap second (`…:60`, valid RFC 3339) reads as the last millisecond of its minute.
				const at = parseTimestamp(now).toISOString();
				const organizationId = organizationOf(ctx);
				const repos = repositoriesOf(deps, ctx);
				const result = {
					now,
					waitsElapsed: 0,
					stepsTimedOut: 0,
					approvalsEscalated: 0,
					approvalsExpired: 0,
					skippedPaused: 0,
					instanceIds: [] as string[],
					more: false,
				};
				let budget = input.limit ?? 100;
				for (const open of await repos.instances.listOpen(organizationId)) {
					const session = await InstanceSession.open(
						repos,
						{ ids: deps.ids, now: at },
						organizationId,
						open.id,
					);
					const step = session.step;
					if (!step) continue;
					const timers = dueTimers(
						{
							status: session.instance.status,
							stepType: step.type,
							stepEnteredAt: session.instance.stepEnteredAt,
							waitSeconds: step.waitSeconds,
							timeoutSeconds: step.timeoutSeconds,
							escalateAfterSeconds: step.approval?.escalateAfterSeconds,
							requests: session.currentRequests(),
						},
						at,
					);
					if (timers.length === 0) continue;
					// Timers of a paused instance are held until it resumes.
					if (session.instance.status === 'PAUSED') {
						result.skippedPaused += timers.length;
						continue;
					}
					if (budget === 0) {
						result.more = true;
						break;
					}
					const fired = timers.slice(0, budget);
					if (fired.length < timers.length) result.more = true;
					budget -= fired.length;
					session.apply('TIMER');
					let expired = false;
					for (const timer of fired) {
						if (timer.kind === 'STEP_TIMEOUT') {
							session.apply('TIME_OUT');
							session.closePendingRequests();
							session.instance = { ...session.instance, completedAt: session.env.now };
							session.events.push({ key: 'workflow.instance.timed-out', payload: session.view() });
							result.stepsTimedOut++;
						} else if (timer.kind === 'WAIT_ELAPSED') {
							const next = step.transitions[0]?.to;
							if (session.instance.status === 'WAITING') session.apply('WAKE');
							if (next === undefined) session.fail(`WAIT step "${step.key}" has no way out`);
							else session.enter(next, SYSTEM_ACTOR, null, 'wait elapsed');
							result.waitsElapsed++;
						} else if (timer.kind === 'EXPIRE') {
							const request = session.requests.get(timer.requestId)!;
							session.putRequest({ ...request, status: 'EXPIRED', decidedAt: session.env.now });
							session.events.push({
								key: 'workflow.approval.expired',
								payload: session.requestView(request.id),
							});
							expired = true;
							result.approvalsExpired++;
						} else {
							escalate(session, timer.requestId, step.approval ?? {});
							result.approvalsEscalated++;
						}
					}
					if (expired && session.step?.type === 'APPROVAL') session.settleApproval(SYSTEM_ACTOR);
					emitEvents(ctx, SweepTimersContract, session.events);
					await session.save(repos);
					result.instanceIds.push(session.instance.id);
				}
				return result;
			}),
		),
	];
}

/** Marks a request escalated and asks the escalation approvers who hold no request yet. */
function escalate(
	session: InstanceSession,
	requestId: string,
	approval: { escalateTo?: readonly string[]; expireAfterSeconds?: number },
) {
	const request = session.requests.get(requestId)!;
	const { now } = session.env;
	session.putRequest({ ...request, escalatedAt: now });
	const holders = new Set(session.currentRequests().map((r) => r.assigneeId));
	for (const assigneeId of approval.escalateTo ?? []) {
		if (holders.has(assigneeId)) continue;
		session.putRequest({
			...request,
			id: session.env.ids.next('apr'),
			assigneeId,
			status: 'PENDING',
			escalatedAt: null,
			delegatedFromId: null,
			delegatedToId: null,
			// The new approver gets the full time to answer.
			expiresAt: approval.expireAfterSeconds ? addSeconds(now, approval.expireAfterSeconds) : null,
			createdAt: now,
		});
	}
	session.events.push({
		key: 'workflow.approval.escalated',
		payload: session.requestView(requestId),
	});
}
