import { runExample } from '@charter/cli';

import { describe, expect, it } from 'vitest';
import app from '../src/handlers.ts';
import { workflowRegistry } from './load-contracts.ts';

// The same runner as `charter test`: fresh stores (SQLite in memory: the app declares tables),
// fixed clock, sequential ids, fixtures.
const registry = await workflowRegistry();
const cases = registry
	.operations()
	.flatMap(({ spec }) => spec.acceptance.examples.map((example) => ({ spec, example })));

describe('acceptance examples run through the executor', () => {
	it('cover every operation of the example', () => {
		expect(new Set(cases.map((c) => c.spec.meta.key)).size).toBe(27);
	});

	it.each(cases.map((c) => [`${c.spec.meta.key} ${c.example.key}`, c] as const))(
		'%s',
		async (_name, { spec, example }) => {
			const report = await runExample(registry, app, spec, example);
			expect(report, report.reason).toMatchObject({ passed: true });
			expect(report.mismatches ?? []).toEqual([]);
		},
	);
});
