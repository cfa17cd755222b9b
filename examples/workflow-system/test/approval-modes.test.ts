import { describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../src/app/demo-principals.ts';
import type { ApprovalMode } from '../src/domain/approval-mode.ts';
import { admin, createHarness, employee, type Harness } from './workflow-harness.ts';

const approver = (id: string) => ({ id, roles: [], tenant: DEMO_ORG });
const APPROVERS = ['user-a', 'user-b', 'user-c'];

/** START -> review (APPROVAL by a, b, c) -> approved | rejected, changes back to the fix TASK. */
const reviewDefinition = (mode: ApprovalMode) => ({
	key: `review-${mode.toLowerCase()}`,
	name: `Review (${mode})`,
	steps: [
		{ key: 'start', name: 'Start', type: 'START', transitions: [{ to: 'review' }] },
		{
			key: 'review',
			name: 'Review',
			type: 'APPROVAL',
			approval: { mode, approvers: APPROVERS },
			transitions: [
				{ action: 'APPROVED', to: 'approved' },
				{ action: 'REJECTED', to: 'rejected' },
				{ action: 'CHANGES_REQUESTED', to: 'fix' },
			],
		},
		{ key: 'fix', name: 'Fix', type: 'TASK', transitions: [{ action: 'SUBMIT', to: 'review' }] },
		{ key: 'approved', name: 'Approved', type: 'END', transitions: [] },
		{ key: 'rejected', name: 'Rejected', type: 'END', transitions: [] },
	],
});

type Vote = readonly [approver: 'a' | 'b' | 'c', decision: string];

/** A mode, the votes in order, the outcome after each vote (or a refusal code). */
const MATRIX: { mode: ApprovalMode; votes: Vote[]; outcomes: string[]; step: string }[] = [
	{ mode: 'ANY', votes: [['b', 'APPROVE']], outcomes: ['APPROVED'], step: 'approved' },
	{
		mode: 'ANY',
		votes: [
			['a', 'REJECT'],
			['b', 'ABSTAIN'],
			['c', 'REJECT'],
		],
		outcomes: ['PENDING', 'PENDING', 'REJECTED'],
		step: 'rejected',
	},
	{
		mode: 'ALL',
		votes: [
			['a', 'APPROVE'],
			['b', 'APPROVE'],
			['c', 'APPROVE'],
		],
		outcomes: ['PENDING', 'PENDING', 'APPROVED'],
		step: 'approved',
	},
	{
		mode: 'ALL',
		votes: [
			['a', 'APPROVE'],
			['c', 'REJECT'],
		],
		outcomes: ['PENDING', 'REJECTED'],
		step: 'rejected',
	},
	{
		mode: 'ALL',
		votes: [
			['a', 'ABSTAIN'],
			['b', 'APPROVE'],
			['c', 'APPROVE'],
		],
		outcomes: ['PENDING', 'PENDING', 'APPROVED'],
		step: 'approved',
	},
	{
		mode: 'MAJORITY',
		votes: [
			['a', 'APPROVE'],
			['c', 'APPROVE'],
		],
		outcomes: ['PENDING', 'APPROVED'],
		step: 'approved',
	},
	{
		mode: 'MAJORITY',
		votes: [
			['a', 'REJECT'],
			['b', 'REJECT'],
		],
		outcomes: ['PENDING', 'REJECTED'],
		step: 'rejected',
	},
	{
		mode: 'MAJORITY',
		votes: [
			['a', 'APPROVE'],
			['b', 'ABSTAIN'],
			['c', 'REJECT'],
		],
		outcomes: ['PENDING', 'PENDING', 'REJECTED'],
		step: 'rejected',
	},
	{
		mode: 'SEQUENTIAL',
		votes: [
			['b', 'APPROVE'],
			['a', 'APPROVE'],
			['b', 'APPROVE'],
			['c', 'APPROVE'],
		],
		outcomes: ['NOT_YOUR_TURN', 'PENDING', 'PENDING', 'APPROVED'],
		step: 'approved',
	},
	{
		mode: 'SEQUENTIAL',
		votes: [
			['a', 'APPROVE'],
			['b', 'REJECT'],
		],
		outcomes: ['PENDING', 'REJECTED'],
		step: 'rejected',
	},
	{ mode: 'ALL', votes: [['b', 'REQUEST_CHANGES']], outcomes: ['CHANGES_REQUESTED'], step: 'fix' },
];

/** Publishes the review workflow in a mode and starts it; returns the request id per approver. */
async function startReview(h: Harness, mode: ApprovalMode) {
	await h.publish(reviewDefinition(mode));
	const instanceId = await h.start({}, `review-${mode.toLowerCase()}`);
	const requests = await h.pending(instanceId);
	const byApprover = Object.fromEntries(requests.map((r) => [r.assigneeId.slice(-1), r.id]));
	return { instanceId, byApprover };
}

describe('approval modes through the executor', () => {
	it.each(
		MATRIX.map(
			(c) =>
				[`${c.mode} ${c.votes.map((v) => v.join(' ')).join(', ')} ends on ${c.step}`, c] as const,
		),
	)('%s', async (_name, c) => {
		const h = await createHarness();
		const { instanceId, byApprover } = await startReview(h, c.mode);
		const outcomes: string[] = [];
		for (const [who, decision] of c.votes) {
			const result = await h.call(approver(`user-${who}`), 'workflow.approval.decide', {
				requestId: byApprover[who],
				decision,
			});
			outcomes.push(
				result.ok ? (result.output as { stepOutcome: string }).stepOutcome : result.problem.code,
			);
		}
		expect(outcomes).toEqual(c.outcomes);
		const instance = await h.ok(admin, 'workflow.instance.get', { instanceId });
		expect(instance.currentStepKey).toBe(c.step);
		expect(instance.status).toBe(c.step === 'fix' ? 'WAITING' : 'COMPLETED');
		// A decided step leaves no request pending; they are final.
		expect(await h.pending(instanceId)).toEqual([]);
	});

	it('closes the other requests once the step is decided: they are final', async () => {
		const h = await createHarness();
		const { byApprover } = await startReview(h, 'ALL');
		await h.ok(approver('user-a'), 'workflow.approval.decide', {
			requestId: byApprover.a,
			decision: 'REQUEST_CHANGES',
		});
		// The instance waits on the fix task: b's request was closed with the step.
		const decideB = { requestId: byApprover.b, decision: 'APPROVE' };
		expect(await h.codeOf(approver('user-b'), 'workflow.approval.decide', decideB)).toBe(
			'ALREADY_DECIDED',
		);
		const closed = await h.ok(admin, 'workflow.approval.get', { requestId: byApprover.b });
		expect(closed.request.status).toBe('CANCELLED');
	});

	it('refuses decisions once the instance is finished (INVALID_STATE)', async () => {
		const h = await createHarness();
		const { byApprover } = await startReview(h, 'ANY');
		await h.ok(approver('user-a'), 'workflow.approval.decide', {
			requestId: byApprover.a,
			decision: 'APPROVE',
		});
		const decideB = { requestId: byApprover.b, decision: 'APPROVE' };
		expect(await h.codeOf(approver('user-b'), 'workflow.approval.decide', decideB)).toBe(
			'INVALID_STATE',
		);
	});

	it('lets only the assignee decide (FORBIDDEN otherwise)', async () => {
		const h = await createHarness();
		const { byApprover } = await startReview(h, 'ANY');
		expect(
			await h.codeOf(approver('user-b'), 'workflow.approval.decide', {
				requestId: byApprover.a,
				decision: 'APPROVE',
			}),
		).toBe('FORBIDDEN');
	});

	it('asks again after changes: the revisited step has new requests, old votes do not count', async () => {
		const h = await createHarness();
		const { instanceId, byApprover } = await startReview(h, 'ALL');
		await h.ok(approver('user-a'), 'workflow.approval.decide', {
			requestId: byApprover.a,
			decision: 'APPROVE',
		});
		await h.ok(approver('user-b'), 'workflow.approval.decide', {
			requestId: byApprover.b,
			decision: 'REQUEST_CHANGES',
		});
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const again = await h.pending(instanceId);
		expect(again.map((r) => r.assigneeId)).toEqual(APPROVERS);
		expect(again.map((r) => r.id)).not.toContain(byApprover.a);
		const decided = await h.ok(approver('user-c'), 'workflow.approval.decide', {
			requestId: again[2]!.id,
			decision: 'APPROVE',
		});
		expect(decided.stepOutcome).toBe('PENDING');
	});

	it('hands a request on by delegation: the delegate decides, the delegator no longer can', async () => {
		const h = await createHarness({ members: [{ id: 'user-d', tenant: DEMO_ORG }] });
		const { instanceId, byApprover } = await startReview(h, 'ALL');
		const delegation = await h.ok(approver('user-a'), 'workflow.approval.delegate', {
			requestId: byApprover.a,
			delegateToId: 'user-d',
		});
		expect(delegation.delegated).toMatchObject({ status: 'DELEGATED', delegatedToId: 'user-d' });
		expect(
			await h.codeOf(approver('user-a'), 'workflow.approval.decide', {
				requestId: byApprover.a,
				decision: 'APPROVE',
			}),
		).toBe('ALREADY_DECIDED');
		expect(
			await h.codeOf(approver('user-a'), 'workflow.approval.delegate', {
				requestId: byApprover.b,
				delegateToId: 'user-d',
			}),
		).toBe('FORBIDDEN');
		expect(
			await h.codeOf(approver('user-b'), 'workflow.approval.delegate', {
				requestId: byApprover.b,
				delegateToId: 'user-d',
			}),
		).toBe('INVALID_DELEGATE');
		for (const [who, id] of [
			['user-d', delegation.request.id],
			['user-b', byApprover.b],
			['user-c', byApprover.c],
		]) {
			await h.ok(approver(who!), 'workflow.approval.decide', {
				requestId: id,
				decision: 'APPROVE',
			});
		}
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'COMPLETED',
			currentStepKey: 'approved',
		});
	});

	it('refuses a delegation to the requester (no self-approval), to nobody, or to another organization (INVALID_DELEGATE)', async () => {
		const h = await createHarness({ members: [{ id: 'user-d', tenant: DEMO_ORG }] });
		const { instanceId, byApprover } = await startReview(h, 'ALL');
		const delegate = (delegateToId: string) =>
			h.call(approver('user-a'), 'workflow.approval.delegate', {
				requestId: byApprover.a,
				delegateToId,
			});
		const starter = (await h.ok(admin, 'workflow.instance.get', { instanceId })).startedBy;
		for (const [target, detail] of [
			[starter, `${starter} started this instance and cannot approve it`],
			['user-nobody', 'user-nobody is not a member of your organization'],
			['user-globex-1', 'user-globex-1 is not a member of your organization'],
		] as const) {
			const refused = await delegate(target);
			expect(!refused.ok && refused.problem).toMatchObject({
				status: 422,
				code: 'INVALID_DELEGATE',
				detail,
			});
		}
		expect((await h.pending(instanceId)).map((r) => r.assigneeId)).toEqual(APPROVERS);
		expect((await delegate('user-d')).ok).toBe(true);
	});
});
