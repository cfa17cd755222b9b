import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { createOutput } from '../output/output.ts';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/workflow-system', import.meta.url));
const PAUSE = 'operations/workflow.instance.pause@1.0.0.html';
const temps: string[] = [];
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function charter(...args: string[]) {
	let stdout = '';
	let stderr = '';
	const out = createOutput(
		{
			stdout: { write: (t: string) => (stdout += t) },
			stderr: { write: (t: string) => (stderr += t) },
		},
		{ NO_COLOR: '1' },
	);
	const code = await main(args, out, EXAMPLE);
	return { code, stdout, stderr };
}

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'charter-generate-docs-'));
	temps.push(dir);
	return dir;
}

describe('charter generate docs', () => {
	it('writes the site, then --check says it is current', async () => {
		const dir = tempDir();
		const run = await charter('generate', 'docs', '--out', dir, '--json');
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({ generated: [{ target: 'docs', removed: [] }] });
		expect(readFileSync(join(dir, PAUSE), 'utf8')).toContain('<h1>workflow.instance.pause</h1>');
		expect(existsSync(join(dir, 'index.html'))).toBe(true);
		expect(existsSync(join(dir, PAUSE.replace('.html', '.md')))).toBe(true);
		expect(existsSync(join(dir, 'guides/getting-started/first-service.html'))).toBe(true);
		expect(existsSync(join(dir, 'llms.txt'))).toBe(true);
		expect(await charter('generate', 'docs', '--out', dir, '--check')).toMatchObject({ code: 0 });
	});

	it('--check exits 1 and names the files that differ', async () => {
		const dir = tempDir();
		await charter('generate', 'docs', '--out', dir);
		writeFileSync(join(dir, PAUSE), 'edited by hand');
		const run = await charter('generate', 'docs', '--out', dir, '--check', '--json');
		expect(run.code).toBe(1);
		const report = JSON.parse(run.stdout) as { status: string; drifted: { path: string }[] };
		expect(report.status).toBe('drift');
		expect(report.drifted.map((d) => d.path)).toEqual([
			expect.stringMatching(new RegExp(`${PAUSE.replaceAll('.', '\\.')}$`)),
		]);
	});

	it('removes pages of contracts that are gone when regenerating', async () => {
		const dir = tempDir();
		await charter('generate', 'docs', '--out', dir);
		const manifest = join(dir, '.charter-docs.json');
		const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
		writeFileSync(join(dir, 'operations/workflow.instance.gone@1.0.0.html'), 'old page');
		writeFileSync(
			manifest,
			JSON.stringify({ files: [...listed.files, 'operations/workflow.instance.gone@1.0.0.html'] }),
		);
		const run = await charter('generate', 'docs', '--out', dir);
		expect(run.stdout).toContain('removed 1 stale');
		expect(existsSync(join(dir, 'operations/workflow.instance.gone@1.0.0.html'))).toBe(false);
		expect(existsSync(join(dir, PAUSE))).toBe(true);
	});

	it('an unknown target, or --out with several targets, is a usage error', async () => {
		const [several, unknown] = [
			await charter('generate', 'docs', 'openapi', '--out', tempDir()),
			await charter('generate', 'pdf'),
		];
		expect(several.code).toBe(2);
		expect(several.stderr).toContain('--out needs exactly one target');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('unknown target "pdf"');
	});
});

describe('charter docs', () => {
	it('serves the site at /docs until it is stopped', async () => {
		const bin = fileURLToPath(new URL('../../bin/charter.js', import.meta.url));
		const child = spawn(process.execPath, [bin, 'docs', '--port', '0'], {
			cwd: EXAMPLE,
			env: { ...process.env, NO_COLOR: '1' },
		});
		try {
			const url = await new Promise<string>((resolve, reject) => {
				let seen = '';
				child.stdout.on('data', (chunk: Buffer) => {
					seen += chunk.toString();
					const match = /docs at (http:\/\/\S+)/.exec(seen);
					if (match) resolve(match[1]!);
				});
				child.once('exit', (code) =>
					reject(new Error(`charter docs exited with ${code}: ${seen}`)),
				);
			});
			const page = await fetch(new URL('operations/workflow.instance.pause@1.0.0.html', url));
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('<h1>workflow.instance.pause</h1>');
			const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});

	it('rejects a port that is not a number', async () => {
		const run = await charter('docs', '--port', 'eighty');
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('--port eighty is not a port number');
	});
});

describe('charter generate openapi, graphql and client', () => {
	it('writes each artifact into the folder, then --check finds them current', async () => {
		const dir = tempDir();
		for (const target of ['openapi', 'graphql', 'client']) {
			const run = await charter('generate', target, '--out', dir);
			expect(run.code).toBe(0);
		}
		const openapi = JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8')) as {
			openapi: string;
			paths: object;
		};
		expect(openapi.openapi).toBe('3.1.0');
		expect(Object.keys(openapi.paths)).toContain('/v1/workflow/instance/pause');
		expect(readFileSync(join(dir, 'schema.graphql'), 'utf8')).toContain('workflowInstancePause(');
		expect(readFileSync(join(dir, 'client.ts'), 'utf8')).toContain(
			'workflowInstancePause: (input: PauseResumeInput',
		);
		expect(await charter('generate', 'client', '--out', dir, '--check')).toMatchObject({
			code: 0,
		});
		writeFileSync(join(dir, 'client.ts'), '// edited');
		expect(await charter('generate', 'client', '--out', dir, '--check')).toMatchObject({
			code: 1,
		});
	});
});
