import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toOpenApi } from '@charter/rest';
import { describe, expect, it } from 'vitest';
import { workflowRegistry } from './load-contracts.ts';

interface LintProblem {
	readonly ruleId: string;
	readonly severity: string;
	readonly message: string;
	readonly location: readonly { readonly pointer: string }[];
}

describe("the example's OpenAPI document", () => {
	it('passes redocly lint with zero errors and zero example warnings', async () => {
		const doc = toOpenApi(await workflowRegistry(), { title: 'Workflow system', version: '1.0.0' });
		const dir = mkdtempSync(join(tmpdir(), 'charter-example-openapi-'));
		try {
			const file = join(dir, 'openapi.json');
			writeFileSync(file, JSON.stringify(doc));
			const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
			const run = await promisify(execFile)(
				process.execPath,
				[cli, 'lint', file, '--format=json', '--max-problems=100000'],
				{
					env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
					maxBuffer: 64 * 1024 * 1024,
				},
			).catch((error: { stdout: string }) => error);
			const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
				totals: { errors: number };
				problems: LintProblem[];
			};
			const examples = report.problems
				.filter((p) => /example/i.test(p.ruleId))
				.map((p) => `${p.location[0]?.pointer}: ${p.message}`);
			expect(report.totals.errors, JSON.stringify(report.problems, null, 1)).toBe(0);
			expect(examples).toEqual([]);
			// The document does carry examples: they were completed, not dropped.
			expect(JSON.stringify(doc)).toContain('"pause-maintenance"');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
