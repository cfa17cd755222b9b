import { toOpenApi } from '@charter/rest';
import { describe, expect, it } from 'vitest';
import { redoclyLint } from '../../../test-support/redocly-lint.ts';
import { workflowRegistry } from './load-contracts.ts';

describe("the example's OpenAPI document", () => {
	it('passes redocly lint with zero errors and zero example warnings', async () => {
		const doc = toOpenApi(await workflowRegistry(), { title: 'Workflow system', version: '1.0.0' });
		const report = await redoclyLint(doc);
		const examples = report.problems
			.filter((p) => /example/i.test(p.ruleId))
			.map((p) => `${p.location[0]?.pointer}: ${p.message}`);
		expect(report.totals.errors, JSON.stringify(report.problems, null, 1)).toBe(0);
		expect(examples).toEqual([]);
		// The document does carry examples: they were completed, not dropped.
		expect(JSON.stringify(doc)).toContain('"pause-maintenance"');
	}, 60_000);
});
