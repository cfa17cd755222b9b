import type { InputOf, OutputOf } from '@charter/spec';
import type { QueryClient, Updater } from '@tanstack/react-query';
import type { AnyOperation } from '../client/charter-client.ts';
import { contractKey, contractKeyPrefix, KEY_ROOT } from '../query/query-key.ts';
import { type CacheTargets, resourceOf } from './invalidation-rules.ts';

/** Typed reads and writes of cached query data, by contract and input. */
export interface ContractCache {
	/** Gives the cached data of a call, if any. */
	get<S extends AnyOperation>(contract: S, input: InputOf<S>): OutputOf<S> | undefined;
	/** Writes the data of a call (a value, or an updater of the cached value). */
	set<S extends AnyOperation>(
		contract: S,
		input: InputOf<S>,
		data: Updater<OutputOf<S> | undefined, OutputOf<S> | undefined>,
	): void;
	/** Marks a contract's cached calls stale (one input, or all), refetching the active ones. */
	invalidate<S extends AnyOperation>(contract: S, input?: InputOf<S>): Promise<void>;
}

/** Gives the typed cache of a QueryClient. */
export function contractCache(queryClient: QueryClient): ContractCache {
	return {
		get: (contract, input) => queryClient.getQueryData(contractKey(contract, input)),
		set(contract, input, data) {
			queryClient.setQueryData(contractKey(contract, input), data);
		},
		invalidate: (contract, input) =>
			queryClient.invalidateQueries({
				queryKey: input === undefined ? contractKeyPrefix(contract) : contractKey(contract, input),
			}),
	};
}

/** Invalidates the queries targets point at: contract keys, and every key of a resource. */
export function invalidateTargets(queryClient: QueryClient, targets: CacheTargets): Promise<void> {
	if (targets.keys.length === 0 && targets.resources.length === 0) return Promise.resolve();
	const keys = new Set(targets.keys);
	const resources = new Set(targets.resources);
	return queryClient.invalidateQueries({
		predicate: ({ queryKey }) => {
			if (queryKey[0] !== KEY_ROOT || typeof queryKey[1] !== 'string') return false;
			return keys.has(queryKey[1]) || resources.has(resourceOf(queryKey[1]));
		},
	});
}
