import { createContext, type ReactNode, useContext } from 'react';
import type { CharterQueries } from '../query/charter-queries.ts';

const CharterContext = createContext<CharterQueries | undefined>(undefined);

/**
 * Makes a `createCharterQueries(...)` available to the hooks below it. Put it inside TanStack
 * Query's `QueryClientProvider`.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <CharterProvider value={charter}><App /></CharterProvider>
 * </QueryClientProvider>
 */
export function CharterProvider(props: { value: CharterQueries; children?: ReactNode }) {
	return <CharterContext.Provider value={props.value}>{props.children}</CharterContext.Provider>;
}

/** Gives the CharterQueries of the nearest CharterProvider; throws when there is none. */
export function useCharter(): CharterQueries {
	const charter = useContext(CharterContext);
	if (!charter)
		throw new Error(
			'no CharterProvider above this component: wrap the app in <CharterProvider value={createCharterQueries(client)}>',
		);
	return charter;
}
