import { describe, expect, it } from 'vitest';
import { admin, createHarness, employee } from './workflow-harness.ts';

describe('workflow.timer.sweep', () => {
	it('escalates after 2 days, then an expired request counts as a rejection', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start();
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const escalation = await h.ok(admin, 'workflow.timer.sweep', { now: '2026-01-03T00:00:00Z' });
		expect(escalation).toMatchObject({ approvalsEscalated: 1, instanceIds: [instanceId] });
		const asked = await h.pending(instanceId);
		expect(asked.map((r) => r.assigneeId)).toEqual(['user-manager-1', 'user-director-1']);
		// Sweeping again at the same instant changes nothing.
		expect(
			await h.ok(admin, 'workflow.timer.sweep', { now: '2026-01-03T00:00:00Z' }),
		).toMatchObject({
			approvalsEscalated: 0,
			instanceIds: [],
		});
		const expiry = await h.ok(admin, 'workflow.timer.sweep', { now: '2026-01-08T00:00:00Z' });
		expect(expiry).toMatchObject({ approvalsExpired: 1, instanceIds: [instanceId] });
		// The director's request (created on escalation) has not expired yet: still pending.
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'WAITING',
			currentStepKey: 'manager-approval',
		});
		const last = await h.ok(admin, 'workflow.timer.sweep', { now: '2026-01-10T00:00:00Z' });
		expect(last).toMatchObject({ approvalsExpired: 1 });
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'COMPLETED',
			currentStepKey: 'rejected',
		});
	});

	it('handles at most `limit` timers per sweep and says when more are due', async () => {
		const h = await createHarness();
		await h.publish();
		for (let i = 0; i < 3; i++) await h.start();
		const sweep = { now: '2026-02-01T00:00:00Z', limit: 2 };
		expect(await h.ok(admin, 'workflow.timer.sweep', sweep)).toMatchObject({
			stepsTimedOut: 2,
			more: true,
		});
		expect(await h.ok(admin, 'workflow.timer.sweep', sweep)).toMatchObject({
			stepsTimedOut: 1,
			more: false,
		});
	});

	it('is for administrators only', async () => {
		const h = await createHarness();
		expect(await h.codeOf(employee, 'workflow.timer.sweep', {})).toBe('FORBIDDEN');
	});

	it('a leap second (…T23:59:60Z) is read as the last millisecond of its minute, not a 500', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start();
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const swept = await h.call(admin, 'workflow.timer.sweep', { now: '2026-01-02T23:59:60Z' });
		expect(swept).toMatchObject({ ok: true, output: { now: '2026-01-02T23:59:60Z' } });
		// One millisecond short of the 2-day escalation; the second after it escalates.
		expect(!swept.ok || swept.output).toMatchObject({ approvalsEscalated: 0 });
		expect(
			await h.ok(admin, 'workflow.timer.sweep', { now: '2026-01-03T00:00:00Z' }),
		).toMatchObject({ approvalsEscalated: 1 });
	});
});
