import { compilePolicy, type OperationPlan, type Principal } from '@charter/runtime';
import type { OperationAccess } from '../api/studio-api.ts';

/**
 * Tells, per served operation, whether the runtime's own policy lets a principal call it:
 * `allowed`, `denied`, or `depends` when the policy also names rules, which the runtime decides
 * per call from the input (an instance's assignee, say). Studio offers an action only when it is
 * not `denied`; the executor still decides every call.
 */
export async function operationAccess(
	plans: readonly OperationPlan[],
	principal: Principal,
): Promise<Record<string, OperationAccess>> {
	const access: Record<string, OperationAccess> = {};
	for (const plan of plans) {
		const rules = plan.spec.policy.rules ?? [];
		// Every rule allows here, so a refusal comes from the caller alone (auth, roles, tenant).
		const { authorize } = compilePolicy(
			plan.spec,
			Object.fromEntries(rules.map((rule) => [rule, () => true])),
		);
		const decision = await authorize(principal, undefined);
		access[plan.id] = !decision.allowed ? 'denied' : rules.length > 0 ? 'depends' : 'allowed';
	}
	return access;
}
