import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPackage, createPackageFromTarballData, type Problem } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	packAll,
	publishablePackages,
	REPO,
	tarballFiles,
	type WorkspacePackage,
} from '../../test-support/packages.ts';

const packages = publishablePackages();
const versions = new Map(packages.map((pkg) => [pkg.name, pkg.version]));
const into = mkdtempSync(join(tmpdir(), 'charter-pack-'));
let tarballs = new Map<string, string>();

beforeAll(() => {
	tarballs = packAll(into);
}, 600_000);
afterAll(() => rmSync(into, { recursive: true, force: true }));

type Conditions = Record<string, string>;
const entries = (pkg: WorkspacePackage) =>
	Object.entries(pkg.manifest.exports as Record<string, string | Conditions>);

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
	test('declares what it publishes: exports with types first, files, sideEffects, engines, MIT', () => {
		const { manifest } = pkg;
		expect(manifest.type).toBe('module');
		expect(manifest.license).toBe('MIT');
		expect(manifest.sideEffects).toBeDefined();
		expect(manifest.engines).toEqual({ node: '>=20.11' });
		expect(manifest.files).toContain('dist');
		for (const [subpath, target] of entries(pkg)) {
			if (typeof target === 'string') continue; // a plain file (a stylesheet)
			// The source condition only matters inside this repository (docs/adr/0003).
			expect(Object.keys(target), subpath).toEqual(['@charter/source', 'types', 'default']);
			expect(target.types, subpath).toMatch(/^\.\/dist\/.+\.d\.ts$/);
			expect(target.default, subpath).toBe(target.types!.replace(/\.d\.ts$/, '.js'));
		}
	});

	test('has its LICENSE and README, and real ranges for the packages it depends on', () => {
		expect(readFileSync(join(pkg.dir, 'LICENSE'), 'utf8')).toBe(
			readFileSync(join(REPO, 'LICENSE'), 'utf8'),
		);
		expect(readFileSync(join(pkg.dir, 'README.md'), 'utf8')).toMatch(
			new RegExp(`^# ${pkg.name}\\n`),
		);
		for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
			const deps = (pkg.manifest[field] ?? {}) as Record<string, string>;
			for (const [name, range] of Object.entries(deps)) {
				if (versions.has(name)) expect(range, `${field}.${name}`).toBe(`^${versions.get(name)}`);
			}
		}
	});

	test('packs compiled JavaScript, declarations and source maps, and no test', () => {
		const files = tarballFiles(tarballs.get(pkg.name)!);
		expect(files).toContain('LICENSE');
		expect(files).toContain('README.md');
		for (const [, target] of entries(pkg)) {
			if (typeof target === 'string') expect(files).toContain(target.slice(2));
			else {
				expect(files).toContain(target.default!.slice(2));
				expect(files).toContain(target.types!.slice(2));
				expect(files).toContain(`${target.default!.slice(2)}.map`);
			}
		}
		expect(files.filter((f) => /\.test(-d)?\.tsx?$|(^|\/)test\/|tsbuildinfo/.test(f))).toEqual([]);
	});

	test('passes publint with no warning and @arethetypeswrong (ESM-only profile) with no problem', async () => {
		const tarball = readFileSync(tarballs.get(pkg.name)!);
		const data = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength);
		const lint = await publint({ pack: { tarball: data as ArrayBuffer }, level: 'warning' });
		expect(lint.messages.map((m) => formatMessage(m, lint.pkg) ?? m.code)).toEqual([]);

		// A stylesheet subpath has no types to check (`attw --exclude-entrypoints` does the same).
		const result = await checkPackage(createPackageFromTarballData(new Uint8Array(tarball)), {
			excludeEntrypoints: [/\.css$/],
		});
		const problems = result.types === false ? ['no types'] : result.problems.filter(relevant);
		expect(problems).toEqual([]);
	}, 120_000);
});

/**
 * What `attw --profile esm-only` reports: these packages are ESM only, so resolution for
 * CommonJS `require` and for the `node10` algorithm (which ignores `exports`) is out of scope.
 */
function relevant(problem: Problem): boolean {
	if ('resolutionKind' in problem)
		return problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs';
	if (problem.kind === 'InternalResolutionError') return problem.resolutionOption !== 'node10';
	return true;
}
