import type { Infer } from '@charter/schema';
import type { CreateDefinitionInputModel } from '../definition/definition.schema.ts';

/** The demo principals the expense workflow names as approvers. */
export const DEMO_APPROVERS = {
	manager: 'user-manager-1',
	finance: ['user-finance-1', 'user-finance-2'],
} as const;

/**
 * The demo workflow, as the input of `workflow.definition.create`: an employee submits an
 * expense, a manager approves it, and amounts above 1000 also need finance. Either approver
 * may send it back for changes (to the submit task).
 */
export const expenseApprovalDefinition = {
	key: 'expense-approval',
	name: 'Expense approval',
	description: 'Submit an expense; manager approval; finance approval above 1000.',
	steps: [
		{ key: 'start', name: 'Start', type: 'START', transitions: [{ to: 'submit' }] },
		{
			key: 'submit',
			name: 'Submit expense',
			type: 'TASK',
			description: 'The employee fills in the amount and the reason, then submits.',
			timeoutSeconds: 14 * 24 * 3600,
			transitions: [{ action: 'SUBMIT', to: 'manager-approval', label: 'Submit' }],
		},
		{
			key: 'manager-approval',
			name: 'Manager approval',
			type: 'APPROVAL',
			approval: {
				mode: 'ANY',
				approvers: [DEMO_APPROVERS.manager],
				escalateAfterSeconds: 2 * 24 * 3600,
				escalateTo: ['user-director-1'],
				expireAfterSeconds: 7 * 24 * 3600,
			},
			transitions: [
				{ action: 'APPROVED', to: 'amount-check' },
				{ action: 'REJECTED', to: 'rejected' },
				{ action: 'CHANGES_REQUESTED', to: 'submit' },
			],
		},
		{
			key: 'amount-check',
			name: 'Amount above 1000?',
			type: 'CONDITION',
			transitions: [
				{ guard: 'amount > 1000', to: 'finance-approval', label: 'Over 1000' },
				{ isDefault: true, to: 'approved', label: 'Up to 1000' },
			],
		},
		{
			key: 'finance-approval',
			name: 'Finance approval',
			type: 'APPROVAL',
			approval: { mode: 'ALL', approvers: [...DEMO_APPROVERS.finance] },
			timeoutSeconds: 7 * 24 * 3600,
			transitions: [
				{ action: 'APPROVED', to: 'approved' },
				{ action: 'REJECTED', to: 'rejected' },
				{ action: 'CHANGES_REQUESTED', to: 'submit' },
			],
		},
		{ key: 'approved', name: 'Approved', type: 'END', transitions: [] },
		{ key: 'rejected', name: 'Rejected', type: 'END', transitions: [] },
	],
} as const satisfies Infer<typeof CreateDefinitionInputModel>;
