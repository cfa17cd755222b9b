import { defineConfig, type ProxyOptions } from 'vite';

/** Where `charter serve` of the workflow-system example runs (`npm start` at the repo root). */
const api = process.env.CHARTER_API ?? 'http://127.0.0.1:3000';
/**
 * REST and GraphQL (with its SSE subscriptions) stay on the page's origin: no CORS. The proxy
 * sends the API's own Host, so it sends the API's own Origin too: `charter serve` refuses a
 * foreign Origin (DNS rebinding, cross-site calls), and this page's origin is Vite's.
 */
const target: ProxyOptions = {
	target: api,
	changeOrigin: true,
	configure: (proxy) =>
		proxy.on('proxyReq', (request) => {
			if (request.getHeader('origin') !== undefined)
				request.setHeader('origin', new URL(api).origin);
		}),
};
const proxy = { '/v1': target, '/graphql': target };

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
