import { describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../src/app/demo-principals.ts';
import { expenseApprovalDefinition } from '../src/demo/expense-approval.ts';
import { admin, createHarness, employee, manager } from './workflow-harness.ts';

const colleague = { id: 'user-2', roles: ['employee'], tenant: DEMO_ORG };

describe('named policy rules', () => {
	it('task-assignee: only the starter takes the actions of a TASK step without a role', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start();
		const submit = { instanceId, action: 'SUBMIT' };
		expect(await h.codeOf(colleague, 'workflow.instance.transition', submit)).toBe('FORBIDDEN');
		expect(await h.codeOf(admin, 'workflow.instance.transition', submit)).toBe('FORBIDDEN');
		expect(await h.codeOf(employee, 'workflow.instance.transition', submit)).toBe('OK');
	});

	it('task-assignee: a step with an assignee role is for the members of that role', async () => {
		const h = await createHarness();
		const steps = expenseApprovalDefinition.steps.map((s) =>
			s.key === 'submit' ? { ...s, assigneeRole: 'accounting' } : s,
		);
		await h.publish({ ...expenseApprovalDefinition, steps });
		const instanceId = await h.start();
		const submit = { instanceId, action: 'SUBMIT' };
		expect(await h.codeOf(employee, 'workflow.instance.transition', submit)).toBe('FORBIDDEN');
		const accountant = { id: 'user-3', roles: ['accounting'], tenant: DEMO_ORG };
		expect(await h.codeOf(accountant, 'workflow.instance.transition', submit)).toBe('OK');
	});

	it('instance-starter-or-admin: a colleague cannot cancel; the starter and an admin can', async () => {
		const h = await createHarness();
		await h.publish();
		const first = await h.start();
		const second = await h.start();
		expect(await h.codeOf(colleague, 'workflow.instance.cancel', { instanceId: first })).toBe(
			'FORBIDDEN',
		);
		expect(await h.codeOf(employee, 'workflow.instance.cancel', { instanceId: first })).toBe('OK');
		expect(await h.codeOf(admin, 'workflow.instance.cancel', { instanceId: second })).toBe('OK');
	});

	it('cancelling closes the pending approval requests', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start();
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const [request] = await h.pending(instanceId);
		await h.ok(employee, 'workflow.instance.cancel', { instanceId, reason: 'Duplicate' });
		const detail = await h.ok(manager, 'workflow.approval.get', { requestId: request!.id });
		expect(detail.request.status).toBe('CANCELLED');
		expect((await h.ok(manager, 'workflow.approval.list-mine', {})).items).toEqual([]);
	});

	it('pause and resume are for administrators', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start();
		expect(await h.codeOf(employee, 'workflow.instance.pause', { instanceId })).toBe('FORBIDDEN');
		await h.ok(admin, 'workflow.instance.pause', { instanceId });
		expect(await h.codeOf(employee, 'workflow.instance.resume', { instanceId })).toBe('FORBIDDEN');
	});

	it('offers each caller only what will be accepted', async () => {
		const h = await createHarness();
		await h.publish();
		const instanceId = await h.start();
		await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
		const kinds = async (who: typeof employee | typeof manager | typeof admin) =>
			(await h.ok(who, 'workflow.instance.actions', { instanceId })).actions.map(
				(a: { kind: string }) => a.kind,
			);
		expect(await kinds(manager)).toEqual(['DECIDE']);
		expect(await kinds(employee)).toEqual(['CANCEL']);
		expect(await kinds(admin)).toEqual(['PAUSE', 'CANCEL']);
		await h.ok(admin, 'workflow.instance.pause', { instanceId });
		expect(await kinds(manager)).toEqual([]);
		expect(await kinds(admin)).toEqual(['RESUME', 'CANCEL']);
	});
});
