import type { Tracer } from '@charter/runtime';
import { eventVisibleTo, traceSubscription } from '@charter/runtime/events';
import { mayOmitInput, type TypeNode } from '@charter/schema';
import {
	type ContractRegistry,
	createProblem,
	deprecationNotice,
	type OperationSpec,
	servedWithoutFiles,
} from '@charter/spec';
import {
	GraphQLError,
	type GraphQLFieldConfig,
	type GraphQLFieldConfigMap,
	GraphQLObjectType,
	GraphQLSchema,
	GraphQLString,
	getNullableType,
	printSchema,
} from 'graphql';
import type {
	ContextProvider,
	EventEnvelope,
	EventSource,
	ExecutorPort,
	InvocationMetadata,
	Principal,
} from '../executor/executor-port.ts';
import type { RequestIdempotency } from '../idempotency/request-idempotency.ts';
import type { ResponseBudget } from '../limits/response-budget.ts';
import { problemToGraphqlError, requestError } from '../problems/problem-error.ts';
import {
	eventCatalog,
	type SubscribableEvent,
	subscribableEvents,
} from '../subscriptions/event-catalog.ts';
import { eventStream } from '../subscriptions/event-stream.ts';
import {
	DEFAULT_STREAM_LIMITS,
	SlotCounter,
	type StreamLimits,
} from '../subscriptions/stream-limits.ts';
import { holderOf } from '../subscriptions/stream-reservations.ts';
import { createTypeMapper, pascal } from '../types/type-mapper.ts';
import { collectModelNames, decodeInput } from '../types/type-walk.ts';
import { operationsByField } from './operation-fields.ts';

/** What every resolver receives: the caller's transport metadata. */
export interface GraphqlContext {
	readonly metadata: InvocationMetadata;
	readonly signal?: AbortSignal;
	/** The request's idempotency key, given to every mutation field's command. */
	readonly idempotency?: RequestIdempotency | undefined;
	/** What the operations' results may still weigh; each result spends it as it arrives. */
	readonly budget?: ResponseBudget;
}

/** What the executable schema binds to. Without `executor`, the schema only describes. */
export interface GraphqlSchemaOptions {
	readonly executor?: ExecutorPort;
	/** The runtime's event bus; without it, Subscription fields end at once. */
	readonly events?: EventSource;
	/** The shared context provider, to authenticate subscribers. */
	readonly context?: ContextProvider;
	/** How many subscriptions may run at once (and graphql-sse reservations, on the handler). */
	readonly streamLimits?: StreamLimits;
	/** Traces each subscription (`subscribe <event>`, a span event per delivery). */
	readonly tracer?: Tracer;
	/**
	 * Builds only these root fields (Query, Mutation and Subscription field names), with the
	 * names and types the whole schema gives them: for tools that read a few fields of a large
	 * registry (governance's verdicts). Type name conflicts are then found only among the types
	 * these fields reach.
	 */
	readonly only?: ReadonlySet<string>;
}

/**
 * Builds the executable GraphQL schema of a registry: queries as Query fields, commands as
 * Mutation fields (named by `wireNames`), declared events as Subscription fields. A model
 * input becomes one `input` argument; every field resolves through the executor and a
 * problem becomes a GraphQL error with the problem in `extensions`.
 *
 * @example
 * const schema = createGraphqlSchema(registry, { executor, events, context });
 */
export function createGraphqlSchema(
	registry: ContractRegistry,
	options: GraphqlSchemaOptions = {},
): GraphQLSchema {
	const { only } = options;
	const served = servedWithoutFiles(registry);
	const operations = operationsByField(served, only);
	const catalog = eventCatalog(registry);
	// Every output model names the types, whichever fields are built.
	const mapper = createTypeMapper(
		collectModelNames([...served.map((op) => op.io.output), ...catalog.map((e) => e.payload)]),
	);
	const events = subscribableEvents(registry, only, catalog);
	const query: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
	const mutation: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
	for (const [field, spec] of [...operations.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
		(spec.kind === 'query' ? query : mutation)[field] = operationField(spec, field);
	}
	const subscription: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
	for (const event of events) subscription[event.field] = eventField(event);
	const streamLimits = { ...DEFAULT_STREAM_LIMITS, ...options.streamLimits };
	const running = new SlotCounter(
		streamLimits.maxSubscriptionsPerPrincipal,
		streamLimits.maxSubscriptions,
	);

	function operationField(
		spec: OperationSpec,
		field: string,
	): GraphQLFieldConfig<unknown, GraphqlContext> {
		const input = spec.io.input;
		const hasInput = !(input.kind === 'model' && Object.keys(input.fields).length === 0);
		// An input with no required field may be left out: the argument is nullable, absent is {}.
		const omittable = mayOmitInput(input);
		const inputType = hasInput ? mapper.input(input, `${pascal(field)}Input`) : undefined;
		const deprecated = deprecationNotice(spec.meta);
		const description = [spec.meta.description, spec.meta.goal && `Goal: ${spec.meta.goal}`]
			.filter(Boolean)
			.join('\n\n');
		return {
			type: mapper.output(spec.io.output, `${pascal(field)}Result`),
			...(description ? { description } : {}),
			...(deprecated ? { deprecationReason: deprecated } : {}),
			...(inputType
				? { args: { input: { type: omittable ? getNullableType(inputType) : inputType } } }
				: {}),
			resolve: async (_source, args, context) => {
				if (!options.executor) {
					throw new GraphQLError('This schema was built without an executor', {
						extensions: { code: 'NOT_IMPLEMENTED', status: 501 },
					});
				}
				const idempotency = spec.kind === 'command' ? context.idempotency : undefined;
				if (context.budget?.exceeded) throw tooLarge(context.budget);
				const result = await options.executor.execute({
					operation: spec.meta.key,
					version: spec.meta.version,
					input: decodeArgument(input, (args as { input?: unknown }).input, omittable),
					// Object.assign: a spread given more keys outlives the request on Node 20.
					metadata: Object.assign({}, context.metadata, { transport: 'graphql' }),
					...(context.signal ? { signal: context.signal } : {}),
					...(idempotency ? { idempotencyKey: idempotency.key } : {}),
				});
				if (!result.ok) throw problemToGraphqlError(result.problem);
				if (idempotency && result.replayed) idempotency.replayed = true;
				return result.output;
			},
		};
	}

	function eventField(event: SubscribableEvent): GraphQLFieldConfig<unknown, GraphqlContext> {
		return {
			type: mapper.output(event.payload, `${pascal(event.field)}Event`),
			description: `${event.description ?? `The ${event.key} event.`}\n\n${event.read.description} Events of a tenant reach only that tenant's callers.`,
			subscribe: async (_source, _args, context) => {
				const principal = await authenticate(context.metadata);
				// The event's read policy, as a query's policy: 401 without a caller, 403 without rights.
				const decision = event.read.decide(principal);
				if (!decision.allowed) {
					throw problemToGraphqlError(createProblem(decision.code, { detail: decision.reason }));
				}
				if (!options.events) return emptyStream();
				const release = running.take(holderOf(principal, context.metadata.clientAddress));
				if (release === 'holder') {
					throw problemToGraphqlError(
						createProblem('RATE_LIMITED', {
							detail: `a caller may run ${streamLimits.maxSubscriptionsPerPrincipal} subscriptions at once; end one first`,
							retryAfter: 5,
						}),
					);
				}
				if (release === 'total') {
					throw problemToGraphqlError(
						createProblem('UNAVAILABLE', {
							detail: 'this server runs as many subscriptions as it can; subscribe again later',
							retryAfter: 5,
						}),
					);
				}
				try {
					const stream = await eventStream(
						options.events,
						event.key,
						(e) => acceptEvent(event, e, principal),
						{ onEnd: release },
					);
					return options.tracer
						? traceSubscription(
								options.tracer,
								{ event: event.key, surface: 'graphql', principalId: principal?.id },
								stream,
							)
						: stream;
				} catch {
					// The bus logs why; the caller learns only that events cannot flow now.
					throw problemToGraphqlError({
						type: 'urn:charter:problem:unavailable',
						title: 'Events unavailable',
						status: 503,
						code: 'UNAVAILABLE',
						detail: `the event bus cannot deliver ${event.key} right now; subscribe again later`,
					});
				}
			},
			resolve: (envelope) => (envelope as EventEnvelope).data,
		};
	}

	async function authenticate(metadata: InvocationMetadata): Promise<Principal | undefined> {
		if (!options.context) return undefined;
		try {
			return await options.context(Object.assign({}, metadata, { transport: 'graphql' }));
		} catch (error) {
			throw problemToGraphqlError({
				type: 'urn:charter:problem:unauthenticated',
				title: 'Authentication required',
				status: 401,
				code: 'UNAUTHENTICATED',
				detail: (error as { detail?: string }).detail ?? 'the credentials are not valid',
			});
		}
	}

	return new GraphQLSchema({
		query: new GraphQLObjectType({
			name: 'Query',
			fields: Object.keys(query).length > 0 ? query : placeholderQuery(),
		}),
		...(Object.keys(mutation).length > 0
			? { mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutation }) }
			: {}),
		...(Object.keys(subscription).length > 0
			? { subscription: new GraphQLObjectType({ name: 'Subscription', fields: subscription }) }
			: {}),
	});
}

/**
 * Generates the SDL of a registry's GraphQL schema (`printSchema`), deterministic for the
 * same contracts.
 *
 * @example
 * writeFileSync('schema.graphql', generateSdl(registry));
 */
export function generateSdl(registry: ContractRegistry): string {
	return `${printSchema(createGraphqlSchema(registry))}\n`;
}

function acceptEvent(
	event: SubscribableEvent,
	envelope: EventEnvelope,
	principal: Principal | undefined,
): boolean {
	if (envelope.type !== event.key) return false;
	const version = envelope.eventversion;
	if (typeof version === 'string' && Number.parseInt(version, 10) !== event.major) return false;
	return eventVisibleTo(envelope, principal);
}

function tooLarge(budget: ResponseBudget): GraphQLError {
	return requestError(
		`the operations' results would exceed ${budget.limit} bytes; ask for fewer items`,
		'QUERY_TOO_COMPLEX',
		400,
	);
}

/** GraphQL requires a Query type; a registry without queries gets a `_empty` field. */
function placeholderQuery(): GraphQLFieldConfigMap<unknown, GraphqlContext> {
	return {
		_empty: {
			type: GraphQLString,
			description: 'The registry declares no queries.',
			resolve: () => null,
		},
	};
}

async function* emptyStream(): AsyncGenerator<never> {}

/** Decodes the `input` argument; a left-out input that may be omitted is `{}`. */
function decodeArgument(input: TypeNode, value: unknown, omittable: boolean): unknown {
	return value == null && omittable ? {} : decodeInput(input, value);
}
