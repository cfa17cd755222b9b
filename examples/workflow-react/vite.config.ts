import { defineConfig } from 'vite';

/** Where `charter serve` of the workflow-system example runs (`npm start` at the repo root). */
const api = process.env.CHARTER_API ?? 'http://127.0.0.1:3000';
// REST and GraphQL (with its SSE subscriptions) stay on the page's origin: no CORS.
const proxy = { '/v1': api, '/graphql': api };

export default defineConfig({
	server: { proxy },
	preview: { proxy },
	build: {
		rolldownOptions: {
			onwarn(warning, warn) {
				// TanStack Query marks its modules "use client" for React Server Components; a
				// client bundle has no use for the directive.
				if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
				warn(warning);
			},
		},
	},
});
