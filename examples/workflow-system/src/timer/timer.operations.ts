import { defineCommand } from '@charter/spec';
import { ApprovalEscalatedEvent, ApprovalExpiredEvent } from '../approval/approval.events.ts';
import {
	InstanceCompletedEvent,
	InstanceTimedOutEvent,
	InstanceTransitionedEvent,
} from '../instance/instance.events.ts';
import { ADMIN_POLICY, OWNERS } from '../shared/contract-parts.ts';
import { SweepTimersInputModel, SweepTimersResultModel } from './timer.schema.ts';

/** Fires every due timer of the organization: WAIT steps, step timeouts, approval escalation and expiry. */
export const SweepTimersContract = defineCommand({
	meta: {
		key: 'workflow.timer.sweep',
		version: '1.0.0',
		stability: 'stable',
		owners: OWNERS,
		tags: ['workflow', 'timer', 'sweep'],
		description: 'Fire the due timers of workflow instances.',
		goal: 'Advance waits and enforce deadlines without a human.',
		context:
			'Run by a scheduler as an administrator, every minute or so. Due WAIT steps move on; TASK and APPROVAL steps past timeoutSeconds make the instance TIMEOUT; pending approval requests past escalateAfterSeconds are escalated and past expireAfterSeconds expire (an expired request counts as a rejection). Timers of PAUSED instances are held (refused with INVALID_STATE per instance) and counted in skippedPaused. Sweeping twice at the same instant changes nothing the second time.',
	},
	io: { input: SweepTimersInputModel, output: SweepTimersResultModel },
	policy: ADMIN_POLICY,
	idempotent: true,
	destructive: false,
	sideEffects: {
		emits: [
			InstanceTransitionedEvent,
			InstanceCompletedEvent,
			InstanceTimedOutEvent,
			ApprovalEscalatedEvent,
			ApprovalExpiredEvent,
		],
		audit: [
			'workflow.instance.timed-out',
			'workflow.approval.escalated',
			'workflow.approval.expired',
		],
	},
	acceptance: {
		scenarios: [
			{
				key: 'sweep-due-timers',
				given: [
					'Instance inst-200 entered a WAIT step of 3600 s at 2026-01-05T08:00:00Z',
					'Instance inst-201 has been on manager-approval since 2026-01-03T08:00:00Z (escalate after 2 days)',
					'Instance inst-202 is PAUSED on a WAIT step that was due at 2026-01-05T08:30:00Z',
				],
				when: ['An admin sweeps at 2026-01-05T09:00:00Z'],
				then: [
					'inst-200 moves past its WAIT step',
					"inst-201's pending request is escalated",
					'inst-202 is untouched and counted in skippedPaused',
				],
			},
			{
				key: 'sweep-nothing-due',
				given: ['No timer is due at 2026-01-01T00:00:00Z'],
				when: ['An admin sweeps at 2026-01-01T00:00:00Z'],
				then: ['Nothing changes; every count is 0'],
			},
		],
		examples: [
			{
				key: 'sweep',
				scenario: 'sweep-due-timers',
				input: { now: '2026-01-05T09:00:00Z' },
				output: {
					now: '2026-01-05T09:00:00Z',
					waitsElapsed: 1,
					stepsTimedOut: 0,
					approvalsEscalated: 1,
					approvalsExpired: 0,
					skippedPaused: 1,
					instanceIds: ['inst-200', 'inst-201'],
					more: false,
				},
			},
			{
				key: 'sweep-idle',
				scenario: 'sweep-nothing-due',
				input: { now: '2026-01-01T00:00:00Z', limit: 10 },
				output: {
					waitsElapsed: 0,
					stepsTimedOut: 0,
					approvalsEscalated: 0,
					approvalsExpired: 0,
					skippedPaused: 0,
					instanceIds: [],
					more: false,
				},
			},
		],
	},
});
