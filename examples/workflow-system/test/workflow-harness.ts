import {
	createExecutor,
	type Decider,
	type InvocationResult,
	type Principal,
	type PrincipalInit,
	sequentialIds,
	silentLogger,
} from '@charter/runtime';
import type { SqlStores } from '@charter/sql';
import { createSqliteStores } from '@charter/sql/sqlite';
import { DEMO_PRINCIPALS, demoMembers } from '../src/app/demo-principals.ts';
import { createWorkflowApp } from '../src/app/workflow-app.ts';
import { expenseApprovalDefinition } from '../src/demo/expense-approval.ts';
import type { InstanceStatus } from '../src/domain/instance-state-machine.ts';
import { createSqlWorkflowRepositories } from '../src/store/sql/sql-workflow-repository.ts';
import type { WorkflowDatabase } from '../src/store/sql/workflow-database.ts';
import { workflowMigrations } from '../src/store/sql/workflow-migrations.ts';
import type { RepositoryProvider } from '../src/store/workflow-repository.ts';

export const { employee, manager, finance, finance2, admin, outsider } = DEMO_PRINCIPALS;

/** Options of a test app: SQLite in memory unless given stores (and repositories over them). */
export interface HarnessOptions {
	readonly stores?: SqlStores<WorkflowDatabase>;
	readonly repositories?: RepositoryProvider;
	readonly now?: string;
	readonly newId?: (prefix?: string) => string;
	/** Members beyond the demo's people (delegation targets of a test's own workflow). */
	readonly members?: readonly { readonly id: string; readonly tenant: string }[];
	/** Wraps the app's deciders (tests that widen a race window). */
	readonly deciders?: (app: Readonly<Record<string, Decider>>) => Record<string, Decider>;
}

/** The workflow app behind one executor; each call names its principal. */
export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * SQL stores in an SQLite database in memory with the workflow tables: what every test runs
 * the example's one (SQL) repository on, as `charter test` does.
 */
export function openMemoryDatabase(): Promise<SqlStores<WorkflowDatabase>> {
	return createSqliteStores<WorkflowDatabase>({
		file: ':memory:',
		migrations: [workflowMigrations],
	});
}

/** Creates the app and an executor whose caller is chosen per call. */
export async function createHarness(options: HarnessOptions = {}) {
	const stores = options.stores ?? (await openMemoryDatabase());
	const repositories = options.repositories ?? createSqlWorkflowRepositories(stores.db);
	let now = new Date(options.now ?? '2026-01-01T00:00:00.000Z');
	const clock = () => new Date(now);
	const app = createWorkflowApp(
		{ stores, clock, newId: options.newId ?? sequentialIds() },
		repositories,
		demoMembers(options.members),
	);
	const executor = createExecutor({
		bindings: app.bindings,
		deciders: options.deciders ? options.deciders(app.deciders ?? {}) : (app.deciders ?? {}),
		stores,
		clock,
		logger: silentLogger,
		contextProvider: (metadata) => metadata.principal as Principal | undefined,
	});
	const call = (who: PrincipalInit, operation: string, input: unknown): Promise<InvocationResult> =>
		executor.execute({
			operation,
			input,
			metadata: { transport: 'test', principal: { roles: [], permissions: [], ...who } },
		});
	/** Calls and returns the output; a problem fails the test with its code. */
	const ok = async <T = any>(who: PrincipalInit, operation: string, input: unknown): Promise<T> => {
		const result = await call(who, operation, input);
		if (!result.ok) {
			throw new Error(`${operation}: ${result.problem.code} ${result.problem.detail ?? ''}`);
		}
		return result.output as T;
	};
	/** Calls and returns the problem code, or `OK`. */
	const codeOf = async (who: PrincipalInit, operation: string, input: unknown) => {
		const result = await call(who, operation, input);
		return result.ok ? 'OK' : result.problem.code;
	};
	return {
		app,
		executor,
		repositories,
		call,
		ok,
		codeOf,
		setNow(iso: string) {
			now = new Date(iso);
		},
		/** Publishes a definition (the demo by default) as the admin; returns its id. */
		async publish(definition: object = expenseApprovalDefinition, who: PrincipalInit = admin) {
			const draft = await ok<{ id: string }>(who, 'workflow.definition.create', definition);
			await ok(who, 'workflow.definition.publish', { definitionId: draft.id });
			return draft.id;
		},
		/** Starts an expense as the employee; returns the instance id. */
		async start(context: object = { amount: 250, reason: 'Taxi' }, key = 'expense-approval') {
			const started = await ok<{ id: string }>(employee, 'workflow.instance.start', {
				definitionKey: key,
				context,
			});
			return started.id;
		},
		/** The PENDING requests of an instance's current step. */
		async pending(instanceId: string) {
			const page = await ok<{ items: { id: string; assigneeId: string; status: string }[] }>(
				admin,
				'workflow.approval.list-for-instance',
				{ instanceId },
			);
			return page.items.filter((r) => r.status === 'PENDING');
		},
		/** Forces an instance into a status, as if it had got there (matrix tests). */
		async force(instanceId: string, status: InstanceStatus) {
			const repos = repositories();
			const stored = await repos.instances.get(employee.tenant, instanceId);
			if (!stored) throw new Error(`no instance ${instanceId}`);
			await repos.instances.update(
				{ ...stored, status, previousStatus: status === 'PAUSED' ? stored.status : null },
				stored.revision,
			);
		},
	};
}
