import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
	copyFileSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../../test-support/free-port.ts';
import { packAll, REPO, tarballFiles, userEnv } from '../../test-support/packages.ts';
import { readmeSteps } from './readme-steps.ts';

/*
 * Charter as a user meets it: every package packed with `npm pack`, installed from those
 * tarballs into a new project in the OS temp folder (no workspace links, no repository above
 * it), then the README's "Use Charter in your project" steps, run as written. Two stand-ins:
 * `npm create charter@latest` runs the packed create-charter and installs Charter's packages
 * from the tarballs instead of the registry (other dependencies come from the registry, through
 * the local npm cache), and better-sqlite3's binding is the one this checkout compiled (same
 * version) instead of a minute of compiling it again.
 */

const steps = readmeSteps();
const work = mkdtempSync(join(tmpdir(), 'charter-outside-in-'));
const timings: string[] = [];
let tarballs = new Map<string, string>();
let server: ChildProcess | undefined;

beforeAll(() => {
	const into = join(work, 'tarballs');
	mkdirSync(into);
	tarballs = timed('build and pack', () => packAll(into));
}, 300_000);

afterAll(async () => {
	await timedAsync('stop', () => stop(server));
	// Deleting ~300 installed packages can take half a minute on a busy disk: a detached `rm`
	// does it without holding the suite.
	spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
	console.log(`[outside-in] ${timings.join(', ')}`);
});

test('every tarball holds compiled JavaScript and declarations, and no test', () => {
	expect([...tarballs.keys()]).toContain('create-charter');
	for (const [name, tarball] of tarballs) {
		const files = tarballFiles(tarball);
		expect(files.filter((f) => /^dist\/.+\.js$/.test(f)).length, name).toBeGreaterThan(0);
		expect(files.filter((f) => /^dist\/.+\.d\.ts$/.test(f)).length, name).toBeGreaterThan(0);
		expect(
			files.filter((f) => /\.test(-d)?\.tsx?$|(^|\/)test\//.test(f)),
			name,
		).toEqual([]);
	}
});

test("the README's steps: create, check, test, tsc, start; the client and GraphQL answer", async () => {
	let cwd = work;
	const port = await freePort();
	const local = (command: string) => command.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`);
	for (const step of steps.project) {
		const create = /^npm create charter@latest (\S+)$/.exec(step);
		const cd = /^cd (\S+)$/.exec(step);
		if (create) await createProject(cwd, create[1]!);
		else if (cd) cwd = join(cwd, cd[1]!);
		else if (step === 'npm start') server = await start(cwd, port);
		else await timedAsync(step, () => sh(step, cwd));
	}
	// Installed, not linked: Charter comes from the tarballs into the project's node_modules.
	expect(lstatSync(join(cwd, 'node_modules/@charter/cli')).isSymbolicLink()).toBe(false);

	const file = join(cwd, steps.file.path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, local(steps.file.text));
	await timedAsync('tsc with the client file', () => sh('npx tsc --noEmit', cwd));
	const [client, graphql] = steps.calls;
	expect(client).toBe('npx tsx src/call.ts');
	expect((await timedAsync(client!, () => sh(client!, cwd))).trim()).toBe('Welcome back, Ada');
	const answer = JSON.parse(await timedAsync('graphql', () => sh(local(graphql!), cwd)));
	expect(answer).toEqual({ data: { helloGreetingGet: { message: 'Welcome back, Ada' } } });
}, 300_000);

/** `npm create charter@latest <name>`, from the packed create-charter and Charter's tarballs. */
async function createProject(cwd: string, name: string): Promise<void> {
	const creator = tarballs.get('create-charter')!;
	await timedAsync('create', () =>
		sh(`npm exec --yes --package=${creator} -- create-charter ${name} --no-install`, cwd),
	);
	const project = join(cwd, name);
	const manifestFile = join(project, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
	const local = Object.fromEntries([...tarballs].map(([pkg, file]) => [pkg, `file:${file}`]));
	for (const dep of Object.keys(manifest.dependencies)) {
		if (local[dep]) manifest.dependencies[dep] = local[dep];
	}
	manifest.overrides = local;
	const sqlite = join(REPO, 'node_modules/better-sqlite3');
	manifest.dependencies['better-sqlite3'] = JSON.parse(
		readFileSync(join(sqlite, 'package.json'), 'utf8'),
	).version;
	writeFileSync(manifestFile, JSON.stringify(manifest, null, '\t'));
	await timedAsync('npm install', () =>
		sh('npm install --ignore-scripts --prefer-offline --no-audit --no-fund', project),
	);
	const binding = 'build/Release/better_sqlite3.node';
	mkdirSync(dirname(join(project, 'node_modules/better-sqlite3', binding)), { recursive: true });
	copyFileSync(join(sqlite, binding), join(project, 'node_modules/better-sqlite3', binding));
}

/** The environment of a user's shell: no source condition, nothing from the npm run above. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const base = userEnv(extra);
	for (const key of Object.keys(base)) {
		if (/^npm_/i.test(key) || key === 'INIT_CWD') delete base[key];
	}
	return base;
}

/** Runs a command line in a shell; resolves with its stdout, rejects with its output on failure. */
function sh(command: string, cwd: string): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			'sh',
			['-c', command],
			{ cwd, env: env(), maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				if (error) reject(new Error(`${command} failed (${error.code}):\n${stdout}\n${stderr}`));
				else resolve(stdout);
			},
		);
	});
}

/** `npm start` in its own process group, ready at its first /healthz 200. */
async function start(cwd: string, port: number): Promise<ChildProcess> {
	const started = performance.now();
	const child = spawn('npm', ['start'], {
		cwd,
		env: env({ PORT: String(port) }),
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
		const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
			(r) => r.ok,
			() => false,
		);
		if (ok) break;
		if (performance.now() - started > 60_000) {
			await stop(child);
			throw new Error(`no /healthz 200 within 60 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	timings.push(`npm start ${seconds(started)}`);
	return child;
}

/** Stops the server's process group (npm, its shell and charter) and waits for npm to exit. */
async function stop(child: ChildProcess | undefined): Promise<void> {
	if (!child?.pid || child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(-child.pid, 'SIGTERM');
	const late = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
	await exited;
	clearTimeout(late);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function timed<T>(what: string, run: () => T): T {
	const since = performance.now();
	const result = run();
	timings.push(`${what} ${seconds(since)}`);
	return result;
}

async function timedAsync<T>(what: string, run: () => Promise<T>): Promise<T> {
	const since = performance.now();
	const result = await run();
	timings.push(`${what} ${seconds(since)}`);
	return result;
}
