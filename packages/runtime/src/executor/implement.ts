import type {
	EmittedEvent,
	ErrorDeclaration,
	ErrorsOf,
	EventsOf,
	InputOf,
	OperationKind,
	OperationSpec,
	OutputOf,
	RestWireOf,
} from '@charter/spec';
import type { InvocationMetadata, Principal } from '../context/principal.ts';
import type { Logger } from '../logging/logger.ts';
import type { ErrorRaisers } from '../problems/error-raisers.ts';
import type { TransactionScope } from '../stores/unit-of-work.ts';
import { type Middleware, type MiddlewareChain, useFor } from './middleware.ts';
import type { ResponseControl } from './response-control.ts';

/**
 * What a handler receives beside its input. Pass `ctx` itself on: `emit`, `signal` and `tx` are
 * built on first use (getters), so a spread copy (`{ ...ctx }`) does not carry them. `Tx` is
 * the stores' native transaction (see {@link implementFor}).
 */
export interface HandlerContext<
	E extends EmittedEvent = EmittedEvent,
	Er = Readonly<Record<string, ErrorDeclaration>>,
	// `any`, not `unknown`: a handler's ctx of any contract can be passed where a plain
	// `HandlerContext` is expected.
	Rs = any,
	Tx = unknown,
	K extends OperationKind = OperationKind,
> {
	/** The caller, or undefined when anonymous. */
	readonly principal: Principal | undefined;
	/**
	 * Emits one of the contract's declared events. The payload is validated now; the event is
	 * released (outbox, bus) only if the handler succeeds and the command commits.
	 */
	emit<K extends E['key']>(key: K, payload: Extract<E, { key: K }>['payload']): void;
	/**
	 * The errors the contract declares, one function each, typed from its `errors`: an undeclared
	 * code does not compile and `data` has the declared type (validated when raised). Throw what
	 * it returns: the surfaces answer with the declared status, code and data.
	 *
	 * @example
	 * if (instance.status !== 'RUNNING') throw ctx.errors.INVALID_STATE({ detail: 'not running' });
	 */
	readonly errors: ErrorRaisers<Er>;
	/**
	 * The success response within what the contract's `transport.rest` declares: status,
	 * headers, cookies, a download stream. An undeclared one does not compile (and is refused at
	 * run time). GraphQL and MCP answer the output and ignore it.
	 *
	 * @example
	 * ctx.response.status(201).header('Location', `/v1/invoices/${invoice.id}`);
	 */
	readonly response: ResponseControl<Rs>;
	/** Aborts at the deadline or when the caller goes away. */
	readonly signal: AbortSignal;
	/** A logger bound to the trace id and the operation. */
	readonly logger: Logger;
	readonly traceId: string;
	readonly idempotencyKey: string | undefined;
	/** The executor's clock. */
	now(): Date;
	/**
	 * The command's native transaction (`ctx.transaction.handle`): with `@charter/sql`'s stores a
	 * Kysely `Transaction<Database>`, so the handler's writes to its own tables commit or roll
	 * back with the command's events, audit record and idempotency key. Typed through {@link
	 * implementFor}: `Tx` in a command's handler, `undefined` in a query's (queries run outside
	 * a transaction), either where the contract's kind is not known.
	 */
	readonly tx: ForKind<K, Tx, undefined>;
	/** The command's transaction (stores, native handle); undefined for queries. */
	readonly transaction: ForKind<K, TransactionScope<Tx>, undefined>;
	/** The transport metadata the call came with (headers...). */
	readonly metadata: InvocationMetadata;
}

/** `C` for a command, `Q` for a query, either when the kind is not known. */
type ForKind<K extends OperationKind, C, Q> = [K] extends ['command']
	? C
	: [K] extends ['query']
		? Q
		: C | Q;

/** Whether a contract is a command or a query, as its type says (`defineCommand` does). */
export type KindOf<S> = S extends { readonly kind: infer K extends OperationKind }
	? K
	: OperationKind;

/** The `ctx` of a handler of contract `S`, over stores whose transaction is `Tx`. */
export type HandlerContextOf<S, Tx = unknown> = HandlerContext<
	EventsOf<S>,
	ErrorsOf<S>,
	RestWireOf<S>,
	Tx,
	KindOf<S>
>;

/** A handler typed from its contract (and, with {@link implementFor}, its stores' transaction). */
export type Handler<S extends OperationSpec<any, any, any>, Tx = unknown> = (
	input: InputOf<S>,
	ctx: HandlerContextOf<S, Tx>,
) => OutputOf<S> | Promise<OutputOf<S>>;

/** A contract bound to its handler: what `createExecutor` serves. */
export interface Binding<S extends OperationSpec<any, any, any> = OperationSpec<any, any, any>> {
	readonly contract: S;
	readonly handler: Handler<S>;
	/** The middleware around this handler, outermost first (a chain's `implement` sets it). */
	readonly middleware?: readonly Middleware<any, any>[];
}

/**
 * Binds a handler to a contract; input, output and emitted events are typed from the contract.
 *
 * @example
 * export const pause = implement(PauseWorkflowContract, async (input, ctx) => {
 *   const instance = await instances.pause(input.instanceId, input.reason);
 *   ctx.emit('workflow.instance.paused', instance);
 *   return instance;
 * });
 */
export function implement<S extends OperationSpec<any, any, any>>(
	contract: S,
	handler: Handler<S>,
): Binding<S> {
	return Object.freeze({ contract, handler });
}

/** `implement` with handlers whose `ctx.tx` is typed `Tx`: what {@link implementFor} returns. */
export interface TypedImplement<Tx> {
	<S extends OperationSpec<any, any, any>>(contract: S, handler: Handler<S, Tx>): Binding<S>;
	/** Starts a middleware chain (as `use`) whose handlers' `ctx.tx` is typed `Tx` too. */
	use<Adds extends object>(middleware: Middleware<{}, Adds>): MiddlewareChain<Adds, Tx>;
}

/**
 * Gives an `implement` whose handlers get the stores' native transaction typed: declare the
 * app's database once, and every command's `ctx.tx` is a `Transaction` over its tables. The
 * core knows no driver: `Tx` is whatever the app's stores hand out (`@charter/sql`: a Kysely
 * `Transaction<Database>`; the memory stores: `undefined`). The host must give the app such
 * stores (`defineSqlApp` in `@charter/sql` checks it when the app is created).
 *
 * @example
 * interface Database { invoices: { id: string; total: number } }
 * export const implement = implementFor<Transaction<Database>>();
 * implement(PayInvoice, async (input, ctx) => {
 *   await ctx.tx.updateTable('invoices').set({ total: 0 }).where('id', '=', input.id).execute();
 * });
 */
export function implementFor<Tx>(): TypedImplement<Tx> {
	const typed = <S extends OperationSpec<any, any, any>>(contract: S, handler: Handler<S, Tx>) =>
		implement(contract, handler as unknown as Handler<S>);
	return Object.assign(typed, { use: useFor<Tx>() });
}
