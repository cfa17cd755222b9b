import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { linkedTempFolder } from '../../../../test-support/temp-folder.ts';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(REPO, 'packages/cli/bin/charter.js');
const folder = linkedTempFolder('charter-clean-clone-');
const clone = folder.dir;
afterAll(() => folder.remove());

/**
 * Lays out what a fresh clone has: the files git tracks, or would track (new files that are
 * not ignored), of the example and of the guides its docs site includes. Dependencies come
 * from the repository's node_modules, as `npm ci` would install them.
 */
function cloneExample(): string {
	const files = execFileSync(
		'git',
		[
			'ls-files',
			'-z',
			'--cached',
			'--others',
			'--exclude-standard',
			'--',
			'examples/workflow-system',
			'docs/guides',
		],
		{ cwd: REPO, encoding: 'utf8' },
	)
		.split('\0')
		.filter((file) => file !== '' && existsSync(join(REPO, file)));
	for (const file of files) {
		mkdirSync(dirname(join(clone, file)), { recursive: true });
		copyFileSync(join(REPO, file), join(clone, file));
	}
	return join(clone, 'examples/workflow-system');
}

describe('a clean clone of the example', () => {
	test('passes charter ci: the committed generated artifacts are current, the rest is ignored', async () => {
		const root = cloneExample();
		expect(existsSync(join(root, 'generated/openapi.json'))).toBe(true);
		expect(existsSync(join(root, 'generated/docs'))).toBe(false);
		const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
			execFile(
				process.execPath,
				[BIN, 'ci', '--format', 'json'],
				{ cwd: root, env: { ...process.env, NO_COLOR: '1' } },
				(error, stdout, stderr) =>
					resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
			);
		});
		expect(run.stderr).toBe('');
		const report = JSON.parse(run.stdout) as {
			status: string;
			snapshot: { status: string };
			drift: { checked: number; drifted: unknown[] };
		};
		expect(report).toMatchObject({ status: 'pass', snapshot: { status: 'fresh' } });
		expect(report.drift).toMatchObject({ checked: 2, drifted: [] });
		expect(run.code).toBe(0);
	}, 240_000);
});
