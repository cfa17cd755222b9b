import { describe, expect, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { createMemoryStores } from '../stores/memory/memory-stores.ts';
import type { Stores, TransactionScope, UnitOfWorkOptions } from '../stores/unit-of-work.ts';
import { type DeciderArgs, readsState } from './policy-decider.ts';

/** Memory stores that record each unit of work's options; its scope's handle is that record. */
function recordingStores() {
	const base = createMemoryStores();
	const runs: { options: UnitOfWorkOptions | undefined }[] = [];
	const stores: Stores = Object.assign(Object.create(base) as Stores, {
		unitOfWork: {
			run<T>(work: (tx: TransactionScope) => Promise<T>, options?: UnitOfWorkOptions) {
				const run = { options };
				runs.push(run);
				return base.unitOfWork.run((tx) => work(Object.assign({}, tx, { handle: run })), options);
			},
		},
	});
	return { stores, runs, audit: base.audit };
}

describe('a decider that reads state (readsState)', () => {
	it('on a command, decides inside the transaction the handler then runs in, after the role checks', async () => {
		const { stores, runs } = recordingStores();
		const seen: DeciderArgs[] = [];
		const { executor, calls } = createTodoApp({
			stores,
			deciders: {
				'business-hours': readsState((args) => {
					seen.push(args);
					return true;
				}),
			},
		});
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		const result = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-1' },
			metadata: as('editor'),
		});
		expect(result.ok).toBe(true);
		expect(calls.archive).toBe(1);
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ rule: 'business-hours', input: { id: 'todo-1' } });
		// The archive's unit of work: run as state-reading, and the rule decided inside it.
		const archive = runs.at(-1)!;
		expect(archive.options).toEqual({ readsState: true });
		expect(seen[0]!.transaction?.handle).toBe(archive);
		// A command without such a rule keeps the default transaction.
		expect(runs[0]!.options).toBeUndefined();
	});

	it('a caller without the roles is refused before any transaction opens; the rule is not asked', async () => {
		const { stores, runs } = recordingStores();
		let asked = 0;
		const { executor } = createTodoApp({
			stores,
			deciders: { 'business-hours': readsState(() => ++asked > 0) },
		});
		const result = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-1' },
			metadata: as('alice'),
		});
		expect(!result.ok && result.problem).toMatchObject({ status: 403, code: 'FORBIDDEN' });
		expect([asked, runs.length]).toEqual([0, 0]);
	});

	it('a denial inside the transaction is a 403: the handler never runs, nothing commits, the refusal is audited', async () => {
		const { stores, audit } = recordingStores();
		let open = false;
		const { executor, calls } = createTodoApp({
			stores,
			deciders: { 'business-hours': readsState(async () => open) },
		});
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		const result = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-1' },
			metadata: as('editor'),
			idempotencyKey: 'k-1',
		});
		expect(!result.ok && result.problem).toMatchObject({
			status: 403,
			code: 'FORBIDDEN',
			detail: 'policy rule "business-hours" denied the call',
		});
		expect(calls.archive).toBe(0);
		const records = await audit.list({ operation: 'todo.archive' });
		expect(records.map((r) => [r.resultCode, r.status])).toEqual([['FORBIDDEN', 403]]);
		// The idempotency key was released with the rollback: once allowed, the same key runs.
		open = true;
		const retried = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-1' },
			metadata: as('editor'),
			idempotencyKey: 'k-1',
		});
		expect(retried.ok && !retried.replayed).toBe(true);
		expect(calls.archive).toBe(1);
	});

	it('state-reading units of work on the memory stores run one at a time', async () => {
		const stores = createMemoryStores();
		const order: string[] = [];
		const work = (name: string) => async () => {
			order.push(`${name} start`);
			await new Promise((r) => setTimeout(r, 5));
			order.push(`${name} end`);
		};
		await Promise.all([
			stores.unitOfWork.run(work('a'), { readsState: true }),
			stores.unitOfWork.run(work('b'), { readsState: true }),
		]);
		expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
	});
});
