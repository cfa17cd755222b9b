import { defineConfig } from '@charter/cli';

export default defineConfig({
	title: 'Workflow system',
	contracts: ['src/**/*.operations.ts', 'src/**/*.events.ts', 'src/**/*.feature.ts'],
	handlers: 'src/handlers.ts',
});
