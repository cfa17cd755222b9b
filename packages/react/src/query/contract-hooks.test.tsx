// @vitest-environment happy-dom

import { useSuspenseQuery } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
	CompleteTaskContract,
	CreateTaskContract,
	GetTaskContract,
	ListTasksContract,
	TaskCompletedEvent,
} from '../../test/fixtures/tasks-contracts.ts';
import { charterHarness } from '../../test/render-with-charter.tsx';
import { ProblemError } from '../client/charter-client.ts';
import { isContractError } from '../client/contract-error.ts';
import { defineInvalidation, onEvents } from '../invalidation/invalidation-rules.ts';
import { useContractMutation, useContractQuery } from './contract-hooks.ts';
import { contractKey } from './query-key.ts';

afterEach(cleanup);

describe('useContractQuery', () => {
	it('reads a query contract over REST, cached under key, version and canonical input', async () => {
		const { wrapper, sent, queryClient } = charterHarness();
		const { result } = renderHook(() => useContractQuery(GetTaskContract, { id: 't1' }), {
			wrapper,
		});
		await waitFor(() => expect(result.current.isSuccess).toBe(true));
		expect(result.current.data).toEqual({
			id: 't1',
			title: 'Write tests',
			done: false,
			priority: 'HIGH',
		});
		expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
			'GET http://api.test/v1/tasks/task/get?id=t1',
		]);
		expect(sent[0]!.headers.get('authorization')).toBe('Bearer ada');
		expect(queryClient.getQueryData(['charter', 'tasks.task.get', '1.0.0', { id: 't1' }])).toEqual(
			result.current.data,
		);
	});

	it("a declared error is a ContractError whose code is the contract's", async () => {
		const { wrapper } = charterHarness();
		const { result } = renderHook(() => useContractQuery(GetTaskContract, { id: 'nope' }), {
			wrapper,
		});
		await waitFor(() => expect(result.current.isError).toBe(true));
		const error = result.current.error!;
		expect(error).toBeInstanceOf(ProblemError);
		expect(error.code).toBe('NOT_FOUND');
		expect(error.problem).toMatchObject({ status: 404, detail: 'no task nope' });
		expect(isContractError(error, GetTaskContract, 'NOT_FOUND')).toBe(true);
		expect(isContractError(error, GetTaskContract, 'UNAUTHENTICATED')).toBe(false);
	});

	it('a failed connection is a NETWORK_ERROR problem with the cause kept', async () => {
		const { wrapper, failNext } = charterHarness();
		failNext();
		const { result } = renderHook(() => useContractQuery(GetTaskContract, { id: 't1' }), {
			wrapper,
		});
		await waitFor(() => expect(result.current.isError).toBe(true));
		expect(result.current.error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
		expect((result.current.error as { cause?: unknown }).cause).toBeInstanceOf(TypeError);
	});

	it('leaving a page mid-request aborts it through the client signal', async () => {
		const { wrapper, sent, hold } = charterHarness();
		const release = hold();
		const { unmount } = renderHook(() => useContractQuery(ListTasksContract, {}), { wrapper });
		await waitFor(() => expect(sent).toHaveLength(1));
		expect(sent[0]!.signal?.aborted).toBe(false);
		unmount();
		await waitFor(() => expect(sent[0]!.signal?.aborted).toBe(true));
		release();
	});

	it('queryOptions serve prefetching and useSuspenseQuery with the same key', async () => {
		const { wrapper, charter, queryClient, sent } = charterHarness();
		const options = charter.suspenseQueryOptions(GetTaskContract, { id: 't1' });
		await queryClient.prefetchQuery(options);
		const { result } = renderHook(() => useSuspenseQuery(options), { wrapper });
		expect(result.current.data.title).toBe('Write tests');
		expect(sent).toHaveLength(1);
	});

	it('a command read as a query is refused with a message saying what to use', () => {
		const { charter } = charterHarness();
		expect(() => charter.queryOptions(CreateTaskContract, { title: 'x' })).toThrow(
			'tasks.task.create is a command: read it with a query contract, and send it with useContractMutation or mutationOptions',
		);
		expect(() => charter.mutationOptions(ListTasksContract)).toThrow(/is a query/);
	});
});

describe('useContractMutation', () => {
	it('sends one Idempotency-Key per call and invalidates the resource of its events by default', async () => {
		const { wrapper, sent } = charterHarness();
		const { result } = renderHook(
			() => ({
				list: useContractQuery(ListTasksContract, {}),
				create: useContractMutation(CreateTaskContract),
			}),
			{ wrapper },
		);
		await waitFor(() => expect(result.current.list.data?.items).toHaveLength(1));
		await act(() => result.current.create.mutateAsync({ title: 'Ship' }));
		await act(() => result.current.create.mutateAsync({ title: 'Ship' }));
		// tasks.task.created (no rule) makes every tasks.task.* query stale: the list refetched.
		expect(result.current.list.data?.items.map((t) => t.title)).toEqual([
			'Write tests',
			'Ship',
			'Ship',
		]);
		const posts = sent.filter((r) => r.method === 'POST');
		const keys = posts.map((r) => r.headers.get('idempotency-key'));
		expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
		expect(new Set(keys).size).toBe(2);
	});

	it('a retried call sends the same Idempotency-Key on every attempt', async () => {
		const { wrapper, sent, failNext } = charterHarness();
		const { result } = renderHook(
			() => useContractMutation(CreateTaskContract, { retry: 2, retryDelay: 0 }),
			{ wrapper },
		);
		failNext(2);
		const created = await act(() => result.current.mutateAsync({ title: 'Retry me' }));
		expect(created.title).toBe('Retry me');
		const keys = sent.map((r) => r.headers.get('idempotency-key'));
		expect(keys).toHaveLength(3);
		expect(new Set(keys).size).toBe(1);
	});

	it('a declared rule decides what an event invalidates, and an unmatched event nothing with fallback none', async () => {
		const invalidation = defineInvalidation(
			[onEvents([TaskCompletedEvent], { invalidate: [GetTaskContract] })],
			{ fallback: 'none' },
		);
		const { wrapper, queryClient } = charterHarness({ invalidation });
		const { result } = renderHook(
			() => ({
				task: useContractQuery(GetTaskContract, { id: 't1' }),
				list: useContractQuery(ListTasksContract, { done: false }),
				complete: useContractMutation(CompleteTaskContract),
				create: useContractMutation(CreateTaskContract),
			}),
			{ wrapper },
		);
		await waitFor(() =>
			expect(result.current.list.isSuccess && result.current.task.isSuccess).toBe(true),
		);
		await act(() => result.current.complete.mutateAsync({ id: 't1' }));
		expect(result.current.task.data?.done).toBe(true);
		const listKey = contractKey(ListTasksContract, { done: false });
		expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(false);
		expect(result.current.list.data?.items.map((t) => t.id)).toEqual(['t1']);
		await act(() => result.current.create.mutateAsync({ title: 'Nothing stale' }));
		expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(false);
	});

	it("a business failure is the contract's declared error, and the caller's onSuccess still runs after invalidation", async () => {
		const { wrapper } = charterHarness();
		const order: string[] = [];
		const { result } = renderHook(
			() =>
				useContractMutation(CompleteTaskContract, { onSuccess: () => void order.push('caller') }),
			{ wrapper },
		);
		await act(() => result.current.mutateAsync({ id: 't1' }));
		expect(order).toEqual(['caller']);
		const error = await act(() =>
			result.current.mutateAsync({ id: 't1' }).catch((e: unknown) => e),
		);
		expect(isContractError(error, CompleteTaskContract, 'ALREADY_DONE')).toBe(true);
		await waitFor(() => expect(result.current.error?.code).toBe('ALREADY_DONE'));
		expect(result.current.error?.status).toBe(409);
	});
});
