import '@charter/react/form.css';
import './app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { SessionProvider } from './session.tsx';
import { applyTheme, storedTheme } from './theme.ts';

applyTheme(storedTheme());
const queryClient = new QueryClient({
	defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
	<StrictMode>
		<QueryClientProvider client={queryClient}>
			<SessionProvider>
				<App />
			</SessionProvider>
		</QueryClientProvider>
	</StrictMode>,
);
