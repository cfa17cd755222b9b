import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	type CompiledOriginPolicy,
	DEFAULT_BODY_LIMIT,
	fetchRequestMetadata,
	type HttpSurface,
	type InvocationMetadata,
	type OriginPolicy,
	readFetchBody,
	surfaceOriginPolicy,
	toFetchRequest,
	writeFetchResponse,
} from '@charter/runtime';
import type { ContractRegistry } from '@charter/spec';
import { type ExecutionResult, execute, type GraphQLSchema, subscribe, validate } from 'graphql';
import { createHandler as createSseHandler } from 'graphql-sse/lib/use/fetch';
import { type QueryLimits, resolveLimits } from '../limits/query-limits.ts';
import { requestError } from '../problems/problem-error.ts';
import {
	createGraphqlSchema,
	type GraphqlContext,
	type GraphqlSchemaOptions,
} from '../schema/graphql-schema.ts';
import { DEFAULT_STREAM_LIMITS, SlotCounter } from '../subscriptions/stream-limits.ts';
import { type CallerOf, StreamReservations } from '../subscriptions/stream-reservations.ts';
import { loadExplorerAssets } from './graphiql-assets.ts';
import { GRAPHIQL_CSP, renderExplorerPage, renderGraphiqlPage } from './graphiql-page.ts';
import { prepareOperation, runGraphqlRequest } from './graphql-request.ts';
import { errorResponse as json } from './json-response.ts';

/** Options of the GraphQL HTTP endpoint. */
export interface GraphqlHandlerOptions extends GraphqlSchemaOptions {
	readonly limits?: QueryLimits;
	/**
	 * Serve the GraphiQL explorer to browsers on GET, its files under `<path>/assets/`
	 * (default true).
	 */
	readonly explorer?: boolean;
	/** The path the handler answers on (default `/graphql`); other paths get 404. */
	readonly path?: string;
	/** Largest request body, in bytes (default 1 MiB): the same option on every surface. */
	readonly bodyLimit?: number;
	/**
	 * The `Host` and `Origin` headers accepted (against DNS rebinding and cross-site calls):
	 * by default any host, and only the server's own origin when a browser sends one. `false`
	 * when a host in front checks it (`createCharterServer`).
	 */
	readonly originPolicy?: OriginPolicy | CompiledOriginPolicy | false;
}

/**
 * The options of {@link createGraphqlHandler} in the shape every surface takes
 * (`{ executor, registry, bodyLimit, originPolicy }`).
 */
export interface GraphqlSurfaceOptions extends GraphqlHandlerOptions {
	readonly registry: ContractRegistry;
}

/** The GraphQL endpoint: a fetch handler, a node:http handler and the schema they serve. */
export interface GraphqlHandler extends HttpSurface {
	readonly schema: GraphQLSchema;
	fetch(request: Request): Promise<Response>;
	node(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Creates the `/graphql` endpoint of a registry: POST (and GET for queries) per
 * GraphQL-over-HTTP, subscriptions over SSE (the graphql-sse protocol) and an explorer page
 * for browsers. Bad requests get a 4xx with errors; the handler never throws.
 *
 * @example
 * const graphql = createGraphqlHandler({ executor, registry, events, context });
 * http.createServer((req, res) => graphql.node(req, res)).listen(4000);
 */
export function createGraphqlHandler(options: GraphqlSurfaceOptions): GraphqlHandler;
/** The older form: the registry first, the options after. */
export function createGraphqlHandler(
	registry: ContractRegistry,
	options?: GraphqlHandlerOptions,
): GraphqlHandler;
export function createGraphqlHandler(
	first: ContractRegistry | GraphqlSurfaceOptions,
	second: GraphqlHandlerOptions = {},
): GraphqlHandler {
	const { registry, options } =
		'registry' in first && !('operations' in first)
			? { registry: first.registry, options: first as GraphqlHandlerOptions }
			: { registry: first as ContractRegistry, options: second };
	const schema = createGraphqlSchema(registry, options);
	const limits = resolveLimits(schema, options.limits);
	const path = options.path ?? '/graphql';
	const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
	const originPolicy = surfaceOriginPolicy(options);
	const assets = options.explorer === false ? undefined : loadExplorerAssets();
	const assetPrefix = `${path}/assets/`;
	const streamLimits = { ...DEFAULT_STREAM_LIMITS, ...options.streamLimits };

	// A request on a reserved stream is both authenticated (callerOf) and executed (contextOf):
	// its metadata is built once and shared.
	const built = new WeakMap<Request, InvocationMetadata>();
	const metadataOf = (request: Request): InvocationMetadata => {
		let metadata = built.get(request);
		if (!metadata) {
			metadata = fetchRequestMetadata(request, 'graphql');
			built.set(request, metadata);
		}
		return metadata;
	};
	const contextOf = (request: Request): GraphqlContext => ({
		metadata: metadataOf(request),
		signal: request.signal,
	});
	const callerOf: CallerOf = async (request) => {
		if (!options.context) return { principal: undefined };
		try {
			return { principal: await options.context(metadataOf(request)) };
		} catch (error) {
			return { invalid: (error as { detail?: string }).detail ?? 'the credentials are not valid' };
		}
	};
	// graphql-sse may load another copy of graphql (CJS vs ESM); handing it our own parsed
	// arguments, `execute` and `subscribe` keeps every schema check in this copy.
	const sse = createSseHandler<Record<string, unknown>>({
		schema,
		authenticate: (req): string | undefined => reservations.tokenOf(req.raw),
		validate: (schemaToCheck, document) => validate(schemaToCheck, document),
		execute: (args) => execute(args),
		subscribe: (args) => subscribe(args),
		onSubscribe: (req, params) => {
			const prepared = prepareOperation(schema, params, limits);
			if (!prepared.ok) return { errors: prepared.errors } as ExecutionResult;
			return {
				schema,
				document: prepared.document,
				operationName: params.operationName ?? undefined,
				variableValues: params.variables ?? undefined,
				contextValue: contextOf(req.raw) as unknown as Record<string, unknown>,
			};
		},
	});
	const reservations: StreamReservations = new StreamReservations(
		sse,
		callerOf,
		new SlotCounter(streamLimits.maxReservationsPerPrincipal, streamLimits.maxReservations),
		streamLimits,
	);

	async function handle(request: Request): Promise<Response> {
		const url = new URL(request.url);
		if (assets && url.pathname.startsWith(assetPrefix))
			return assets.serve(url.pathname.slice(assetPrefix.length), request);
		if (url.pathname !== path)
			return json(404, [
				requestError(`no GraphQL endpoint at ${url.pathname}`, 'BAD_REQUEST', 404),
			]);
		const refused = originPolicy?.refused(
			request.headers.get('host') ?? url.host,
			request.headers.get('origin') ?? undefined,
		);
		if (refused !== undefined) return json(403, [requestError(refused, 'FORBIDDEN', 403)]);
		const accept = request.headers.get('accept') ?? '';
		if (
			accept.includes('text/event-stream') ||
			request.headers.has('x-graphql-event-stream-token') ||
			request.method === 'PUT' ||
			request.method === 'DELETE'
		) {
			try {
				return await reservations.handle(request);
			} catch {
				return json(400, [
					requestError('the event stream request is not valid', 'BAD_REQUEST', 400),
				]);
			}
		}
		if (request.method === 'GET') {
			if (
				accept.includes('text/html') &&
				options.explorer !== false &&
				!url.searchParams.has('query')
			) {
				return explorerPage();
			}
			const params = fromSearch(url.searchParams);
			if (!params.ok) return json(400, [requestError(params.message, 'BAD_REQUEST', 400)]);
			const result = await runGraphqlRequest(
				schema,
				params.value,
				contextOf(request),
				limits,
				new Set(['query']),
			);
			return new Response(JSON.stringify(result.body), {
				status: result.status,
				headers: { 'content-type': JSON_TYPE, ...result.headers },
			});
		}
		if (request.method !== 'POST') {
			return json(
				405,
				[
					requestError(
						`method ${request.method} is not allowed; use GET or POST`,
						'BAD_REQUEST',
						405,
					),
				],
				{
					allow: 'GET, POST',
				},
			);
		}
		const type = request.headers.get('content-type') ?? '';
		if (!/^application\/(json|graphql-response\+json)\b/i.test(type)) {
			return json(415, [requestError('the body must be application/json', 'BAD_REQUEST', 415)]);
		}
		const read = await readFetchBody(request, bodyLimit);
		if ('tooLarge' in read)
			return json(413, [
				requestError(`the body exceeds ${bodyLimit} bytes`, 'PAYLOAD_TOO_LARGE', 413),
			]);
		let params: unknown;
		try {
			params = JSON.parse(read.text);
		} catch {
			return json(400, [requestError('the body is not valid JSON', 'BAD_REQUEST', 400)]);
		}
		const result = await runGraphqlRequest(schema, params, contextOf(request), limits);
		return new Response(JSON.stringify(result.body), {
			status: result.status,
			headers: { 'content-type': JSON_TYPE, ...result.headers },
		});
	}

	function explorerPage(): Response {
		if (!assets) {
			return new Response(renderExplorerPage(path), {
				headers: { 'content-type': 'text/html; charset=utf-8' },
			});
		}
		return new Response(renderGraphiqlPage(path, assets), {
			headers: {
				'content-type': 'text/html; charset=utf-8',
				'content-security-policy': GRAPHIQL_CSP,
				'cache-control': 'no-cache',
				'x-content-type-options': 'nosniff',
				'referrer-policy': 'no-referrer',
			},
		});
	}

	return {
		schema,
		fetch: handle,
		node: async (req, res) => {
			const request = await toFetchRequest(req, res, bodyLimit);
			const response = request
				? await handle(request)
				: json(413, [
						requestError(`the body exceeds ${bodyLimit} bytes`, 'PAYLOAD_TOO_LARGE', 413),
					]);
			await writeFetchResponse(response, req, res);
		},
	};
}

function fromSearch(
	search: URLSearchParams,
): { ok: true; value: unknown } | { ok: false; message: string } {
	const variables = search.get('variables');
	let parsed: unknown;
	if (variables) {
		try {
			parsed = JSON.parse(variables);
		} catch {
			return { ok: false, message: '"variables" is not valid JSON' };
		}
	}
	return {
		ok: true,
		value: {
			query: search.get('query') ?? undefined,
			variables: parsed,
			operationName: search.get('operationName'),
		},
	};
}
