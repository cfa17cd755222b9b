import {
	type Binding,
	createExecutor,
	type Decider,
	type Principal,
	type PrincipalInit,
	type Stores,
	silentLogger,
} from '@charter/runtime';
import { expenseApprovalDefinition } from '../demo/expense-approval.ts';
import type { RepositoryProvider } from '../store/workflow-repository.ts';
import { DEMO_PRINCIPALS } from './demo-principals.ts';

/** What seeding runs through: the app's own handlers over the host's stores. */
export interface SeedEnv {
	readonly stores: Stores;
	readonly clock: () => Date;
	readonly bindings: readonly Binding<any>[];
	readonly deciders: Readonly<Record<string, Decider<any>>>;
	readonly repositories: RepositoryProvider;
}

/**
 * Loads the demo through the executor (so it is validated, audited and its events are in the
 * outbox like any other call), only when no definition exists yet: the expense-approval
 * definition published in both organizations, and org-acme instances waiting for the
 * manager, waiting for finance, paused and completed.
 */
export async function seedDemo(env: SeedEnv): Promise<void> {
	if ((await env.repositories().definitions.count()) > 0) return;
	const executor = createExecutor({
		bindings: env.bindings,
		deciders: env.deciders,
		stores: env.stores,
		clock: env.clock,
		logger: silentLogger,
		contextProvider: (metadata) => metadata.principal as Principal | undefined,
	});
	const run = async (who: PrincipalInit, operation: string, input: unknown) => {
		const principal: Principal = { roles: [], permissions: [], ...who };
		const result = await executor.execute({
			operation,
			input,
			metadata: { transport: 'seed', principal },
		});
		if (!result.ok) {
			throw new Error(
				`seeding failed at ${operation}: ${result.problem.code} ${result.problem.detail ?? ''}`,
			);
		}
		return result.output as { id: string };
	};
	const { admin, outsider, employee, manager } = DEMO_PRINCIPALS;
	for (const owner of [admin, outsider]) {
		const draft = await run(owner, 'workflow.definition.create', expenseApprovalDefinition);
		await run(owner, 'workflow.definition.publish', { definitionId: draft.id });
	}
	const submitted = async (amount: number, reason: string) => {
		const started = await run(employee, 'workflow.instance.start', {
			definitionKey: 'expense-approval',
			context: { amount, reason },
		});
		await run(employee, 'workflow.instance.transition', {
			instanceId: started.id,
			action: 'SUBMIT',
		});
		return started.id;
	};
	const approveAsManager = async (instanceId: string) => {
		const requests = (await run(manager, 'workflow.approval.list-for-instance', {
			instanceId,
		})) as unknown as { items: { id: string; status: string }[] };
		const pending = requests.items.find((r) => r.status === 'PENDING');
		if (pending)
			await run(manager, 'workflow.approval.decide', {
				requestId: pending.id,
				decision: 'APPROVE',
			});
	};
	await submitted(250, 'Taxi to the airport');
	await approveAsManager(await submitted(1800, 'Conference ticket'));
	const paused = await submitted(90, 'Team lunch');
	await run(admin, 'workflow.instance.pause', {
		instanceId: paused,
		reason: 'Receipt under review',
	});
	await approveAsManager(await submitted(120, 'Train ticket'));
	await run(employee, 'workflow.instance.start', {
		definitionKey: 'expense-approval',
		context: { amount: 40, reason: 'Parking' },
	});
	await run(outsider, 'workflow.instance.start', {
		definitionKey: 'expense-approval',
		context: { amount: 500, reason: 'Globex travel' },
	});
}
