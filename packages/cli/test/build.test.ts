import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

// `charter build`, then the built server run by plain node, as production runs it.
const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../bin/charter.js');
// Inside the repo (gitignored) so `@charter/*` resolve from the root node_modules.
const TMP = join(here, '.tmp', randomUUID());
const PROJECT = join(TMP, 'built');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function charter(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd, env }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
			resolve({ code, out: stdout + stderr });
		});
	});
}

beforeAll(async () => {
	mkdirSync(TMP, { recursive: true });
	expect((await charter(TMP, 'init', 'built')).code).toBe(0);
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

test('build writes one ES module (and chunks) with the packages it imports, serving the project without its TypeScript sources', async () => {
	const built = await charter(PROJECT, 'build', '--json');
	expect(built.code, built.out).toBe(0);
	const { file, modules, imports } = JSON.parse(built.out) as {
		file: string;
		modules: string[];
		imports: string[];
	};
	expect(file).toBe(join(PROJECT, 'build/server.mjs'));
	expect(modules).toEqual([
		'charter.config.ts',
		'src/hello/hello.operations.ts',
		'src/handlers.ts',
	]);

	// Charter's packages are compiled in, not imported: a start loads a few files, not hundreds.
	// What stays an import: the native SQLite addon, the compilers only `charter build` and a
	// TypeScript project load, and optional packages not installed here (pg-native).
	expect(imports).toContain('better-sqlite3');
	expect(imports.filter((name) => /^(@charter\/|kysely$|ajv$|graphql$)/.test(name))).toEqual([]);
	const chunks = readdirSync(join(PROJECT, 'build/chunks')).filter((f) => f.endsWith('.mjs'));
	expect(chunks.length).toBeGreaterThan(1);

	// The sources are gone: whatever serves now comes from the build.
	renameSync(join(PROJECT, 'src'), join(PROJECT, 'src-moved'));
	renameSync(join(PROJECT, 'charter.config.ts'), join(PROJECT, 'config-moved.ts'));
	// Charter's packages are in the build (here their TypeScript sources, as this process
	// resolves them with the @charter/source condition): plain node runs it, no loader.
	const server = spawn(process.execPath, [file, '--port', '0'], {
		cwd: TMP,
		env: { ...env, NODE_OPTIONS: '' },
	});
	let output = '';
	server.stdout.on('data', (chunk: Buffer) => (output += chunk));
	server.stderr.on('data', (chunk: Buffer) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
	try {
		const banner = () => /OpenAPI\s+(http:\/\/[^/\s]+)\/openapi\.json/.exec(output)?.[1];
		const deadline = Date.now() + 30_000;
		while (!banner() && server.exitCode === null && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 100));
		const base = banner();
		expect(base, output).toBeDefined();
		expect((await fetch(`${base}/healthz`)).status).toBe(200);
		const greeting = await fetch(`${base}/v1/hello/greeting/get?name=Ada`);
		expect(await greeting.json()).toEqual({ name: 'Ada', message: 'Hello, Ada!' });
		// The docs site is built after listening; a request waits for it.
		const docs = await fetch(`${base}/docs/`);
		expect(docs.status).toBe(200);
		expect(await docs.text()).toContain('hello.greeting.get');
		// The database is where `charter serve` keeps it: relative to the project, not the cwd.
		expect(existsSync(join(PROJECT, '.charter/charter.db'))).toBe(true);
		expect(existsSync(join(TMP, '.charter'))).toBe(false);
	} finally {
		server.kill('SIGTERM');
		expect(await exited).toBe(0);
	}
}, 60_000);

test('build refuses a project whose modules do not load and writes nothing', async () => {
	const broken = join(TMP, 'broken');
	expect((await charter(TMP, 'init', 'broken')).code).toBe(0);
	rmSync(join(broken, 'src/hello/hello.operations.ts'));
	const run = await charter(broken, 'build');
	expect(run.code, run.out).not.toBe(0);
	expect(existsSync(join(broken, 'build'))).toBe(false);
});
