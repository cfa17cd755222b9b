import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: [
			'packages/*/src/**/*.test.{ts,tsx}',
			'packages/*/test/**/*.test.{ts,tsx}',
			'examples/*/src/**/*.test.{ts,tsx}',
			'examples/*/test/**/*.test.{ts,tsx}',
		],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		reporters: ['default', './test-support/summary-reporter.ts'],
	},
});
