import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** One finding of `redocly lint`. */
export interface LintProblem {
	readonly ruleId: string;
	readonly severity: string;
	readonly message: string;
	readonly location: readonly { readonly pointer: string }[];
}

/** Runs `redocly lint` (its recommended rules) on an OpenAPI document and gives its report. */
export async function redoclyLint(
	doc: unknown,
): Promise<{ totals: { errors: number; warnings: number }; problems: LintProblem[] }> {
	const dir = mkdtempSync(join(tmpdir(), 'charter-openapi-'));
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
		return JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
