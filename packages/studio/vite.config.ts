import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/*
 * Studio's app, built at package build time into dist/app and served by `charter serve` at
 * /studio. Asset URLs are relative, so Studio works wherever it is mounted.
 */
export default defineConfig({
	root: fileURLToPath(new URL('app', import.meta.url)),
	base: './',
	logLevel: 'warn',
	build: {
		outDir: fileURLToPath(new URL('dist/app', import.meta.url)),
		emptyOutDir: true,
		// Only module scripts: the page's CSP has no room for an inline script.
		modulePreload: { polyfill: false },
		rolldownOptions: {
			onwarn(warning, warn) {
				// TanStack Query marks its modules "use client" for React Server Components.
				if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
				warn(warning);
			},
		},
	},
});
