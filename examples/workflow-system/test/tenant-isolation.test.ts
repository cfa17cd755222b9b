import { describe, expect, it } from 'vitest';
import { admin, createHarness, employee, manager, outsider } from './workflow-harness.ts';

describe("another organization's records are NOT_FOUND", () => {
	it('on every operation that names an instance, a request or a definition', async () => {
		const h = await createHarness();
		const definitionId = await h.publish();
		const instanceId = await h.start();
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [request] = await h.pending(instanceId);
		const requestId = request!.id;
		// The outsider is an admin and workflow admin of org-globex: roles pass, the tenant does not.
		const calls: [string, object][] = [
			['workflow.instance.get', { instanceId }],
			['workflow.instance.history', { instanceId }],
			['workflow.instance.actions', { instanceId }],
			['workflow.instance.pause', { instanceId }],
			['workflow.instance.resume', { instanceId }],
			['workflow.instance.cancel', { instanceId }],
			['workflow.instance.transition', { instanceId, action: 'SUBMIT' }],
			['workflow.approval.decide', { requestId, decision: 'APPROVE' }],
			['workflow.approval.delegate', { requestId, delegateToId: 'user-globex-2' }],
			['workflow.approval.comment', { requestId, body: 'Hello' }],
			['workflow.approval.get', { requestId }],
			['workflow.approval.list-for-instance', { instanceId }],
			['workflow.definition.get', { definitionId }],
			['workflow.definition.validate', { definitionId }],
			['workflow.definition.publish', { definitionId }],
			['workflow.definition.deprecate', { definitionId }],
			['workflow.definition.update', { definitionId, name: 'Mine now' }],
		];
		const codes = Object.fromEntries(
			await Promise.all(
				calls.map(async ([op, input]) => [op, await h.codeOf(outsider, op, input)]),
			),
		);
		expect(codes).toEqual(Object.fromEntries(calls.map(([op]) => [op, 'NOT_FOUND'])));
		// Nothing changed for the owners.
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'WAITING',
			currentStepKey: 'manager-approval',
		});
	});

	it('keeps lists, inboxes and starts to the caller organization', async () => {
		const h = await createHarness();
		await h.publish();
		await h.start();
		expect(await h.ok(outsider, 'workflow.instance.list', {})).toEqual({
			items: [],
			nextCursor: null,
		});
		expect((await h.ok(outsider, 'workflow.definition.list', {})).items).toEqual([]);
		expect(
			await h.codeOf(outsider, 'workflow.instance.start', { definitionKey: 'expense-approval' }),
		).toBe('NOT_FOUND');
		const sweep = await h.ok(outsider, 'workflow.timer.sweep', { now: '2027-01-01T00:00:00Z' });
		expect(sweep.instanceIds).toEqual([]);
		expect((await h.ok(manager, 'workflow.approval.list-mine', {})).items).toEqual([]);
	});
});

describe('concurrent decisions', () => {
	it('on one request: exactly one wins, the other gets a 409', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start({ amount: 250 });
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [request] = await h.pending(instanceId);
		const results = await Promise.all(
			(['APPROVE', 'REJECT'] as const).map((decision) =>
				h.call(manager, 'workflow.approval.decide', { requestId: request!.id, decision }),
			),
		);
		const winners = results.filter((r) => r.ok);
		const losers = results.flatMap((r) => (r.ok ? [] : [r.problem]));
		expect(winners).toHaveLength(1);
		expect(losers).toHaveLength(1);
		expect(losers[0]!.status).toBe(409);
		const winner = winners[0]!.ok ? (winners[0]!.output as { stepOutcome: string }) : undefined;
		const instance = await h.ok(admin, 'workflow.instance.get', { instanceId });
		expect(instance.currentStepKey).toBe(
			winner?.stepOutcome === 'APPROVED' ? 'approved' : 'rejected',
		);
	});

	it('on two requests of one ALL step at once: decided one after the other (their rule reads state), both count', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start({ amount: 5000 });
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [managerRequest] = await h.pending(instanceId);
		await h.ok(manager, 'workflow.approval.decide', {
			requestId: managerRequest!.id,
			decision: 'APPROVE',
		});
		const finance = await h.pending(instanceId);
		expect(finance.map((r) => r.assigneeId)).toEqual(['user-finance-1', 'user-finance-2']);
		const before = await h.ok(admin, 'workflow.instance.get', { instanceId });
		const results = await Promise.all(
			finance.map((r) =>
				h.call({ id: r.assigneeId, tenant: employee.tenant }, 'workflow.approval.decide', {
					requestId: r.id,
					decision: 'APPROVE',
				}),
			),
		);
		// The memory stores run commands with state-reading rules one at a time (the policy guide):
		// no decision is lost to an interleaving. PostgreSQL's race is postgres-concurrency.test.ts.
		expect(results.map((r) => (r.ok ? 'OK' : r.problem.code))).toEqual(['OK', 'OK']);
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId })).toMatchObject({
			status: 'COMPLETED',
			currentStepKey: 'approved',
			revision: before.revision + 2,
		});
	});
});
