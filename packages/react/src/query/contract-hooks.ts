import type { InputOf, OutputOf } from '@charter/spec';
import {
	type SkipToken,
	type UseMutationResult,
	type UseQueryResult,
	type UseSuspenseQueryResult,
	useMutation,
	useQuery,
	useSuspenseQuery,
} from '@tanstack/react-query';
import type { AnyOperation } from '../client/charter-client.ts';
import type { ContractError } from '../client/contract-error.ts';
import { useCharter } from '../provider/charter-provider.tsx';
import type { MutationExtras, QueryExtras } from './charter-queries.ts';

/**
 * Reads a query contract through TanStack Query: data and error typed from the contract, cached
 * by key, version and canonical input, cancelled through the client's abort signal.
 *
 * @example
 * const { data, error } = useContractQuery(GetInstanceContract, { instanceId });
 * if (error?.code === 'NOT_FOUND') return <p>Gone</p>;
 */
export function useContractQuery<S extends AnyOperation, TData = OutputOf<S>>(
	contract: S,
	input: InputOf<S> | SkipToken,
	options?: QueryExtras<S, TData>,
): UseQueryResult<TData, ContractError<S>> {
	return useQuery(useCharter().queryOptions(contract, input, options));
}

/** Reads a query contract with `useSuspenseQuery`: data is always defined. */
export function useContractSuspenseQuery<S extends AnyOperation, TData = OutputOf<S>>(
	contract: S,
	input: InputOf<S>,
	options?: Omit<QueryExtras<S, TData>, 'enabled' | 'placeholderData' | 'throwOnError'>,
): UseSuspenseQueryResult<TData, ContractError<S>> {
	return useSuspenseQuery(useCharter().suspenseQueryOptions(contract, input, options));
}

/**
 * Sends a command through TanStack Query: variables are the contract's input, one
 * `Idempotency-Key` per `mutate` call (kept across retries), and on success the queries its
 * declared events affect are invalidated.
 *
 * @example
 * const pause = useContractMutation(PauseWorkflowContract);
 * pause.mutate({ instanceId, reason: 'maintenance' });
 */
export function useContractMutation<S extends AnyOperation, TContext = unknown>(
	contract: S,
	options?: MutationExtras<S, TContext>,
): UseMutationResult<OutputOf<S>, ContractError<S>, InputOf<S>, TContext> {
	return useMutation(useCharter().mutationOptions(contract, options));
}
