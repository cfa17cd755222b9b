import '@charter/react/form.css';
import './app.css';
import { CharterProvider } from '@charter/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { charter } from './charter.ts';

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });

createRoot(document.getElementById('root')!).render(
	<StrictMode>
		<QueryClientProvider client={queryClient}>
			<CharterProvider value={charter}>
				<App />
			</CharterProvider>
		</QueryClientProvider>
	</StrictMode>,
);
