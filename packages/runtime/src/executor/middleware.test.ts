import { defineSchemaModel, f } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Principal } from '../context/principal.ts';
import { silentLogger } from '../logging/logger.ts';
import { ContractError } from '../problems/contract-error.ts';
import { createExecutor } from './create-executor.ts';
import { implement } from './implement.ts';
import { type Middleware, use, withMiddleware } from './middleware.ts';

const Note = defineSchemaModel({
	name: 'Note',
	fields: { text: f.string(), by: f.string().optional() },
});
const meta = { version: '1.0.0', owners: ['@t'] } as const;
const Read = defineQuery({
	meta: { ...meta, key: 'notes.note.read' },
	io: { input: Note, output: Note },
	policy: { auth: 'user' },
});
const Write = defineCommand({
	meta: { ...meta, key: 'notes.note.write' },
	io: { input: Note, output: Note },
	policy: { auth: 'user' },
});
const ada: Principal = { id: 'ada', roles: [], permissions: [], tenant: 'acme' };

function executorWith(options: Partial<Parameters<typeof createExecutor>[0]>) {
	return createExecutor({
		contracts: [Read, Write],
		logger: silentLogger,
		contextProvider: () => ada,
		bindings: [],
		serveUnimplemented: true,
		...options,
	});
}
const read = (executor: ReturnType<typeof executorWith>, text = 'hi') =>
	executor.execute({ operation: Read.meta.key, input: { text } });

describe('middleware', () => {
	it('runs in order around the handler: app middleware outside a chain, outermost first', async () => {
		const trail: string[] = [];
		const mark =
			(name: string): Middleware =>
			async (_call, next) => {
				trail.push(`${name} before`);
				const result = await next();
				trail.push(`${name} after`);
				return result;
			};
		const chain = use(mark('feature')).use(mark('contract'));
		const executor = executorWith({
			middleware: [mark('app')],
			bindings: [
				chain.implement(Read, (input) => {
					trail.push('handler');
					return input;
				}),
			],
		});
		expect((await read(executor)).ok).toBe(true);
		expect(trail).toEqual([
			'app before',
			'feature before',
			'contract before',
			'handler',
			'contract after',
			'feature after',
			'app after',
		]);
	});

	it('sees the operation, the validated input, the principal and the result', async () => {
		const seen: unknown[] = [];
		const executor = executorWith({
			middleware: [
				async ({ operation, input, ctx }, next) => {
					const result = await next();
					seen.push(operation.meta.key, input, ctx.principal?.id, result.output);
					return result;
				},
			],
			bindings: [implement(Read, (input) => ({ text: input.text.toUpperCase() }))],
		});
		await executor.execute({ operation: Read.meta.key, input: { text: 'hi', stray: 1 } });
		expect(seen).toEqual(['notes.note.read', { text: 'hi' }, 'ada', { text: 'HI' }]);
	});

	it('extends the context for what runs inside it, typed in the handler', async () => {
		const tenanted = use(async ({ ctx }, next) => next({ tenant: ctx.principal!.tenant! }));
		const stamped = tenanted.use(async ({ ctx }, next) => next({ stamp: `${ctx.tenant}:1` }));
		const executor = executorWith({
			bindings: [
				stamped.implement(Write, (input, ctx) => {
					expectTypeOf(ctx.tenant).toEqualTypeOf<string>();
					expectTypeOf(ctx.stamp).toEqualTypeOf<string>();
					return { text: input.text, by: `${ctx.tenant}/${ctx.stamp}` };
				}),
			],
		});
		const result = await executor.execute({ operation: Write.meta.key, input: { text: 'x' } });
		expect(result.ok && result.output).toEqual({ text: 'x', by: 'acme/acme:1' });
		// @ts-expect-error a handler bound without the chain has no tenant in its ctx
		implement(Write, (input, ctx) => ({ text: input.text, by: ctx.tenant }));
	});

	it('may change the output, which is still checked against the contract', async () => {
		const executor = executorWith({
			middleware: [
				async (_call, next) => ({ output: { ...((await next()).output as object), by: 7 } }),
			],
			bindings: [implement(Read, (input) => input)],
		});
		const result = await read(executor);
		expect(!result.ok && result.problem.code).toBe('OUTPUT_CONTRACT_VIOLATION');
	});

	it('sees what the handler throws and may answer instead, or let it through', async () => {
		const fallback: Middleware = async (_call, next) => {
			try {
				return await next();
			} catch {
				return { output: { text: 'fallback' } };
			}
		};
		const failing = implement(Read, () => {
			throw new Error('boom');
		});
		const rescued = executorWith({ middleware: [fallback], bindings: [failing] });
		expect(await read(rescued)).toMatchObject({ ok: true, output: { text: 'fallback' } });
		const plain = executorWith({ bindings: [failing] });
		expect(await read(plain)).toMatchObject({ ok: false, problem: { code: 'INTERNAL' } });
	});

	it('can refuse a call before the handler, with a contract error', async () => {
		let ran = false;
		const closed = use(async () => {
			throw new ContractError('FORBIDDEN', 'the feature is off for this tenant');
		});
		const executor = executorWith({
			bindings: [
				closed.implement(Read, (input) => {
					ran = true;
					return input;
				}),
			],
		});
		expect(await read(executor)).toMatchObject({
			ok: false,
			problem: { status: 403, code: 'FORBIDDEN', detail: 'the feature is off for this tenant' },
		});
		expect(ran).toBe(false);
	});

	it('refuses a second next() and an extension that replaces part of ctx', async () => {
		const twice = executorWith({
			middleware: [
				async (_call, next) => {
					await next();
					return next();
				},
			],
			bindings: [implement(Read, (input) => input)],
		});
		expect(await read(twice)).toMatchObject({ ok: false, problem: { code: 'INTERNAL' } });
		const clash = executorWith({
			middleware: [async (_call, next) => next({ principal: undefined })],
			bindings: [implement(Read, (input) => input)],
		});
		expect(await read(clash)).toMatchObject({ ok: false, problem: { code: 'INTERNAL' } });
	});

	it('costs nothing when there is none: the handler itself is served', () => {
		const handler = (input: unknown) => input;
		expect(withMiddleware(Read, [], handler)).toBe(handler);
	});

	it('stays synchronous when the chain and the handler are: no promise for a no-op middleware', async () => {
		const noop: Middleware = (_call, next) => next();
		const ctx = {} as Parameters<Parameters<typeof withMiddleware>[2]>[1];
		const sync = withMiddleware(Read, [noop, noop], (input) => ({ ...(input as object), by: 'h' }));
		expect(sync({ text: 'hi' }, ctx)).toEqual({ text: 'hi', by: 'h' });
		// Anything asynchronous inside makes the whole chain a promise, as before.
		const asyncHandler = withMiddleware(Read, [noop], async (input) => input);
		const pending = asyncHandler({ text: 'later' }, ctx);
		expect(pending).toBeInstanceOf(Promise);
		expect(await pending).toEqual({ text: 'later' });
		const awaiting: Middleware = async (_call, next) => next();
		const viaAsync = withMiddleware(Read, [awaiting], (input) => input)({ text: 'x' }, ctx);
		expect(viaAsync).toBeInstanceOf(Promise);
		expect(await viaAsync).toEqual({ text: 'x' });
		// A synchronous second next() is refused at once, as a thrown misuse.
		const twice: Middleware = (_call, next) => {
			next();
			return next();
		};
		expect(() => withMiddleware(Read, [twice], (input) => input)({ text: 'x' }, ctx)).toThrow(
			/next\(\) twice/,
		);
	});
});
