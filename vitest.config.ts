import { defaultClientConditions, defaultServerConditions } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests run Charter's TypeScript sources, never a stale build: every package's `exports` has a
// `@charter/source` condition first (docs/adr/0003). Vite resolves with it here, and a process
// a test spawns (the `charter` bin, a server) gets it through NODE_OPTIONS; the bin loads tsx.
const SOURCE = '@charter/source';
const NODE_OPTIONS = [process.env.NODE_OPTIONS, `--conditions=${SOURCE}`].filter(Boolean).join(' ');

// Where tests live: beside the code (`src/**`) and in each package's or example's `test/`.
const ALL = [
	'packages/*/src/**/*.test.{ts,tsx}',
	'packages/*/test/**/*.test.{ts,tsx}',
	'examples/*/src/**/*.test.{ts,tsx}',
	'examples/*/test/**/*.test.{ts,tsx}',
	'test/**/*.test.ts',
];

// The named suites; every other test is a unit test. A file belongs to the first suite
// whose globs match it.
const BROWSER = ['**/*.browser.test.{ts,tsx}'];
const DURABLE = [
	'packages/*/test/durable/**/*.test.ts',
	'packages/sql/test/**/*.test.ts',
	'packages/nats/test/**/*.test.ts',
	'packages/cli/test/multi-node/**/*.test.ts',
	'examples/workflow-system/test/postgres-concurrency.test.ts',
	'examples/workflow-system/test/workflow-repository.test.ts',
];
const E2E = [
	'**/test/e2e/**/*.test.ts',
	'packages/cli/test/*.test.ts',
	'examples/workflow-system/test/docs/docs-snippets.test.ts',
	'test/**/*.test.ts',
];

const exclude = (...groups: string[][]) => [...configDefaults.exclude, ...groups.flat()];

/**
 * `vitest run` (what `npm test` calls) runs every project; `--project unit` is the fast
 * default while working, and `durable` (PostgreSQL, NATS, SQLite files), `browser`
 * (Chromium) and `e2e` (CLI processes, servers, packed tarballs) run by name.
 */
export default defineConfig({
	resolve: { conditions: [SOURCE, ...defaultClientConditions] },
	// Vitest hands these conditions to Node for the packages it does not transform; without
	// `module`, as Node itself resolves (OpenTelemetry's `module` builds do not load in Node).
	ssr: {
		resolve: { conditions: [SOURCE, ...defaultServerConditions.filter((c) => c !== 'module')] },
	},
	test: {
		env: { NODE_OPTIONS },
		testTimeout: 30_000,
		hookTimeout: 60_000,
		reporters: ['default', './test-support/summary-reporter.ts'],
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ALL, exclude: exclude(BROWSER, DURABLE, E2E) },
			},
			{ extends: true, test: { name: 'durable', include: DURABLE, exclude: exclude(BROWSER) } },
			{ extends: true, test: { name: 'browser', include: BROWSER } },
			{ extends: true, test: { name: 'e2e', include: E2E, exclude: exclude(BROWSER, DURABLE) } },
		],
	},
});
