import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CharterProvider } from '../src/provider/charter-provider.tsx';
import { type CharterQueriesOptions, createCharterQueries } from '../src/query/charter-queries.ts';
import { createTasksClient } from './fixtures/tasks-client.ts';

/** A QueryClient, CharterQueries over the in-process task API, and the wrapper providing both. */
export function charterHarness(options: CharterQueriesOptions = {}) {
	const api = createTasksClient();
	const queryClient = new QueryClient({
		defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
	});
	const charter = createCharterQueries(api.client, options);
	const wrapper = ({ children }: { children: ReactNode }) => (
		<QueryClientProvider client={queryClient}>
			<CharterProvider value={charter}>{children}</CharterProvider>
		</QueryClientProvider>
	);
	return { ...api, queryClient, charter, wrapper };
}
