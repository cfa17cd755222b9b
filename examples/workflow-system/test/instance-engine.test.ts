import { describe, expect, it } from 'vitest';
import { admin, createHarness, employee } from './workflow-harness.ts';

describe('the engine behind start and transition', () => {
	it('records who entered each step: the starter, the system for automatic moves, the actor', async () => {
		const h = await createHarness();
		await h.publish();
		const started = await h.call(employee, 'workflow.instance.start', {
			definitionKey: 'expense-approval',
			context: { amount: 250 },
		});
		if (!started.ok) throw new Error(started.problem.code);
		expect(started.events.map((e) => e.type)).toEqual([
			'workflow.instance.started',
			'workflow.instance.transitioned',
		]);
		const instanceId = (started.output as { id: string }).id;
		h.setNow('2026-01-01T00:30:00.000Z');
		await h.ok(employee, 'workflow.instance.transition', {
			instanceId,
			action: 'SUBMIT',
			comment: 'Receipt attached',
		});
		const { entries } = await h.ok(employee, 'workflow.instance.history', { instanceId });
		expect(entries).toEqual([
			expect.objectContaining({
				sequence: 1,
				stepKey: 'start',
				enteredBy: employee.id,
				action: null,
			}),
			expect.objectContaining({
				sequence: 2,
				stepKey: 'submit',
				enteredBy: 'system',
				leftAt: '2026-01-01T00:30:00.000Z',
			}),
			expect.objectContaining({
				sequence: 3,
				stepKey: 'manager-approval',
				stepType: 'APPROVAL',
				enteredBy: employee.id,
				action: 'SUBMIT',
				comment: 'Receipt attached',
				enteredAt: '2026-01-01T00:30:00.000Z',
				leftAt: null,
			}),
		]);
	});

	it('runs CONDITION steps by their guards and completes at an END step', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start({ amount: 250 });
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [request] = await h.pending(instanceId);
		const decided = await h.call(
			{ id: request!.assigneeId, tenant: employee.tenant },
			'workflow.approval.decide',
			{ requestId: request!.id, decision: 'APPROVE' },
		);
		if (!decided.ok) throw new Error(decided.problem.code);
		expect(decided.output).toMatchObject({
			stepOutcome: 'APPROVED',
			instance: {
				status: 'COMPLETED',
				currentStepKey: 'approved',
				completedAt: expect.any(String),
			},
		});
		expect(decided.events.map((e) => e.type)).toEqual([
			'workflow.approval.decided',
			'workflow.instance.transitioned',
			'workflow.instance.transitioned',
			'workflow.instance.completed',
		]);
	});

	it('fails the instance when a guard cannot be evaluated (FAILED, with its event)', async () => {
		const h = await createHarness();
		await h.publish({
			key: 'guarded',
			name: 'Guarded',
			steps: [
				{ key: 'start', name: 'Start', type: 'START', transitions: [{ to: 'check' }] },
				{
					key: 'check',
					name: 'Check',
					type: 'CONDITION',
					transitions: [
						{ guard: 'amount > 1000', to: 'big' },
						{ isDefault: true, to: 'small' },
					],
				},
				{ key: 'big', name: 'Big', type: 'END', transitions: [] },
				{ key: 'small', name: 'Small', type: 'END', transitions: [] },
			],
		});
		const started = await h.call(employee, 'workflow.instance.start', {
			definitionKey: 'guarded',
			context: { amount: 'a lot' },
		});
		if (!started.ok) throw new Error(started.problem.code);
		expect(started.output).toMatchObject({ status: 'FAILED', currentStepKey: 'check' });
		expect(started.events.map((e) => e.type)).toContain('workflow.instance.failed');
		const small = await h.ok(employee, 'workflow.instance.start', {
			definitionKey: 'guarded',
			context: { amount: 5 },
		});
		expect(small).toMatchObject({ status: 'COMPLETED', currentStepKey: 'small' });
	});

	it('an action of a step the instance has left is CONFLICT (409); one no step offered is INVALID_ACTION (422)', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start();
		const results = await Promise.all(
			[1, 2].map(() =>
				h.call(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' }),
			),
		);
		const outcomes = results.map((r) => (r.ok ? 'OK' : `${r.problem.status} ${r.problem.code}`));
		expect(outcomes.sort()).toEqual(['409 CONFLICT', 'OK']);
		const unknown = await h.call(employee, 'workflow.instance.transition', {
			instanceId: await h.start(),
			action: 'TELEPORT',
		});
		expect(!unknown.ok && unknown.problem).toMatchObject({ status: 422, code: 'INVALID_ACTION' });
	});

	it('pages the instance list with a cursor and refuses a forged one', async () => {
		const h = await createHarness();
		await h.publish();
		for (let i = 0; i < 3; i++) await h.start();
		const first = await h.ok(employee, 'workflow.instance.list', { limit: 2 });
		expect(first.items).toHaveLength(2);
		const second = await h.ok(employee, 'workflow.instance.list', {
			limit: 2,
			cursor: first.nextCursor,
		});
		expect(second).toMatchObject({ nextCursor: null });
		expect(second.items).toHaveLength(1);
		expect(await h.codeOf(admin, 'workflow.instance.list', { cursor: 'bm9wZQ' })).toBe(
			'INVALID_CURSOR',
		);
	});
});
