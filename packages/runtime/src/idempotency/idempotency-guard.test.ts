import { describe, expect, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { CreateTodo } from '../../test/fixtures/todo-contracts.ts';
import { implement } from '../executor/implement.ts';

describe('idempotency keys', () => {
	it('the same key and payload replays the stored result without running the handler again', async () => {
		const { executor, calls } = createTodoApp();
		const call = () =>
			executor.execute({
				operation: 'todo.create',
				input: { title: 'a' },
				metadata: as('alice'),
				idempotencyKey: 'key-1',
			});
		const first = await call();
		const second = await call();
		expect(calls.create).toBe(1);
		expect(second).toMatchObject({ ok: true, replayed: true });
		expect(second.ok && second.output).toEqual(first.ok && first.output);
		expect(second.ok && second.events.map((e) => e.id)).toEqual(
			first.ok && first.events.map((e) => e.id),
		);
	});

	it('the same key with another payload is 422 IDEMPOTENCY_KEY_REUSED', async () => {
		const { executor } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
			idempotencyKey: 'key-1',
		});
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'b' },
			metadata: as('alice'),
			idempotencyKey: 'key-1',
		});
		expect(!result.ok && result.problem).toMatchObject({
			status: 422,
			code: 'IDEMPOTENCY_KEY_REUSED',
		});
	});

	it('the same key while the first call is in flight is 409', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => {
			release = r;
		});
		const { executor } = createTodoApp({
			serveUnimplemented: true,
			bindings: [
				implement(CreateTodo, async (input) => {
					await gate;
					return { id: '1', title: input.title, done: false };
				}),
			],
		});
		const call = () =>
			executor.execute({
				operation: 'todo.create',
				input: { title: 'a' },
				metadata: as('alice'),
				idempotencyKey: 'k',
			});
		const first = call();
		await new Promise((r) => setTimeout(r, 10));
		const second = await call();
		expect(!second.ok && second.problem).toMatchObject({
			status: 409,
			code: 'IDEMPOTENCY_IN_FLIGHT',
		});
		release();
		expect((await first).ok).toBe(true);
		expect(await call()).toMatchObject({ ok: true, replayed: true });
	});

	it('keys are scoped by principal: the same key from another user runs the command', async () => {
		const { executor, calls } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
			idempotencyKey: 'k',
		});
		const other = await executor.execute({
			operation: 'todo.create',
			input: { title: 'b' },
			metadata: as('bob'),
			idempotencyKey: 'k',
		});
		expect(other).toMatchObject({ ok: true, replayed: false });
		expect(calls.create).toBe(2);
	});

	it('a failed call frees its key, so a retry runs', async () => {
		const { executor, calls } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		const failed = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
			idempotencyKey: 'k',
		});
		expect(!failed.ok && failed.problem.code).toBe('DUPLICATE_TITLE');
		const retry = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
			idempotencyKey: 'k',
		});
		expect(!retry.ok && retry.problem.code).toBe('DUPLICATE_TITLE');
		expect(calls.create).toBe(3);
	});

	it('a malformed key is 400', async () => {
		const { executor } = createTodoApp();
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
			idempotencyKey: 'has space',
		});
		expect(!result.ok && result.problem).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
	});
});
