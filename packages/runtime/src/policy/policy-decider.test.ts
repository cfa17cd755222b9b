import { describe, expect, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { CharterConfigError } from '../errors/charter-config-error.ts';

const status = (r: { ok: boolean; problem?: { status: number } }) =>
	r.ok ? 200 : r.problem!.status;

describe('policy, deny by default', () => {
	it('an anonymous operation serves anonymous callers', async () => {
		const { executor } = createTodoApp();
		expect(status(await executor.execute({ operation: 'todo.list', input: {} }))).toBe(200);
	});

	it('a user operation serves any authenticated user and refuses anonymous callers with 401', async () => {
		const { executor } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		expect(
			status(
				await executor.execute({
					operation: 'todo.get',
					input: { id: 'todo-1' },
					metadata: as('alice'),
				}),
			),
		).toBe(200);
		expect(status(await executor.execute({ operation: 'todo.get', input: { id: 'todo-1' } }))).toBe(
			401,
		);
	});

	it('an admin operation needs the admin role: 403 for a user, 401 for anonymous, 200 for an admin', async () => {
		const { executor } = createTodoApp();
		expect(
			status(await executor.execute({ operation: 'todo.purge', input: {}, metadata: as('alice') })),
		).toBe(403);
		expect(status(await executor.execute({ operation: 'todo.purge', input: {} }))).toBe(401);
		expect(
			status(await executor.execute({ operation: 'todo.purge', input: {}, metadata: as('root') })),
		).toBe(200);
	});

	it('a missing role or permission is 403 naming what is missing', async () => {
		const { executor } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		const noRole = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-1' },
			metadata: as('viewer'),
		});
		expect(!noRole.ok && noRole.problem).toMatchObject({
			status: 403,
			code: 'FORBIDDEN',
			detail: 'this operation requires one of the roles "editor", "owner"',
		});
		const noPermission = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-1' },
			metadata: as('norights'),
		});
		expect(!noPermission.ok && noPermission.problem.detail).toBe(
			'this operation requires the "todo.archive" permission',
		);
		expect(
			status(
				await executor.execute({
					operation: 'todo.archive',
					input: { id: 'todo-1' },
					metadata: as('editor'),
				}),
			),
		).toBe(200);
	});

	it('tenant required refuses a principal without a tenant with 403', async () => {
		const { executor } = createTodoApp();
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('loner'),
		});
		expect(!result.ok && result.problem).toMatchObject({
			status: 403,
			detail: 'this operation requires a caller that belongs to a tenant',
		});
	});

	it("another tenant's record is 404, not 403", async () => {
		const { executor } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		const result = await executor.execute({
			operation: 'todo.get',
			input: { id: 'todo-1' },
			metadata: as('bob'),
		});
		expect(!result.ok && result.problem).toMatchObject({ status: 404, code: 'NOT_FOUND' });
	});

	it('a named rule is decided by its decider, with the validated input', async () => {
		const seen: unknown[] = [];
		const { executor } = createTodoApp({
			deciders: {
				'business-hours': ({ input }) => {
					seen.push(input);
					return false;
				},
			},
		});
		const result = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'x', junk: 1 },
			metadata: as('editor'),
		});
		expect(!result.ok && result.problem).toMatchObject({
			status: 403,
			detail: 'policy rule "business-hours" denied the call',
		});
		expect(seen).toEqual([{ id: 'x' }]);
	});

	it('a rule without a decider stops startup with CHARTER_MISSING_DECIDER', () => {
		expect(() => createTodoApp({ deciders: {} })).toThrowError(
			expect.objectContaining({ code: 'CHARTER_MISSING_DECIDER', where: 'todo.archive@1.0.0' }),
		);
		expect(() => createTodoApp({ deciders: {} })).toThrow(CharterConfigError);
	});
});
