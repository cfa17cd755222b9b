import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { API, type DemoPrincipal, type StudioSession } from '../../src/api/studio-api.ts';
import { StudioError, studioFetch } from './studio-client.ts';

const STORAGE_KEY = 'charter-studio-token';

interface SessionState {
	readonly token: string | undefined;
	readonly signIn: (token: string) => void;
	readonly signOut: () => void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Keeps the viewer's bearer token for the tab (sessionStorage), never in a cookie or the URL. */
export function SessionProvider(props: { readonly children: ReactNode }) {
	const [token, setToken] = useState(() => sessionStorage.getItem(STORAGE_KEY) ?? undefined);
	const state: SessionState = {
		token,
		signIn: (next) => {
			sessionStorage.setItem(STORAGE_KEY, next);
			setToken(next);
		},
		signOut: () => {
			sessionStorage.removeItem(STORAGE_KEY);
			setToken(undefined);
		},
	};
	return <SessionContext.Provider value={state}>{props.children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
	const state = useContext(SessionContext);
	if (!state) throw new Error('useSessionState outside <SessionProvider>');
	return state;
}

/** The server's view of the viewer: who they are, or the refusal (401, 403). */
export function useStudioSession() {
	const { token } = useSessionState();
	return useQuery<StudioSession, StudioError>({
		queryKey: ['studio', 'session', token],
		queryFn: ({ signal }) => studioFetch(API.session, token, { signal }),
		enabled: token !== undefined,
		retry: (count, error) => !(error instanceof StudioError) && count < 2,
		staleTime: Number.POSITIVE_INFINITY,
	});
}

/** The dev principals the server offers (none in production). */
export function useDemoPrincipals() {
	return useQuery<DemoPrincipal[]>({
		queryKey: ['studio', 'demo-principals'],
		queryFn: ({ signal }) => studioFetch(API.demoPrincipals, undefined, { signal }),
		staleTime: Number.POSITIVE_INFINITY,
	});
}
