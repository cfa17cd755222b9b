import { compileValidator } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { CreateDefinitionInputModel } from '../definition/definition.schema.ts';
import { validateDefinition } from '../domain/definition-validator.ts';
import { checkGuard } from '../domain/guard-evaluator.ts';
import { expenseApprovalDefinition } from './expense-approval.ts';

describe('expense-approval demo definition', () => {
	it('is a valid create input', () => {
		const result = compileValidator(CreateDefinitionInputModel, { unknownKeys: 'reject' }).validate(
			structuredClone(expenseApprovalDefinition),
		);
		expect(result).toMatchObject({ ok: true });
	});

	it('passes the definition validator with no issues', () => {
		expect(validateDefinition(expenseApprovalDefinition)).toEqual([]);
	});

	it('routes amounts above 1000 to finance and the rest straight to approval', () => {
		const check = expenseApprovalDefinition.steps.find((s) => s.key === 'amount-check');
		const guard = check?.transitions[0];
		if (!guard || !('guard' in guard)) throw new Error('amount-check has no guarded transition');
		expect(guard.to).toBe('finance-approval');
		expect(checkGuard(guard.guard, { amount: 1000.01 })).toBe(true);
		expect(checkGuard(guard.guard, { amount: 1000 })).toBe(false);
	});

	it('sends change requests of both approvals back to the submit task', () => {
		const back = expenseApprovalDefinition.steps.flatMap((s) =>
			s.transitions
				.filter((t) => 'action' in t && t.action === 'CHANGES_REQUESTED')
				.map((t) => t.to),
		);
		expect(back).toEqual(['submit', 'submit']);
	});
});
