import { describe, expect, it } from 'vitest';
import { expenseApprovalDefinition } from '../src/demo/expense-approval.ts';
import { admin, createHarness, employee } from './workflow-harness.ts';

type Step = Record<string, unknown> & { key: string };
const demoSteps = () => structuredClone(expenseApprovalDefinition.steps) as unknown as Step[];
const replace = (steps: Step[], key: string, change: (s: Step) => Step) =>
	steps.map((s) => (s.key === key ? change(s) : s));

/** Broken drafts: each breaks one rule, and the issue code it must give. */
const BROKEN: { rule: string; steps: () => Step[]; code: string; path?: string }[] = [
	{ rule: 'a definition needs steps', steps: () => [], code: 'NO_STEPS' },
	{
		rule: 'exactly one START',
		steps: () => demoSteps().filter((s) => s.key !== 'start'),
		code: 'START_COUNT',
	},
	{
		rule: 'an END step',
		steps: () => demoSteps().filter((s) => s.key !== 'approved' && s.key !== 'rejected'),
		code: 'NO_END',
	},
	{
		rule: 'known transition targets',
		steps: () =>
			replace(demoSteps(), 'submit', (s) => ({
				...s,
				transitions: [{ action: 'SUBMIT', to: 'nowhere' }],
			})),
		code: 'UNKNOWN_TARGET',
		path: '/steps/1/transitions/0/to',
	},
	{
		rule: 'CONDITION guards parse',
		steps: () =>
			replace(demoSteps(), 'amount-check', (s) => ({
				...s,
				transitions: [
					{ guard: 'amount >', to: 'finance-approval' },
					{ isDefault: true, to: 'approved' },
				],
			})),
		code: 'INVALID_GUARD',
		path: '/steps/3/transitions/0/guard',
	},
	{
		rule: 'CONDITION has one default',
		steps: () =>
			replace(demoSteps(), 'amount-check', (s) => ({
				...s,
				transitions: [{ guard: 'amount > 1000', to: 'finance-approval' }],
			})),
		code: 'CONDITION_DEFAULT',
	},
	{
		rule: 'APPROVAL has approvers',
		steps: () =>
			replace(demoSteps(), 'finance-approval', (s) => ({
				...s,
				approval: { mode: 'ALL', approvers: [] },
			})),
		code: 'APPROVAL_APPROVERS',
	},
	{
		rule: 'WAIT has a duration',
		steps: () => [
			...replace(demoSteps(), 'start', (s) => ({ ...s, transitions: [{ to: 'pause' }] })),
			{ key: 'pause', name: 'Pause', type: 'WAIT', transitions: [{ to: 'submit' }] },
		],
		code: 'WAIT_DURATION',
	},
];

describe('definition rules through validate and publish', () => {
	it.each(BROKEN.map((c) => [c.rule, c] as const))('%s', async (_rule, c) => {
		const h = await createHarness();
		const draft = await h.ok(admin, 'workflow.definition.create', {
			key: 'broken',
			name: 'Broken',
			steps: c.steps(),
		});
		const validation = await h.ok(admin, 'workflow.definition.validate', {
			definitionId: draft.id,
		});
		expect(validation.valid).toBe(false);
		const issue = validation.issues.find((i: { code: string }) => i.code === c.code);
		expect(issue, JSON.stringify(validation.issues)).toBeDefined();
		if (c.path) expect(issue.path).toBe(c.path);
		const published = await h.call(admin, 'workflow.definition.publish', {
			definitionId: draft.id,
		});
		expect(published.ok ? 'OK' : published.problem.code).toBe('DEFINITION_INVALID');
		if (!published.ok) {
			expect(published.problem.status).toBe(422);
			expect(published.problem).toMatchObject({ data: validation.issues });
		}
		expect(await h.ok(admin, 'workflow.definition.get', { definitionId: draft.id })).toMatchObject({
			status: 'DRAFT',
		});
	});

	it('publishes a valid draft; the published version is immutable and versions move on', async () => {
		const h = await createHarness();
		const id = await h.publish();
		const step = { key: 'extra', name: 'Extra', type: 'END', transitions: [] };
		expect(await h.codeOf(admin, 'workflow.definition.step.add', { definitionId: id, step })).toBe(
			'INVALID_STATE',
		);
		expect(await h.codeOf(admin, 'workflow.definition.archive', { definitionId: id })).toBe(
			'INVALID_STATE',
		);
		const next = await h.ok(admin, 'workflow.definition.create', {
			key: 'expense-approval',
			name: 'Expense approval v2',
		});
		expect(next).toMatchObject({ version: 2, status: 'DRAFT' });
		await h.ok(admin, 'workflow.definition.deprecate', { definitionId: id });
		expect(
			await h.codeOf(employee, 'workflow.instance.start', { definitionKey: 'expense-approval' }),
		).toBe('NO_ACTIVE_VERSION');
	});

	it('needs the workflow-admin role for definition management', async () => {
		const h = await createHarness();
		const input = { key: 'x', name: 'X' };
		expect(await h.codeOf(employee, 'workflow.definition.create', input)).toBe('FORBIDDEN');
		expect(await h.codeOf(employee, 'workflow.definition.list', {})).toBe('FORBIDDEN');
	});
});
