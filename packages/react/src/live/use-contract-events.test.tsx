// @vitest-environment happy-dom
import { createGraphqlHandler } from '@charter/graphql';
import { createFetchHandler } from '@charter/rest';
import { bearerTokenProvider } from '@charter/runtime';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTasksExecutor, TOKEN, tasksRegistry } from '../../test/fixtures/tasks-api.ts';
import {
	CompleteTaskContract,
	GetTaskContract,
	ListTasksContract,
	TASK_CONTRACTS,
	TaskCompletedEvent,
	TaskCreatedEvent,
} from '../../test/fixtures/tasks-contracts.ts';
import { createClient } from '../client/charter-client.ts';
import { defineInvalidation, onEvents } from '../invalidation/invalidation-rules.ts';
import { CharterProvider } from '../provider/charter-provider.tsx';
import { createCharterQueries } from '../query/charter-queries.ts';
import { useContractQuery } from '../query/contract-hooks.ts';
import { useContractEvents } from './use-contract-events.ts';

afterEach(cleanup);

/** REST and GraphQL of one executor, in this process; `gets` counts the REST reads. */
function liveHarness() {
	const executor = createTasksExecutor();
	const rest = createFetchHandler(executor);
	const graphql = createGraphqlHandler(tasksRegistry(), {
		executor,
		events: executor.bus,
		context: bearerTokenProvider({ tokens: { [TOKEN]: { id: 'u1', tenant: 'a' } } }),
	});
	const gets: string[] = [];
	const client = createClient(TASK_CONTRACTS, {
		baseUrl: 'http://api.test',
		token: TOKEN,
		fetch: async (url, init) => {
			const request = new Request(String(url), init);
			if (request.method === 'GET') gets.push(new URL(request.url).pathname);
			return rest(request);
		},
	});
	const invalidation = defineInvalidation(
		[
			onEvents([TaskCompletedEvent], {
				update: (task, cache) => cache.set(GetTaskContract, { id: task.id }, task),
				invalidate: [ListTasksContract],
			}),
		],
		{ fallback: 'none' },
	);
	const charter = createCharterQueries(client, {
		invalidation,
		live: {
			url: 'http://api.test/graphql',
			headers: { authorization: `Bearer ${TOKEN}` },
			fetch: (input, init) => graphql.fetch(new Request(String(input), init)),
		},
	});
	const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
	const wrapper = ({ children }: { children: ReactNode }) => (
		<QueryClientProvider client={queryClient}>
			<CharterProvider value={charter}>{children}</CharterProvider>
		</QueryClientProvider>
	);
	return { wrapper, client, gets };
}

describe('useContractEvents', () => {
	it("writes each event's payload into the cache by its rule and refetches what it invalidates", async () => {
		const { wrapper, client, gets } = liveHarness();
		const { result, unmount } = renderHook(
			() => ({
				task: useContractQuery(GetTaskContract, { id: 't1' }),
				list: useContractQuery(ListTasksContract, {}),
				live: useContractEvents([TaskCompletedEvent, TaskCreatedEvent]),
			}),
			{ wrapper },
		);
		await waitFor(() => expect(result.current.live.status).toBe('live'));
		await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
		expect(gets.sort()).toEqual(['/v1/tasks/task/get', '/v1/tasks/task/list']);
		// Another client completes the task: the event reaches this page.
		await client.call(CompleteTaskContract, { id: 't1' }, { idempotencyKey: 'other-tab' });
		await waitFor(() => expect(result.current.task.data?.done).toBe(true));
		await waitFor(() => expect(result.current.list.data?.items[0]?.done).toBe(true));
		// The task came from the payload (no second GET of it); the list was refetched.
		expect(gets.filter((path) => path === '/v1/tasks/task/get')).toHaveLength(1);
		expect(gets.filter((path) => path === '/v1/tasks/task/list')).toHaveLength(2);
		unmount();
	});
});
