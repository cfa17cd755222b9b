import { isProblem } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { CreateTodo, ListTodos } from '../../test/fixtures/todo-contracts.ts';
import { implement } from '../executor/implement.ts';
import { ContractError } from './contract-error.ts';

describe('errors as problems', () => {
	it('a declared ContractError takes the status and title the contract declares', async () => {
		const { executor } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		expect(!result.ok && result.problem).toEqual({
			type: 'urn:charter:problem:duplicate-title',
			title: 'A to-do with this title exists',
			status: 409,
			code: 'DUPLICATE_TITLE',
			detail: '"a" exists',
			traceId: result.traceId,
		});
	});

	it('an undeclared ContractError code is an opaque 500, logged as a contract bug', async () => {
		const { executor, logger } = createTodoApp({
			bindings: [
				implement(ListTodos, () => {
					throw new ContractError('INVALID_STATE', 'secret detail');
				}),
			],
			serveUnimplemented: true,
		});
		const result = await executor.execute({ operation: 'todo.list', input: {} });
		expect(!result.ok && result.problem).toMatchObject({ status: 500, code: 'INTERNAL' });
		expect(JSON.stringify(result)).not.toContain('secret detail');
		expect(
			logger.lines.some(
				(l) => l.message.startsWith('contract bug') && l.fields?.code === 'INVALID_STATE',
			),
		).toBe(true);
	});

	it('an unknown error is an opaque 500 with the trace id and no stack', async () => {
		const { executor, logger } = createTodoApp({
			bindings: [
				implement(ListTodos, () => {
					throw new TypeError('db password is hunter2');
				}),
			],
			serveUnimplemented: true,
		});
		const result = await executor.execute({ operation: 'todo.list', input: {} });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(isProblem(result.problem)).toBe(true);
		expect(result.problem).toMatchObject({
			status: 500,
			code: 'INTERNAL',
			traceId: result.traceId,
		});
		expect(JSON.stringify(result.problem)).not.toMatch(/hunter2|at |TypeError/);
		expect(logger.lines.find((l) => l.level === 'error')?.fields?.stack).toContain('TypeError');
	});

	it('emitting an undeclared event or an invalid payload is a 500 and nothing is released', async () => {
		const { executor } = createTodoApp({
			bindings: [
				implement(CreateTodo, (input, ctx) => {
					ctx.emit('todo.created', { id: '', title: input.title } as never);
					return { id: '1', title: input.title, done: false };
				}),
			],
			serveUnimplemented: true,
		});
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		expect(!result.ok && result.problem).toMatchObject({
			status: 500,
			code: 'EVENT_CONTRACT_VIOLATION',
		});
		expect(await executor.stores.outbox.pending()).toEqual([]);
	});
});
