import type { InputOf, OutputOf } from '@charter/spec';
import {
	type DataTag,
	type MutationFunctionContext,
	type QueryClient,
	type SkipToken,
	skipToken,
	type UseMutationOptions,
	type UseQueryOptions,
	type UseSuspenseQueryOptions,
} from '@tanstack/react-query';
import type { AnyOperation, Client } from '../client/charter-client.ts';
import { type ContractError, toContractError } from '../client/contract-error.ts';

const rethrow = (error: unknown): never => {
	throw toContractError(error);
};

import {
	type ContractCache,
	contractCache,
	invalidateTargets,
} from '../invalidation/contract-cache.ts';
import { defineInvalidation, type Invalidation } from '../invalidation/invalidation-rules.ts';
import type { LiveOptions } from '../live/live-options.ts';
import { idempotencyKeyFor } from './idempotency-key.ts';
import { type ContractQueryKey, contractKey, KEY_ROOT } from './query-key.ts';

/** TanStack Query retries (its `retry` option); the client's own retries would multiply them. */
const ONE_ATTEMPT = { retry: false } as const;

/** A typed client of any contracts (`createClient(contracts, options)`). */
export type AnyClient = Pick<Client<readonly AnyOperation[]>, 'call'>;

/** The query key of a contract's call, tagged with its data and error types. */
export type TaggedQueryKey<S> = DataTag<ContractQueryKey, OutputOf<S>, ContractError<S>>;

/** Query options of a contract's call, for `useQuery`, `prefetchQuery`, `ensureQueryData`... */
export type ContractQueryOptions<S, TData = OutputOf<S>> = UseQueryOptions<
	OutputOf<S>,
	ContractError<S>,
	TData,
	ContractQueryKey
> & { readonly queryKey: TaggedQueryKey<S> };

/** Suspense query options of a contract's call, for `useSuspenseQuery`. */
export type ContractSuspenseQueryOptions<S, TData = OutputOf<S>> = UseSuspenseQueryOptions<
	OutputOf<S>,
	ContractError<S>,
	TData,
	ContractQueryKey
> & { readonly queryKey: TaggedQueryKey<S> };

/** Options a caller may add to a query (everything but the key and the function). */
export type QueryExtras<S, TData> = Omit<
	UseQueryOptions<OutputOf<S>, ContractError<S>, TData, ContractQueryKey>,
	'queryKey' | 'queryFn'
>;

/** Mutation options of a command, for `useMutation`. */
export type ContractMutationOptions<S, TContext = unknown> = UseMutationOptions<
	OutputOf<S>,
	ContractError<S>,
	InputOf<S>,
	TContext
>;

/** Options a caller may add to a mutation (everything but the key and the function). */
export type MutationExtras<S, TContext = unknown> = Omit<
	ContractMutationOptions<S, TContext>,
	'mutationKey' | 'mutationFn'
>;

/** How @charter/react reaches the API and keeps the cache true. */
export interface CharterQueriesOptions {
	/** What commands and live events make stale; `defineInvalidation()` (resource fallback) by default. */
	readonly invalidation?: Invalidation;
	/** Where live events come from (GraphQL subscriptions over SSE). */
	readonly live?: LiveOptions;
}

/** Query and mutation option factories from contracts, bound to one client and one invalidation. */
export interface CharterQueries {
	readonly client: AnyClient;
	readonly invalidation: Invalidation;
	readonly live: LiveOptions | undefined;
	/** Gives the query options of a call; `skipToken` as input disables it. */
	queryOptions<S extends AnyOperation, TData = OutputOf<S>>(
		contract: S,
		input: InputOf<S> | SkipToken,
		options?: QueryExtras<S, TData>,
	): ContractQueryOptions<S, TData>;
	/** Gives the options of a call for `useSuspenseQuery` (no `enabled`, no `skipToken`). */
	suspenseQueryOptions<S extends AnyOperation, TData = OutputOf<S>>(
		contract: S,
		input: InputOf<S>,
		options?: Omit<QueryExtras<S, TData>, 'enabled' | 'placeholderData' | 'throwOnError'>,
	): ContractSuspenseQueryOptions<S, TData>;
	/** Gives the mutation options of a command: idempotency key per call, invalidation on success. */
	mutationOptions<S extends AnyOperation, TContext = unknown>(
		contract: S,
		options?: MutationExtras<S, TContext>,
	): ContractMutationOptions<S, TContext>;
	/** Gives the typed cache of a QueryClient. */
	cache(queryClient: QueryClient): ContractCache;
}

/**
 * Creates the query and mutation option factories for a typed client. Works without React
 * (prefetching, SSR loaders, routers); the hooks use the same factories through `CharterProvider`.
 *
 * @example
 * const charter = createCharterQueries(createClient(contracts, { baseUrl: '' }));
 * await queryClient.prefetchQuery(charter.queryOptions(GetInstanceContract, { instanceId }));
 */
export function createCharterQueries(
	client: AnyClient,
	options: CharterQueriesOptions = {},
): CharterQueries {
	const invalidation = options.invalidation ?? defineInvalidation();

	function queryOptions(
		contract: AnyOperation,
		input: unknown,
		extras: Record<string, unknown> = {},
	): any {
		assertQuery(contract);
		const queryKey = contractKey(contract, input === skipToken ? null : input);
		const queryFn =
			input === skipToken
				? skipToken
				: ({ signal }: { signal: AbortSignal }) =>
						client.call(contract, input, { signal, ...ONE_ATTEMPT }).catch(rethrow);
		return { ...extras, queryKey, queryFn };
	}

	return {
		client,
		invalidation,
		live: options.live,
		queryOptions,
		suspenseQueryOptions: queryOptions,
		mutationOptions(contract: AnyOperation, extras: MutationExtras<any, any> = {}): any {
			assertCommand(contract);
			const targets = invalidation.targetsOfCommand(contract);
			const { onSuccess } = extras;
			return {
				...extras,
				mutationKey: [KEY_ROOT, contract.meta.key, contract.meta.version],
				mutationFn: (input: unknown) =>
					client
						.call(contract, input, { idempotencyKey: idempotencyKeyFor(input), ...ONE_ATTEMPT })
						.catch(rethrow),
				// Returning the promise keeps the mutation pending until the stale queries refetched.
				onSuccess: async (
					data: unknown,
					variables: unknown,
					result: unknown,
					context: MutationFunctionContext,
				) => {
					await invalidateTargets(context.client, targets);
					await onSuccess?.(data, variables, result, context);
				},
			};
		},
		cache: contractCache,
	};
}

function assertQuery(contract: AnyOperation): void {
	if (contract.kind !== 'query')
		throw new TypeError(
			`${contract.meta.key} is a command: read it with a query contract, and send it with useContractMutation or mutationOptions`,
		);
}

function assertCommand(contract: AnyOperation): void {
	if (contract.kind !== 'command')
		throw new TypeError(
			`${contract.meta.key} is a query: read it with useContractQuery or queryOptions, not as a mutation`,
		);
}
