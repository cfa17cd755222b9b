import { isOperationSpec } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { partialMismatches, runExample } from './example-runner.ts';
import { workflowContracts } from './load-contracts.ts';

const contracts = await workflowContracts();
const cases = contracts
	.filter(isOperationSpec)
	.flatMap((spec) => spec.acceptance.examples.map((example) => ({ spec, example })));

describe('acceptance examples run through the executor', () => {
	it('cover every operation of the example', () => {
		expect(new Set(cases.map((c) => c.spec.meta.key)).size).toBe(27);
	});

	it.each(cases.map((c) => [`${c.spec.meta.key} ${c.example.key}`, c] as const))(
		'%s',
		async (_name, { spec, example }) => {
			const result = await runExample(contracts, spec, example);
			if (example.error !== undefined) {
				expect(result.ok ? 'a success' : result.problem.code).toBe(example.error);
				return;
			}
			if (!result.ok) throw new Error(`${result.problem.code}: ${result.problem.detail}`);
			expect(partialMismatches(example.output, result.output)).toEqual([]);
		},
	);
});
