import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

/** Database and broker drivers (and Kysely, whose dialects wrap them): the core imports none. */
const DRIVERS = [
	'better-sqlite3',
	'pg',
	'postgres',
	'mysql2',
	'kysely',
	'nats',
	'ioredis',
	'redis',
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

/** Every module a file imports, statically, by `import()` or by `export ... from`. */
function importsOf(file: string): string[] {
	const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
	return info.importedFiles.map((imported) => imported.fileName);
}

const isDriver = (specifier: string) =>
	DRIVERS.some((driver) => specifier === driver || specifier.startsWith(`${driver}/`));

describe('@charter/runtime is driver-free', () => {
	it('imports no database or broker driver from any source file', () => {
		const offending = sourceFiles(join(PACKAGE, 'src')).flatMap((file) =>
			importsOf(file)
				.filter(isDriver)
				.map((specifier) => `${relative(PACKAGE, file)} imports ${specifier}`),
		);
		expect(offending).toEqual([]);
	});

	it('declares no driver among its dependencies', () => {
		const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as Record<
			string,
			Record<string, string> | undefined
		>;
		const declared = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
			Object.keys(manifest[field] ?? {}),
		);
		expect(declared.filter(isDriver)).toEqual([]);
	});

	it('sees the imports it checks (the scan finds a known dependency)', () => {
		const all = sourceFiles(join(PACKAGE, 'src')).flatMap(importsOf);
		expect(all).toContain('@charter/spec');
	});
});
