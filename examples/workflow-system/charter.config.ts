import { defineConfig } from '@charter/cli';

export default defineConfig({
	title: 'Workflow system',
	contracts: ['src/**/*.operations.ts', 'src/**/*.events.ts', 'src/**/*.feature.ts'],
	handlers: 'src/handlers.ts',
	// Kept in git and compared by `charter ci`; the client SDK and the docs site are build output.
	committed: ['openapi', 'graphql'],
	// Charter's own guides, so the example's docs site is the whole manual.
	guides: '../../docs/guides',
});
