import { defineConfig } from '@charter/cli';

export default defineConfig({
	title: 'Workflow system',
	contracts: ['src/**/*.operations.ts', 'src/**/*.events.ts', 'src/**/*.feature.ts'],
	handlers: 'src/handlers.ts',
	// Charter's own guides, so the example's docs site is the whole manual.
	guides: '../../docs/guides',
});
