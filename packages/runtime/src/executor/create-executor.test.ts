import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { CreateTodo, GetTodo, ListTodos } from '../../test/fixtures/todo-contracts.ts';
import { CharterConfigError } from '../errors/charter-config-error.ts';
import type { IdempotencyStore } from '../stores/idempotency-store.ts';
import { createMemoryStores } from '../stores/memory/memory-stores.ts';
import type { UnitOfWork } from '../stores/unit-of-work.ts';
import { createExecutor, DEFAULT_IDEMPOTENCY_RETENTION_MS } from './create-executor.ts';
import { implement } from './implement.ts';

const Empty = defineSchemaModel({ name: 'Empty', fields: {} });
const op = (key: string, version: string, transport = {}) =>
	defineQuery({
		meta: { key, version },
		io: { input: Empty, output: Empty },
		policy: { auth: 'anonymous' },
		transport,
	});

describe('startup', () => {
	it('refuses to start when an operation has no handler, naming it', () => {
		expect(() =>
			createExecutor({
				contracts: [CreateTodo, GetTodo],
				bindings: [implement(GetTodo, () => ({ id: '1', title: 't', done: false }))],
			}),
		).toThrowError(/\[CHARTER_MISSING_HANDLER\] todo\.create@1\.0\.0: no handler is bound/);
	});

	it('serves an operation without a handler as 501 when serveUnimplemented is set', async () => {
		const executor = createExecutor({
			contracts: [ListTodos],
			bindings: [],
			serveUnimplemented: true,
		});
		expect(executor.plans.map((p) => [p.id, p.implemented])).toEqual([['todo.list@1.0.0', false]]);
		const result = await executor.execute({ operation: 'todo.list', input: {} });
		expect(!result.ok && result.problem).toMatchObject({ status: 501, code: 'NOT_IMPLEMENTED' });
	});

	it.each([
		['REST route', { rest: { path: '/v1/a' } }],
		['REST route', { rest: { path: '/v1/a/' } }],
		['GraphQL field', { graphql: { field: 'a' } }],
		['MCP tool', { mcp: { tool: 'a' } }],
	])('refuses two operations claiming the same %s name', (surface, transport) => {
		const error = (() => {
			try {
				createExecutor({
					contracts: [op('a', '1.0.0'), op('b', '1.0.0', transport)],
					bindings: [],
					serveUnimplemented: true,
				});
			} catch (e) {
				return e as CharterConfigError;
			}
		})();
		expect(error).toBeInstanceOf(CharterConfigError);
		expect(error?.code).toBe('CHARTER_WIRE_NAME_COLLISION');
		expect(error?.message).toContain(`${surface} `);
		expect(error?.message).toContain('claimed by a@1.0.0 and b@1.0.0');
	});

	it('serves one version per major: the latest, and resolves a version to its major', async () => {
		const executor = createExecutor({
			contracts: [op('a', '1.0.0'), op('a', '1.2.0'), op('a', '2.0.0')],
			bindings: [],
			serveUnimplemented: true,
		});
		expect(executor.plans.map((p) => [p.id, p.wire.rest.path])).toEqual([
			['a@1.2.0', '/v1/a'],
			['a@2.0.0', '/v2/a'],
		]);
		expect(executor.plan('a', '1.0.0')?.id).toBe('a@1.2.0');
		expect(executor.plan('a')?.id).toBe('a@2.0.0');
	});

	it('refuses two handlers for the same operation', () => {
		const h = () => ({ items: [] });
		expect(() =>
			createExecutor({ bindings: [implement(ListTodos, h), implement(ListTodos, h)] }),
		).toThrowError(/CHARTER_DUPLICATE_BINDING/);
	});
});

describe('idempotency lease', () => {
	/** Runs one keyed command and gives the lease the executor asked the store for. */
	async function leaseOf(options: { timeoutMs?: number; idempotencyLeaseMs?: number }) {
		const stores = createMemoryStores();
		const leases: number[] = [];
		// The executor claims through the command's transaction: watch the claims made there.
		const unitOfWork: UnitOfWork = {
			run: (work, runOptions) =>
				stores.unitOfWork.run((tx) => {
					const inner = tx.idempotency;
					const idempotency: IdempotencyStore = {
						claim: (...args) => {
							leases.push(args[3]);
							return inner.claim(...args);
						},
						complete: (scope, outcome) => inner.complete(scope, outcome),
						release: (scope) => inner.release(scope),
					};
					return work({ ...tx, idempotency });
				}, runOptions),
		};
		const { executor } = createTodoApp({ ...options, stores: { ...stores, unitOfWork } });
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
			idempotencyKey: 'k-1',
		});
		expect(result.ok).toBe(true);
		return leases;
	}

	it('holds the claim of a call for twice its deadline by default (60 s)', async () => {
		expect(await leaseOf({})).toEqual([60_000]);
		expect(await leaseOf({ timeoutMs: 2_000 })).toEqual([4_000]);
	});

	it('uses an explicit lease as given', async () => {
		expect(await leaseOf({ timeoutMs: 2_000, idempotencyLeaseMs: 3_000 })).toEqual([3_000]);
	});

	it.each([
		[2_000, 2_000],
		[30_000, 1_000],
		[1_000, Number.NaN],
	])(
		'refuses a lease that does not exceed the timeout (timeout %d, lease %d)',
		(timeoutMs, idempotencyLeaseMs) => {
			expect(() => createTodoApp({ timeoutMs, idempotencyLeaseMs })).toThrowError(
				/\[CHARTER_INVALID_OPTION\] idempotencyLeaseMs: must exceed timeoutMs/,
			);
		},
	);
});

describe('idempotency retention', () => {
	it('replays a key for 24 hours by default, then runs the command again', async () => {
		let now = Date.parse('2026-03-01T09:00:00.000Z');
		const { executor, calls } = createTodoApp({ clock: () => new Date(now) });
		const call = () =>
			executor.execute({
				operation: 'todo.create',
				input: { title: 'daily' },
				metadata: as('alice'),
				idempotencyKey: 'k-daily',
			});
		expect(await call()).toMatchObject({ ok: true, replayed: false });
		now += DEFAULT_IDEMPOTENCY_RETENTION_MS - 1;
		expect(await call()).toMatchObject({ ok: true, replayed: true });
		expect(calls.create).toBe(1);
		now += 1;
		// Past its retention the key is new: the command runs (and finds its title taken).
		expect(await call()).toMatchObject({ ok: false, problem: { code: 'DUPLICATE_TITLE' } });
		expect(calls.create).toBe(2);
	});

	it.each([
		[60_000, 60_000],
		[60_000, Number.NaN],
	])(
		'refuses a retention that does not exceed the lease (lease %d, retention %d)',
		(lease, retention) => {
			expect(() =>
				createTodoApp({ idempotencyLeaseMs: lease, idempotencyRetentionMs: retention }),
			).toThrowError(
				/\[CHARTER_INVALID_OPTION\] idempotencyRetentionMs: must exceed idempotencyLeaseMs/,
			);
		},
	);
});

describe('events, outbox, bus and audit', () => {
	it('releases emitted events to the outbox and the bus only after the command commits', async () => {
		const { executor } = createTodoApp();
		const received: unknown[] = [];
		executor.bus.subscribe('todo.created', (event) => {
			received.push(event.data);
		});
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		expect(result.ok && result.events).toEqual([
			expect.objectContaining({
				specversion: '1.0',
				type: 'todo.created',
				eventversion: '1.0.0',
				tenant: 't1',
				source: 'charter:operation/todo.create@1.0.0',
				data: { id: 'todo-1', title: 'a', done: false, tenant: 't1' },
			}),
		]);
		expect(received).toEqual([{ id: 'todo-1', title: 'a', done: false, tenant: 't1' }]);
		expect(await executor.stores.outbox.pending()).toEqual([]);
	});

	it('releases nothing when the handler fails after emitting', async () => {
		const { executor } = createTodoApp({
			serveUnimplemented: true,
			bindings: [
				implement(CreateTodo, (input, ctx) => {
					ctx.emit('todo.created', { id: '1', title: input.title, done: false });
					throw new Error('boom');
				}),
			],
		});
		const received: unknown[] = [];
		executor.bus.subscribe('*', (e) => {
			received.push(e);
		});
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		expect(received).toEqual([]);
	});

	it('writes one audit record per command, success or failure, with principal, tenant, digest and result', async () => {
		const { executor } = createTodoApp();
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
			idempotencyKey: 'k1',
		});
		await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: as('alice'),
		});
		await executor.execute({ operation: 'todo.create', input: { title: 'b' } });
		await executor.execute({ operation: 'todo.list', input: {} });
		const records = await executor.stores.audit.list();
		expect(
			records.map((r) => [r.operation, r.principalId, r.tenant, r.resultCode, r.status, r.records]),
		).toEqual([
			['todo.create', 'alice', 't1', 'OK', 200, ['todo.created']],
			['todo.create', 'alice', 't1', 'DUPLICATE_TITLE', 409, []],
			['todo.create', undefined, undefined, 'UNAUTHENTICATED', 401, []],
		]);
		expect(records[0]).toMatchObject({
			version: '1.0.0',
			idempotencyKey: 'k1',
			replayed: false,
			inputDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(records[0]!.inputDigest).toBe(records[1]!.inputDigest);
	});
});

describe('handler types', () => {
	it('infers input, output and emitted events from the contract', () => {
		implement(CreateTodo, (input, ctx) => {
			expectTypeOf(input).toEqualTypeOf<{ title: string; priority?: number }>();
			expectTypeOf(ctx.emit).parameter(0).toEqualTypeOf<'todo.created'>();
			// @ts-expect-error an undeclared event does not type-check
			ctx.emit('todo.deleted', {});
			return { id: '1', title: input.title, done: false };
		});
		const Ping = defineCommand({
			meta: { key: 'ping.it', version: '1.0.0' },
			io: {
				input: Empty,
				output: defineSchemaModel({
					name: 'Pong',
					fields: { at: { type: ScalarTypeEnum.DateTime(), isOptional: false } },
				}),
			},
			policy: { auth: 'anonymous' },
		});
		expectTypeOf(Ping.meta.key).toEqualTypeOf<'ping.it'>();
		// @ts-expect-error the output must match the contract
		implement(Ping, () => ({ at: 1 }));
	});
});
