import type { InputOf, OperationSpec, OutputOf } from '@charter/spec';
import { CharterConfigError } from '../errors/charter-config-error.ts';
import type { Binding, Handler, HandlerContext, HandlerContextOf } from './implement.ts';
import { isThenable } from './is-thenable.ts';

/** What the rest of the chain gave back: the handler's output, as inner middleware left it. */
export interface NextResult<Adds extends object = {}> {
	readonly output: unknown;
	/** Phantom: the context the middleware added, for typing; never present at run time. */
	readonly '~adds'?: Adds;
}

/**
 * Runs the rest of the chain (inner middleware, then the handler). Properties of `extension`
 * are added to `ctx` for everything inside; a key `ctx` already has is a configuration error.
 * The result comes back as it is: at once when everything inside ran synchronously, a promise
 * when anything inside is asynchronous, so `await next()` (or `return next()`) fits both. A
 * synchronous chain around a synchronous handler then costs no promise.
 */
export type NextFunction = <Adds extends object = {}>(
	extension?: Adds,
) => NextResult<Adds> | Promise<NextResult<Adds>>;

/** What a middleware sees of a call: the contract, the validated input and the handler's ctx. */
export interface MiddlewareCall<Ctx extends object = {}> {
	readonly operation: OperationSpec;
	/** The input after validation (defaults filled, unknown keys stripped). */
	readonly input: unknown;
	/** The handler's context, with what outer middleware added; `ctx.principal` is the caller. */
	readonly ctx: HandlerContext & Ctx;
}

/**
 * A step around handlers, after authentication, authorization and input validation and before
 * the output check; inside a command's transaction. It calls `next()` (at most once) to run the
 * rest, may add to `ctx` through `next({ ... })`, sees the result, may change its `output`, and
 * may catch what the rest throws. `Needs` is the context it reads, `Adds` what it adds.
 *
 * @example
 * const timing: Middleware = async ({ operation, ctx }, next) => {
 *   const started = performance.now();
 *   try { return await next(); }
 *   finally { ctx.logger.info({ ms: performance.now() - started }, operation.meta.key); }
 * };
 */
export type Middleware<Needs extends object = {}, Adds extends object = {}> = (
	call: MiddlewareCall<Needs>,
	next: NextFunction,
) => Promise<NextResult<Adds>> | NextResult<Adds>;

/**
 * A handler whose `ctx` carries what the chain's middleware added (and, for a chain started
 * from {@link implementFor}'s `use`, its stores' transaction `Tx`).
 */
export type ExtendedHandler<
	S extends OperationSpec<any, any, any>,
	Ext extends object,
	Tx = unknown,
> = (input: InputOf<S>, ctx: HandlerContextOf<S, Tx> & Ext) => OutputOf<S> | Promise<OutputOf<S>>;

/** An ordered middleware chain; handlers bound through it get its context extensions typed. */
export interface MiddlewareChain<Ext extends object = {}, Tx = unknown> {
	/** The middleware, outermost first. */
	readonly middleware: readonly Middleware<any, any>[];
	/** A new chain with `middleware` inside this one's. */
	use<Adds extends object>(middleware: Middleware<Ext, Adds>): MiddlewareChain<Ext & Adds, Tx>;
	/** Binds a handler to a contract behind this chain, as `implement` does. */
	implement<S extends OperationSpec<any, any, any>>(
		contract: S,
		handler: ExtendedHandler<S, Ext, Tx>,
	): Binding<S>;
}

/**
 * Starts a middleware chain: for a feature's or a contract's handlers (`implement` through the
 * chain). For every handler of an app, give the executor (or the app instance) `middleware`.
 *
 * @example
 * const tenanted = use(async ({ ctx }, next) => next({ tenant: ctx.principal?.tenant ?? 'public' }));
 * export const list = tenanted.implement(ListInvoices, (input, ctx) => invoices.of(ctx.tenant));
 */
export function use<Adds extends object>(middleware: Middleware<{}, Adds>): MiddlewareChain<Adds> {
	return chainOf([middleware]);
}

/** Starts a chain whose handlers' `ctx.tx` is typed `Tx` (`implementFor<Tx>().use`). */
export function useFor<Tx>(): <Adds extends object>(
	middleware: Middleware<{}, Adds>,
) => MiddlewareChain<Adds, Tx> {
	return (middleware) => chainOf([middleware]);
}

function chainOf<Ext extends object, Tx = unknown>(
	middleware: readonly Middleware<any, any>[],
): MiddlewareChain<Ext, Tx> {
	return Object.freeze({
		middleware,
		use: <Adds extends object>(next: Middleware<Ext, Adds>) =>
			chainOf<Ext & Adds, Tx>([...middleware, next]),
		implement: <S extends OperationSpec<any, any, any>>(
			contract: S,
			handler: ExtendedHandler<S, Ext, Tx>,
		): Binding<S> =>
			Object.freeze({ contract, handler: handler as unknown as Handler<S>, middleware }),
	});
}

/**
 * Wraps a handler in its middleware, once at startup. With none, the handler itself comes back:
 * a call pays nothing for middleware it does not have. A chain that runs synchronously around a
 * synchronous handler stays synchronous (no promise, no microtask): one no-op middleware then
 * costs a few closures, not the pipeline's asynchronous path.
 */
export function withMiddleware(
	operation: OperationSpec,
	middleware: readonly Middleware<any, any>[],
	handler: Handler<any>,
): Handler<any> {
	if (middleware.length === 0) return handler;
	return (input, ctx) => {
		const step = (index: number): NextResult | Promise<NextResult> => {
			if (index === middleware.length) {
				const output: unknown = handler(input, ctx);
				return isThenable(output) ? Promise.resolve(output).then(asNextResult) : { output };
			}
			let called = false;
			const next = ((extension?: object) => {
				if (called) {
					throw new CharterConfigError(
						'CHARTER_MIDDLEWARE_MISUSE',
						operation.meta.key,
						'a middleware called next() twice',
					);
				}
				called = true;
				if (extension !== undefined) extend(operation, ctx, extension);
				return step(index + 1);
			}) as NextFunction;
			return middleware[index]!({ operation, input, ctx }, next);
		};
		const result = step(0);
		return isThenable(result) ? Promise.resolve(result).then(outputOf) : result.output;
	};
}

function asNextResult(output: unknown): NextResult {
	return { output };
}

function outputOf(result: NextResult): unknown {
	return result.output;
}

/** Adds a middleware's extension to the call's ctx; it may not replace what ctx has. */
function extend(operation: OperationSpec, ctx: object, extension: object): void {
	for (const key of Object.keys(extension)) {
		if (key in ctx) {
			throw new CharterConfigError(
				'CHARTER_MIDDLEWARE_MISUSE',
				operation.meta.key,
				`a middleware adds ctx.${key}, which the context already has`,
			);
		}
	}
	Object.assign(ctx, extension);
}
