import { describe, expect, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { createEventBus, type EventBus } from '../bus/event-bus.ts';
import { silentLogger } from '../logging/logger.ts';
import { createMemoryStores } from '../stores/memory/memory-stores.ts';

describe('pipeline order', () => {
	it('invalid input from an anonymous caller on a user-only operation is 422 (validation precedes authentication)', async () => {
		const { executor, calls } = createTodoApp();
		const result = await executor.execute({ operation: 'todo.create', input: { title: '' } });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem.status).toBe(422);
		expect(result.problem.code).toBe('VALIDATION_FAILED');
		expect(result.problem.issues).toEqual([
			{ path: '/title', code: 'minLength', message: 'must NOT have fewer than 1 characters' },
		]);
		expect(calls.create).toBe(0);
	});

	it('valid input from an anonymous caller on a user-only operation is 401', async () => {
		const { executor, calls } = createTodoApp();
		const result = await executor.execute({ operation: 'todo.create', input: { title: 'a' } });
		expect(!result.ok && result.problem).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
		expect(calls.create).toBe(0);
	});

	it('an invalid token is 401 even on an anonymous operation (authentication precedes authorization)', async () => {
		const { executor } = createTodoApp();
		const result = await executor.execute({
			operation: 'todo.list',
			input: {},
			metadata: { headers: { authorization: 'Bearer nope' } },
		});
		expect(!result.ok && result.problem.status).toBe(401);
	});

	it('a caller denied by policy who reuses an idempotency key gets 403, not 422 (authorization precedes idempotency)', async () => {
		let open = true;
		const { executor } = createTodoApp({ deciders: { 'business-hours': () => open } });
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('editor'),
		});
		const first = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-1' },
			metadata: as('editor'),
			idempotencyKey: 'k',
		});
		expect(first.ok).toBe(true);
		open = false;
		const result = await executor.execute({
			operation: 'todo.archive',
			input: { id: 'todo-2' },
			metadata: as('editor'),
			idempotencyKey: 'k',
		});
		expect(!result.ok && result.problem).toMatchObject({ status: 403, code: 'FORBIDDEN' });
	});

	it('a handler output that breaks the contract is 500 OUTPUT_CONTRACT_VIOLATION, logged with issues, not exposed', async () => {
		const { implement } = await import('./implement.ts');
		const { ListTodos } = await import('../../test/fixtures/todo-contracts.ts');
		const { executor, logger } = createTodoApp({
			bindings: [
				implement(ListTodos, () => ({ items: [{ id: 'x', title: '', done: 'no' }] }) as never),
			],
		});
		const result = await executor.execute({ operation: 'todo.list', input: {} });
		expect(!result.ok && result.problem).toMatchObject({
			status: 500,
			code: 'OUTPUT_CONTRACT_VIOLATION',
		});
		expect(!result.ok && result.problem.issues).toBeUndefined();
		const logged = logger.lines.find((l) => l.message.includes('output breaks its contract'));
		expect(logged?.fields?.issues).toEqual(
			expect.arrayContaining([expect.objectContaining({ path: '/items/0/done' })]),
		);
	});

	it('coerces flat string values when asked, before validation', async () => {
		const { executor } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		const result = await executor.execute({
			operation: 'todo.list',
			input: { done: 'false', limit: '1', tags: 'x' },
			coerce: true,
		});
		expect(result.ok && result.output).toEqual({
			items: [{ id: 'todo-1', title: 'a', done: false, tenant: 't1' }],
		});
		const strict = await executor.execute({ operation: 'todo.list', input: { limit: '1' } });
		expect(!strict.ok && strict.problem.issues?.[0]).toMatchObject({
			path: '/limit',
			code: 'type',
		});
	});

	it('refuses __proto__ and constructor keys in any input with 400 UNSAFE_KEY', async () => {
		const { executor } = createTodoApp();
		const input = JSON.parse('{"title":"a","nested":{"__proto__":{"polluted":1}}}');
		const result = await executor.execute({ operation: 'todo.list', input });
		expect(!result.ok && result.problem).toMatchObject({
			status: 400,
			code: 'UNSAFE_KEY',
			issues: [
				{
					path: '/nested/__proto__',
					code: 'unsafe_key',
					message: 'the key "__proto__" is not allowed',
				},
			],
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('an unknown operation is 404 UNKNOWN_OPERATION', async () => {
		const { executor } = createTodoApp();
		const result = await executor.execute({ operation: 'todo.nope', input: {} });
		expect(!result.ok && result.problem).toMatchObject({ status: 404, code: 'UNKNOWN_OPERATION' });
	});

	it('a handler past its deadline is 504 and its events are never released', async () => {
		const { implement } = await import('./implement.ts');
		const { CreateTodo } = await import('../../test/fixtures/todo-contracts.ts');
		const { executor } = createTodoApp({
			timeoutMs: 30,
			bindings: [
				implement(CreateTodo, async (input, ctx) => {
					const todo = { id: '1', title: input.title, done: false };
					ctx.emit('todo.created', todo);
					await new Promise((r) => setTimeout(r, 200));
					return todo;
				}),
			],
			serveUnimplemented: true,
		});
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		expect(!result.ok && result.problem).toMatchObject({ status: 504, code: 'DEADLINE_EXCEEDED' });
		await new Promise((r) => setTimeout(r, 250));
		expect(await executor.stores.outbox.pending()).toEqual([]);
	});

	it('a synchronous handler that runs past its deadline is 504 and emits nothing', async () => {
		const { implement } = await import('./implement.ts');
		const { CreateTodo } = await import('../../test/fixtures/todo-contracts.ts');
		const { executor } = createTodoApp({
			timeoutMs: 20,
			bindings: [
				implement(CreateTodo, (input, ctx) => {
					const todo = { id: '1', title: input.title, done: false };
					ctx.emit('todo.created', todo);
					const until = performance.now() + 40;
					while (performance.now() < until) {
						// busy: no timer can fire while this runs
					}
					return todo;
				}),
			],
			serveUnimplemented: true,
		});
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		expect(!result.ok && result.problem).toMatchObject({ status: 504, code: 'DEADLINE_EXCEEDED' });
		expect(await executor.stores.outbox.pending()).toEqual([]);
	});

	it('a caller abort is 499 REQUEST_CANCELLED', async () => {
		const { implement } = await import('./implement.ts');
		const { ListTodos } = await import('../../test/fixtures/todo-contracts.ts');
		const { executor } = createTodoApp({
			bindings: [
				implement(
					ListTodos,
					(_input, ctx) =>
						new Promise((_r, reject) =>
							ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
						),
				),
			],
			serveUnimplemented: true,
		});
		const controller = new AbortController();
		const pending = executor.execute({
			operation: 'todo.list',
			input: {},
			signal: controller.signal,
		});
		controller.abort();
		const result = await pending;
		expect(!result.ok && result.problem.status).toBe(499);
	});

	it('takes the trace id from traceparent and puts it on problems', async () => {
		const { executor } = createTodoApp();
		const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
		const result = await executor.execute({
			operation: 'todo.get',
			input: {},
			metadata: { headers: { traceparent } },
		});
		expect(result.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
		expect(!result.ok && result.problem.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
	});

	it("links a caller's trace id in the audit record but never makes it the record's own", async () => {
		const stores = createMemoryStores();
		const { executor } = createTodoApp({ stores });
		const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
		const call = (title: string) =>
			executor.execute({
				operation: 'todo.create',
				input: { title },
				metadata: { headers: { ...as('editor').headers, traceparent } },
			});
		const results = [await call('a'), await call('b')];
		// Correlation: the caller's trace id comes back and is on logs and problems.
		expect(results.map((r) => r.traceId)).toEqual([
			'4bf92f3577b34da6a3ce929d0e0e4736',
			'4bf92f3577b34da6a3ce929d0e0e4736',
		]);
		const records = await stores.audit.list();
		expect(records).toHaveLength(2);
		for (const record of records) {
			expect(record.callerTraceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
			expect(record.traceId).toMatch(/^[0-9a-f]{32}$/);
			expect(record.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
		}
		expect(records[0]!.traceId).not.toBe(records[1]!.traceId);
		// Without a traceparent the record's trace id is the call's, with nothing linked.
		const own = await executor.execute({
			operation: 'todo.create',
			input: { title: 'c' },
			metadata: as('editor'),
		});
		const last = (await stores.audit.list()).at(-1)!;
		expect(last.traceId).toBe(own.traceId);
		expect(last).not.toHaveProperty('callerTraceId');
	});
});

describe('after commit', () => {
	it('a bus that fails to publish neither fails nor repeats a committed command: its events stay pending', async () => {
		const bus = createEventBus();
		const failing = Object.assign(Object.create(bus) as EventBus, {
			publish: () => Promise.reject(new Error('bus down')),
		});
		const stores = createMemoryStores();
		const { executor, calls } = createTodoApp({ bus: failing, stores, logger: silentLogger });
		const call = () =>
			executor.execute({
				operation: 'todo.create',
				input: { title: 'milk' },
				metadata: as('alice'),
				idempotencyKey: 'k1',
			});
		const first = await call();
		expect(first.ok).toBe(true);
		const again = await call();
		expect(again).toMatchObject({ ok: true, replayed: true });
		expect(calls.create).toBe(1);
		const audit = await stores.audit.list({ operation: 'todo.create' });
		expect(audit.map((r) => [r.resultCode, r.replayed])).toEqual([
			['OK', false],
			['OK', true],
		]);
		expect(await stores.outbox.pending()).toHaveLength(1);
	});
});

describe('failures around the commit never make execute() reject or fail a committed command', () => {
	it('an after-commit listener that throws leaves the command done', async () => {
		const stores = Object.assign(createMemoryStores(), {
			afterCommit: () => {
				throw new Error('listener bug');
			},
		});
		const { executor, calls } = createTodoApp({ stores, logger: silentLogger });
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'kept' },
			metadata: as('alice'),
		});
		expect(result).toMatchObject({ ok: true, output: { title: 'kept' } });
		expect(calls.create).toBe(1);
	});

	it('an audit store that throws synchronously while auditing a refusal still gives the refusal', async () => {
		const stores = createMemoryStores();
		const audit = Object.assign(Object.create(stores.audit), {
			append: () => {
				throw new Error('audit down');
			},
		});
		const { executor } = createTodoApp({ stores: { ...stores, audit }, logger: silentLogger });
		const result = await executor.execute({ operation: 'todo.create', input: { title: 'a' } });
		expect(!result.ok && result.problem.status).toBe(401);
	});
});
