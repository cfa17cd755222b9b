/*
 * Type-level tests, checked by `npm run typecheck` (tsc), never run: data, variables and errors
 * are inferred from the contracts, and a wrong input does not compile.
 */
import type { QueryClient } from '@tanstack/react-query';
import { expectTypeOf } from 'vitest';
import {
	CompleteTaskContract,
	CreateTaskContract,
	GetTaskContract,
	ListTasksContract,
	TaskCompletedEvent,
} from '../test/fixtures/tasks-contracts.ts';
import type { ContractErrorCode } from './client/contract-error.ts';
import { useContractForm } from './form/use-contract-form.ts';
import { onEvents } from './invalidation/invalidation-rules.ts';
import type { CharterQueries } from './query/charter-queries.ts';
import { useContractMutation, useContractQuery } from './query/contract-hooks.ts';

type Task = { id: string; title: string; done: boolean; priority: 'LOW' | 'HIGH' | 'URGENT' };

export function useQueryTypes() {
	const { data, error } = useContractQuery(GetTaskContract, { id: 't1' });
	expectTypeOf(data).toEqualTypeOf<Task | undefined>();
	expectTypeOf(error!.code).toEqualTypeOf<ContractErrorCode<typeof GetTaskContract>>();
	expectTypeOf<'NOT_FOUND'>().toExtend<ContractErrorCode<typeof GetTaskContract>>();
	// A code the contract does not declare and the runtime never sends is not a code.
	expectTypeOf<'ALREADY_DONE'>().not.toExtend<ContractErrorCode<typeof GetTaskContract>>();
	// @ts-expect-error `id` is a string
	useContractQuery(GetTaskContract, { id: 1 });
	// @ts-expect-error `id` is required
	useContractQuery(GetTaskContract, {});
	// @ts-expect-error `priority` is one of the enum's values
	useContractQuery(ListTasksContract, { priority: 'SOON' });
	const selected = useContractQuery(ListTasksContract, {}, { select: (page) => page.items.length });
	expectTypeOf(selected.data).toEqualTypeOf<number | undefined>();
}

export function useMutationTypes() {
	const complete = useContractMutation(CompleteTaskContract);
	expectTypeOf(complete.mutate).parameter(0).toEqualTypeOf<{ id: string }>();
	expectTypeOf(complete.data).toEqualTypeOf<Task | undefined>();
	expectTypeOf<'ALREADY_DONE' | 'NOT_FOUND'>().toExtend<
		NonNullable<typeof complete.error>['code']
	>();
	const create = useContractMutation(CreateTaskContract);
	// @ts-expect-error `title` is required
	create.mutate({ priority: 'LOW' });
	// @ts-expect-error `priority` is one of the enum's values
	create.mutate({ title: 'x', priority: 'SOON' });
}

export function optionsTypes(charter: CharterQueries, queryClient: QueryClient) {
	const options = charter.queryOptions(GetTaskContract, { id: 't1' });
	// The key is tagged: the cache knows the data type.
	expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<Task | undefined>();
	const mutation = charter.mutationOptions(CompleteTaskContract);
	expectTypeOf(mutation.mutationFn).parameter(0).toEqualTypeOf<{ id: string }>();
	// @ts-expect-error the input is typed from the contract
	charter.queryOptions(GetTaskContract, { key: 't1' });
}

export function useRuleAndFormTypes() {
	onEvents([TaskCompletedEvent], {
		update: (payload, cache) => {
			expectTypeOf(payload).toEqualTypeOf<Task>();
			cache.set(GetTaskContract, { id: payload.id }, payload);
			// @ts-expect-error the cached data must match the contract's output
			cache.set(GetTaskContract, { id: payload.id }, { id: payload.id });
		},
	});
	const form = useContractForm(CreateTaskContract, { defaultValues: { title: 'x' } });
	expectTypeOf(form.getValues().title).toEqualTypeOf<string>();
	// @ts-expect-error defaults are typed from the input
	useContractForm(CreateTaskContract, { defaultValues: { title: 1 } });
}
