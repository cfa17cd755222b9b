import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** One publishable package of the workspace. */
export interface WorkspacePackage {
	readonly name: string;
	readonly version: string;
	/** Absolute folder. */
	readonly dir: string;
	readonly manifest: Record<string, unknown>;
}

/** Every package under `packages/` that is not private: what `npm publish` would publish. */
export function publishablePackages(): WorkspacePackage[] {
	const root = join(REPO, 'packages');
	return readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => {
			const dir = join(root, entry.name);
			const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<
				string,
				unknown
			>;
			return {
				name: manifest.name as string,
				version: manifest.version as string,
				dir,
				manifest,
			};
		})
		.filter((pkg) => pkg.manifest.private !== true)
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The environment of a child that must see packages as users do: no source condition. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
	const options = (env.NODE_OPTIONS ?? '')
		.split(/\s+/)
		.filter((option) => option !== '' && !option.includes('@charter/source'));
	if (options.length > 0) env.NODE_OPTIONS = options.join(' ');
	else delete env.NODE_OPTIONS;
	return env;
}

/**
 * Builds every package (`tsc -b`, incremental: quick when `dist/` is current) and packs each
 * publishable one with `npm pack` into `into`; gives the tarball path of each, by name.
 */
export function packAll(into: string): Map<string, string> {
	// Two test files pack in parallel: one build at a time writes dist/.
	withBuildLock(() =>
		execFileSync('npm', ['run', 'build:incremental'], { cwd: REPO, env: userEnv(), stdio: 'pipe' }),
	);
	const packages = publishablePackages();
	const output = execFileSync(
		'npm',
		[
			'pack',
			'--json',
			'--ignore-scripts',
			'--pack-destination',
			into,
			...packages.flatMap((pkg) => ['-w', pkg.dir]),
		],
		{ cwd: REPO, env: userEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
	);
	const packed = JSON.parse(output) as { name: string; filename: string }[];
	return new Map(packed.map((p) => [p.name, join(into, p.filename)]));
}

/** The paths inside a tarball (without the leading `package/`). */
export function tarballFiles(tarball: string): string[] {
	return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.replace(/^package\//, ''));
}

/**
 * Runs `build` while holding a lock (a folder in the OS temp folder, one per checkout), so
 * processes that pack at the same time never run two `tsc -b` over the same dist/. A lock
 * older than ten minutes is left over from a killed process and is taken over.
 */
function withBuildLock(build: () => void): void {
	const id = createHash('sha256').update(REPO).digest('hex').slice(0, 12);
	const lock = join(tmpdir(), `charter-build-${id}.lock`);
	const pause = new Int32Array(new SharedArrayBuffer(4));
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > 600_000) rmSync(lock, { recursive: true, force: true });
			else Atomics.wait(pause, 0, 0, 200);
		}
	}
	try {
		build();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}
