import type { Infer } from '@charter/schema';
import type { StepTypeEnum } from '../definition/definition.enum.ts';
import type { ApprovalRequestStatus } from './approval-mode.ts';
import { type InstanceStatus, TERMINAL_STATUSES } from './instance-state-machine.ts';

/** A timer that is due, with the instant it fell due (ISO 8601). */
export type DueTimer =
	| { readonly kind: 'STEP_TIMEOUT'; readonly dueAt: string }
	| { readonly kind: 'WAIT_ELAPSED'; readonly dueAt: string }
	| { readonly kind: 'EXPIRE'; readonly requestId: string; readonly dueAt: string }
	| { readonly kind: 'ESCALATE'; readonly requestId: string; readonly dueAt: string };

/** What the schedule reads of an instance on its current step. */
export interface TimerSubject {
	readonly status: InstanceStatus;
	readonly stepType: Infer<typeof StepTypeEnum>;
	/** When the current step was entered. */
	readonly stepEnteredAt: string;
	readonly waitSeconds?: number | undefined;
	readonly timeoutSeconds?: number | undefined;
	readonly escalateAfterSeconds?: number | undefined;
	/** The approval requests of the current step visit. */
	readonly requests: readonly {
		readonly id: string;
		readonly status: ApprovalRequestStatus;
		readonly createdAt: string;
		readonly escalatedAt?: string | null | undefined;
		readonly expiresAt?: string | null | undefined;
	}[];
}

/**
 * Lists the timers of an instance that are due at `now`, earliest first. A step timeout wins
 * over everything else (the instance ends); a WAIT step elapses once its duration has passed;
 * a PENDING request expires at its `expiresAt`, and one not yet escalated (and not expiring)
 * is escalated `escalateAfterSeconds` after it was created. A finished instance has no timer;
 * a PAUSED one still reports them (the sweep holds them). Firing a timer changes what this
 * returns, so the same sweep twice at one instant does nothing the second time.
 *
 * @example dueTimers({ status: 'WAITING', stepType: 'WAIT', stepEnteredAt: t0, waitSeconds: 60, requests: [] }, t0 + 60 s)
 * // [{ kind: 'WAIT_ELAPSED', dueAt: t0 + 60 s }]
 */
export function dueTimers(subject: TimerSubject, now: string): DueTimer[] {
	if (TERMINAL_STATUSES.has(subject.status)) return [];
	const at = Date.parse(now);
	const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);
	const due = (instant: Date) => instant.getTime() <= at;
	const timed = subject.stepType === 'TASK' || subject.stepType === 'APPROVAL';
	if (timed && subject.timeoutSeconds !== undefined) {
		const deadline = plus(subject.stepEnteredAt, subject.timeoutSeconds);
		if (due(deadline)) return [{ kind: 'STEP_TIMEOUT', dueAt: deadline.toISOString() }];
	}
	if (subject.stepType === 'WAIT' && subject.waitSeconds !== undefined) {
		const end = plus(subject.stepEnteredAt, subject.waitSeconds);
		return due(end) ? [{ kind: 'WAIT_ELAPSED', dueAt: end.toISOString() }] : [];
	}
	if (subject.stepType !== 'APPROVAL') return [];
	const timers: DueTimer[] = [];
	for (const request of subject.requests) {
		if (request.status !== 'PENDING') continue;
		if (request.expiresAt && due(new Date(request.expiresAt))) {
			timers.push({
				kind: 'EXPIRE',
				requestId: request.id,
				dueAt: new Date(request.expiresAt).toISOString(),
			});
			continue;
		}
		if (request.escalatedAt || subject.escalateAfterSeconds === undefined) continue;
		const escalation = plus(request.createdAt, subject.escalateAfterSeconds);
		if (due(escalation)) {
			timers.push({ kind: 'ESCALATE', requestId: request.id, dueAt: escalation.toISOString() });
		}
	}
	return timers.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}
