import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importedConfigSource, progressWriter } from '../src/commands/openapi.ts';

// The real `charter` bin in a child process, in a project inside the repo (gitignored .tmp)
// so the generated contracts resolve `@charter/*`.
const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../bin/charter.js');
const TMP = join(here, '.tmp', `openapi-${randomUUID()}`);
const require = createRequire(import.meta.url);
const examples = dirname(require.resolve('@readme/oas-examples/package.json'));

interface Run {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

function charter(cwd: string, ...args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[BIN, ...args],
			{ cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
				resolve({ code, stdout, stderr });
			},
		);
	});
}

beforeAll(() => {
	mkdirSync(TMP, { recursive: true });
	writeFileSync(
		join(TMP, 'charter.config.ts'),
		"import { defineConfig } from '@charter/cli';\n\nexport default defineConfig({ contracts: ['contracts/**/*.operations.ts'] });\n",
	);
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('charter openapi import', () => {
	test('imports Petstore 3.1 (YAML), prints the report, and the contracts pass charter check', async () => {
		const file = join(examples, '3.1/yaml/petstore.yaml');
		const run = await charter(TMP, 'openapi', 'import', file, '--out', 'contracts');
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(
			'imported 20 operations and 8 models into contracts: 9 files written',
		);
		// Petstore's api_key header parameter is read from the header now: not in the report.
		expect(run.stdout).not.toContain('#/paths/~1pet~1{petId}/delete/parameters/0');

		const check = await charter(TMP, 'check', '--format', 'json');
		const report = JSON.parse(check.stdout) as {
			status: string;
			findings?: unknown[];
			check?: { findings: { severity: string; ruleId: string }[] };
		};
		expect(check.code).toBe(0);
		const findings = JSON.stringify(report);
		expect(findings).not.toContain('"severity":"error"');

		const list = await charter(TMP, 'list', '--json');
		const contracts = (
			JSON.parse(list.stdout) as { contracts: { key: string; wire: { rest: unknown } }[] }
		).contracts;
		expect(contracts).toHaveLength(20);
		expect(contracts.find((c) => c.key === 'pet.get-pet-by-id')?.wire.rest).toEqual({
			method: 'GET',
			path: '/pet/{petId}',
		});
	});

	test('a second import changes nothing; an edited file needs --force', async () => {
		const file = join(examples, '3.1/yaml/petstore.yaml');
		await charter(TMP, 'openapi', 'import', file, '--out', 'again');
		const second = await charter(TMP, 'openapi', 'import', file, '--out', 'again', '--json');
		expect(JSON.parse(second.stdout)).toMatchObject({ written: [], operations: 20 });

		const edited = join(TMP, 'again/pet/pet.operations.ts');
		writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n// my handwritten note\n`);
		const other = join(examples, '3.0/yaml/petstore.yaml');
		const refused = await charter(TMP, 'openapi', 'import', other, '--out', 'again');
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('pet/pet.operations.ts');
		expect(refused.stderr).toContain('--force');
		expect(readFileSync(edited, 'utf8')).toContain('// my handwritten note');

		const forced = await charter(TMP, 'openapi', 'import', other, '--out', 'again', '--force');
		expect(forced.code).toBe(0);
		expect(readFileSync(edited, 'utf8')).not.toContain('// my handwritten note');
	});

	test('Swagger 2.0 and usage mistakes are clear errors (exit 2)', async () => {
		const swagger = await charter(
			TMP,
			'openapi',
			'import',
			join(examples, '2.0/json/petstore.json'),
			'--out',
			'x',
		);
		expect(swagger.code).toBe(2);
		expect(swagger.stderr).toContain('Swagger 2.0');
		expect(swagger.stderr).toContain('[OPENAPI_SWAGGER_2]');
		const noOut = await charter(TMP, 'openapi', 'import', 'api.yaml');
		expect(noOut).toMatchObject({ code: 2 });
		expect(noOut.stderr).toContain('--out <dir> is required');
		const wrong = await charter(TMP, 'openapi', 'export');
		expect(wrong.code).toBe(2);
	});
});

describe('an imported project serves at once', () => {
	// Outside TMP, whose config would otherwise be found above it.
	const project = join(here, '.tmp', `fresh-${randomUUID()}`);
	afterAll(() => rmSync(project, { recursive: true, force: true }));

	test('the import writes a config with unimplemented 501; serve answers every operation with a 501 problem', async () => {
		mkdirSync(project, { recursive: true });
		const file = join(examples, '3.1/yaml/petstore.yaml');
		const run = await charter(project, 'openapi', 'import', file, '--out', 'src/api');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('wrote charter.config.ts');
		const config = readFileSync(join(project, 'charter.config.ts'), 'utf8');
		expect(config).toBe(importedConfigSource('Swagger Petstore', 'src/api/**/*.operations.ts'));
		const guide = readFileSync(
			join(here, '../../../docs/guides/adoption/openapi-import.md'),
			'utf8',
		);
		expect(guide).toContain(
			importedConfigSource('Swagger Petstore', 'src/imported/**/*.operations.ts'),
		);

		const server = serve(project);
		try {
			const base = await bannerUrl(server.output);
			// The banner arrives in several writes: wait for its line rather than race it.
			await expect
				.poll(server.output)
				.toContain('20 of 20 operations have no handler yet: they answer 501');
			const response = await fetch(`${base}/user/logout`);
			expect(response.status).toBe(501);
			expect(response.headers.get('content-type')).toContain('application/problem+json');
			expect(await response.json()).toMatchObject({ status: 501, code: 'NOT_IMPLEMENTED' });
			// The policy still runs first: a secured operation without credentials is a 401.
			expect((await fetch(`${base}/pet/1`)).status).toBe(401);
		} finally {
			expect(await server.stop()).toBe(0);
		}
	}, 120_000);

	test('--unimplemented fail refuses to start and names the setting; a bad value is a usage error', async () => {
		const fail = await charter(
			project,
			'serve',
			'--db',
			'sqlite::memory:',
			'--unimplemented',
			'fail',
		);
		expect(fail.code).toBe(2);
		expect(fail.stderr).toContain('[CHARTER_NO_HANDLERS]');
		expect(fail.stderr).toContain('--unimplemented 501');
		const bad = await charter(project, 'serve', '--unimplemented', '404');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--unimplemented 404: use 501 or fail');
	}, 120_000);
});

describe('an import into a CommonJS package', () => {
	const project = join(here, '.tmp', `commonjs-${randomUUID()}`);
	afterAll(() => rmSync(project, { recursive: true, force: true }));

	test('writes .mts modules and charter.config.mts, so the project loads as ES modules and serves', async () => {
		mkdirSync(project, { recursive: true });
		// An Express-style package.json: no "type", so its .ts files would load as CommonJS.
		writeFileSync(join(project, 'package.json'), '{ "name": "legacy-api", "version": "1.0.0" }\n');
		const file = join(here, '../../openapi-import/test/fixtures/discriminator.yaml');
		const run = await charter(project, 'openapi', 'import', file, '--out', 'src/api');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('wrote charter.config.mts');
		expect(readFileSync(join(project, 'charter.config.mts'), 'utf8')).toBe(
			importedConfigSource('Discriminated pets', 'src/api/**/*.operations.mts'),
		);
		const pets = readFileSync(join(project, 'src/api/pets/pets.operations.mts'), 'utf8');
		expect(pets).toMatch(/from '\.\.\/models\/pet\.schema\.mts'/);

		const server = serve(project);
		try {
			const base = await bannerUrl(server.output);
			expect((await fetch(`${base}/shapes/s-1`)).status).toBe(501);
		} finally {
			expect(await server.stop()).toBe(0);
		}
	}, 120_000);
});

/** Starts `charter serve` on a free port and an in-memory database in `project`. */
function serve(project: string) {
	const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', 'sqlite::memory:'], {
		cwd: project,
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
	});
	let output = '';
	server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
	return {
		output: () => output,
		stop() {
			server.kill('SIGTERM');
			return exited;
		},
	};
}

/** Waits for `charter serve`'s banner and returns the server's base URL. */
function bannerUrl(output: () => string): Promise<string> {
	return new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no banner:\n${output()}`)), 30_000);
		const poll = setInterval(() => {
			const match = /OpenAPI\s+(http:\/\/[^/\s]+)\/openapi\.json/.exec(output());
			if (match) {
				clearInterval(poll);
				clearTimeout(timer);
				resolve(match[1]!);
			}
		}, 50);
	});
}

describe('import progress', () => {
	test('a TTY gets one rewritten line, throttled, cleared at the end; a pipe gets nothing', () => {
		let text = '';
		let clock = 0;
		const progress = progressWriter(
			{ isTTY: true, write: (t: string) => (text += t) },
			() => clock,
		);
		for (let done = 1; done <= 3; done++) {
			progress?.(done, 3);
			clock += 10;
		}
		expect(text).toBe(
			'\r\x1b[2Kimporting operations 1/3\r\x1b[2Kimporting operations 3/3\r\x1b[2K',
		);
		expect(progressWriter({ isTTY: false, write: () => undefined })).toBeUndefined();
	});
});
