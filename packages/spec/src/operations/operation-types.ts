import type { Infer, TypeLike, TypeNode } from '@charter/schema';
import type { EventSpec } from '../events/define-event.ts';
import type { Meta, MetaDefinition } from '../meta/meta.ts';
import type { Policy, PolicyDefinition } from './policy.ts';

/** An error a contract declares it may return. */
export interface ErrorDeclaration {
	/** HTTP status, 400-599. */
	readonly status: number;
	/**
	 * The OpenAPI response the error is listed under when that is a range or `default` rather
	 * than its status (an imported description said `4XX`, `5XX` or `default`): the error is
	 * answered with `status`, a status of that range.
	 */
	readonly documentedAs?: ErrorResponseKey;
	readonly description: string;
	/** Shape of the problem's `data`, when the error carries any. */
	readonly data?: TypeNode;
}

/** OpenAPI response keys an error may be listed under besides its own status. */
export type ErrorResponseKey = '4XX' | '5XX' | 'default';

/**
 * An error as a contract definition writes it: its `data` may be any type, a Charter model or a
 * Standard Schema (Zod, Valibot, ArkType), converted when the contract is defined.
 */
export interface ErrorDeclarationInput extends Omit<ErrorDeclaration, 'data'> {
	readonly data?: TypeLike;
}

/** An emitted event declared inline (the seed's form). */
export interface EmitDeclaration {
	readonly key: string;
	readonly version: string;
	readonly when?: string;
	readonly payload?: TypeLike;
}

/** What `sideEffects.emits` accepts: an inline declaration, an event contract, or one with `when`. */
export type EmitInput =
	| EmitDeclaration
	| EventSpec
	| { readonly event: EventSpec; readonly when?: string };

/** An emitted event in the IR. Without a payload, the event must be registered. */
export interface EmitSpec {
	readonly key: string;
	readonly version: string;
	readonly when?: string;
	readonly payload?: TypeNode;
}

export interface Scenario {
	readonly key: string;
	readonly given: readonly string[];
	readonly when: readonly string[];
	readonly then: readonly string[];
}

/** An executable example: the input runs through the executor; the output must match as a partial. */
export interface Example {
	readonly key: string;
	readonly description?: string;
	/** Scenario key whose fixture prepares the state this example needs. */
	readonly scenario?: string;
	readonly input: unknown;
	readonly output?: unknown;
	/** Expected error code, for examples of failures. */
	readonly error?: string;
}

export interface Acceptance {
	readonly scenarios: readonly Scenario[];
	readonly examples: readonly Example[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How an input field travels outside the body, with OpenAPI's styles: `form` (repeated keys
 * when `explode`, the default; `a,b` otherwise), `spaceDelimited`, `pipeDelimited`,
 * `deepObject` (`created[gte]=1`) in the query; `simple` (`a,b`) in headers; `form` in cookies;
 * in the path (a `{name}` of the route) `simple` (`3,4`, the default), `label` (`.3.4`, or
 * `.3,4` unexploded) or `matrix` (`;id=3;id=4`, or `;id=3,4` unexploded). With `content`, the
 * value is a JSON document instead (`filter={"status":"open"}`): style and explode do not apply.
 */
export interface RestParameter {
	readonly in: 'query' | 'header' | 'cookie' | 'path';
	/** Its name on the wire when it is not the field name (`X-Request-Id` for `requestId`). */
	readonly name?: string;
	readonly style?:
		| 'form'
		| 'simple'
		| 'spaceDelimited'
		| 'pipeDelimited'
		| 'deepObject'
		| 'label'
		| 'matrix';
	readonly explode?: boolean;
	/** The value is a document in this media type (OpenAPI's parameter `content`), not styled. */
	readonly content?: 'application/json';
}

/** Media types a REST request body may come in. */
export type RestBodyMediaType =
	| 'application/json'
	| 'application/x-www-form-urlencoded'
	| 'multipart/form-data';

/**
 * The REST wire of an operation beyond the defaults: its method and path, where fields travel
 * outside the body, a body that is one field (a list, a string...) rather than the input's
 * members, the media types of the body, and the success status.
 */
export interface RestTransport {
	readonly method?: HttpMethod;
	readonly path?: string;
	/** Input fields read from the query, headers or cookies, by field name. */
	readonly parameters?: Readonly<Record<string, RestParameter>>;
	/** The input field the whole request body fills (an array or scalar body beside parameters). */
	readonly bodyField?: string;
	/** Media types the body is read in (`application/json` alone by default). */
	readonly bodyMediaTypes?: readonly RestBodyMediaType[];
	/** The success status: 200 by default; 204 (and 205, 304) answer without a body. */
	readonly status?: number;
	/** What else a handler may set on a success (`ctx.response`): statuses, headers, cookies, a stream. */
	readonly response?: RestResponseDeclaration;
}

/** A response header a handler may set (`ctx.response.header(name, value)`). */
export interface ResponseHeaderDeclaration {
	readonly description?: string;
}

/**
 * A cookie a handler may set (`ctx.response.cookie(name, value)`). The attributes default to the
 * safe choice: `HttpOnly`, `Secure` (whatever the request's host), `SameSite=Lax`,
 * `Path=/`; a session cookie unless `maxAge` is given.
 */
export interface ResponseCookieDeclaration {
	readonly description?: string;
	readonly httpOnly?: boolean;
	readonly secure?: boolean;
	readonly sameSite?: 'Strict' | 'Lax' | 'None';
	readonly path?: string;
	readonly domain?: string;
	/** Lifetime in seconds. */
	readonly maxAge?: number;
	/**
	 * Kept, value included, with an idempotency record so a replay sets it again. Off by default:
	 * a cookie's value is never stored (it may be a session token), and a replay answers without
	 * it. Turn on only for a value that is no secret.
	 */
	readonly replay?: boolean;
}

/**
 * The success responses a handler may choose from, beside the default `status`. Names are the
 * wire names (`Location`); headers Charter writes itself (`Content-Type`, `Set-Cookie`...) are
 * not declarable.
 */
export interface RestResponseDeclaration {
	/** Other success statuses (200-299) the handler may answer with (`ctx.response.status(202)`). */
	readonly statuses?: readonly number[];
	readonly headers?: Readonly<Record<string, ResponseHeaderDeclaration>>;
	readonly cookies?: Readonly<Record<string, ResponseCookieDeclaration>>;
	/**
	 * A download: the REST body is a stream of this media type (`text/csv`,
	 * `application/octet-stream`) the handler gives with `ctx.response.stream(source)`, not the
	 * JSON output. GraphQL and MCP answer the output. Queries only: a command's replay could not
	 * send it again.
	 */
	readonly stream?: { readonly mediaType: string; readonly description?: string };
}

/** Per-surface overrides of the default wire names. */
export interface TransportOverrides {
	readonly rest?: RestTransport;
	readonly graphql?: { readonly field?: string };
	readonly mcp?: { readonly tool?: string };
}

/** An operation as authored with `defineCommand` or `defineQuery`. */
export interface OperationDefinition<
	In extends TypeLike,
	Out extends TypeLike,
	Em extends readonly EmitInput[],
> {
	readonly meta: MetaDefinition;
	readonly io: { readonly input: In; readonly output: Out };
	readonly policy: PolicyDefinition;
	readonly errors?: Readonly<Record<string, ErrorDeclarationInput>>;
	readonly sideEffects?: { readonly emits?: Em; readonly audit?: readonly string[] };
	readonly acceptance?: {
		readonly scenarios?: readonly Scenario[];
		readonly examples?: readonly Example[];
	};
	readonly transport?: TransportOverrides;
	/** Calling twice with the same input has the effect of calling once. */
	readonly idempotent?: boolean;
	/** Whether the command may destroy data (MCP's `destructiveHint`); commands default to true. */
	readonly destructive?: boolean;
}

export type OperationKind = 'command' | 'query';

/** An event the handler may emit, as a type: its key and payload. */
export interface EmittedEvent<K extends string = string, P = unknown> {
	readonly key: K;
	readonly payload: P;
}

/** Phantom types carried by an operation, for handler inference. */
export interface OperationTypes<I, O, E extends EmittedEvent> {
	readonly input: I;
	readonly output: O;
	readonly events: E;
}

/** An operation in the IR: plain, frozen, JSON-serializable. */
export interface OperationSpec<I = unknown, O = unknown, E extends EmittedEvent = EmittedEvent> {
	readonly kind: OperationKind;
	readonly meta: Meta;
	readonly io: { readonly input: TypeNode; readonly output: TypeNode };
	readonly policy: Policy;
	readonly errors: Readonly<Record<string, ErrorDeclaration>>;
	readonly sideEffects: { readonly emits: readonly EmitSpec[]; readonly audit: readonly string[] };
	readonly acceptance: Acceptance;
	readonly transport: TransportOverrides;
	readonly idempotent: boolean;
	readonly destructive: boolean;
	readonly '~types'?: OperationTypes<I, O, E>;
}

type EmittedOf<E> =
	E extends EventSpec<infer K, infer P>
		? EmittedEvent<K, P>
		: E extends { readonly event: EventSpec<infer K, infer P> }
			? EmittedEvent<K, P>
			: E extends { readonly key: infer K extends string; readonly payload: infer P }
				? EmittedEvent<K, Infer<P>>
				: E extends { readonly key: infer K extends string }
					? EmittedEvent<K, unknown>
					: never;

/** The union of events an operation may emit, from its `sideEffects.emits`. */
export type EmittedEvents<Em extends readonly EmitInput[]> = EmittedOf<Em[number]>;

/** Input type of an operation. */
export type InputOf<S> = S extends OperationSpec<infer I, any, any> ? I : never;
/** Output type of an operation. */
export type OutputOf<S> = S extends OperationSpec<any, infer O, any> ? O : never;
/** Emitted events of an operation. */
export type EventsOf<S> = S extends OperationSpec<any, any, infer E> ? E : never;

/**
 * Keeps the codes of a contract's `errors` catalogue in its type: a phantom key, never present
 * at run time, so clients can type the problems a call may return.
 */
export interface DeclaredErrors<Er extends Readonly<Record<string, ErrorDeclarationInput>>> {
	readonly '~errors'?: Er;
}

/**
 * Keeps a contract's `transport.rest` in its type: a phantom key, never present at run time, so
 * `ctx.response` accepts exactly the declared statuses, headers and cookies.
 */
export interface DeclaredRestWire<Rs> {
	readonly '~rest'?: Rs;
}

/**
 * The `transport.rest` an operation declares, as a type: `{}` when a defined contract declares
 * none, `unknown` for an operation typed only as `OperationSpec` (nothing known about it).
 */
export type RestWireOf<S> = S extends { readonly '~rest'?: infer Rs }
	? unknown extends Rs
		? unknown
		: NonNullable<Rs>
	: unknown;

/** The error codes an operation declares in `errors`, as a union (`never` when none). */
export type ErrorCodeOf<S> = S extends { readonly '~errors'?: infer Er }
	? Extract<keyof NonNullable<Er>, string>
	: never;

/** The `errors` catalogue an operation declares, as a type (`{}` when it declares none). */
export type ErrorsOf<S> = S extends { readonly '~errors'?: infer Er }
	? NonNullable<Er> extends Readonly<Record<string, ErrorDeclarationInput>>
		? NonNullable<Er>
		: {}
	: {};

/** The type of a declared error's `data` (`undefined` when the declaration has no `data`). */
export type ErrorDataOf<D> = D extends { readonly data: infer N } ? Infer<N> : undefined;
