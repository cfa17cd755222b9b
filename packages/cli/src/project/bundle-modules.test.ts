import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importBundled, importBundledConfig } from './bundle-modules.ts';

const root = join(
	fileURLToPath(new URL('.', import.meta.url)),
	`../../test/.tmp/bundle-${randomUUID()}`,
);
const cache = join(root, '.charter/cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string) => {
	mkdirSync(dirname(join(root, file)), { recursive: true });
	writeFileSync(join(root, file), text);
};
const manifest = (name = 'contracts') =>
	JSON.parse(readFileSync(join(cache, `${name}.json`), 'utf8')) as {
		bundle: string;
		typescript: boolean;
	};
const bundleFile = () => join(cache, manifest().bundle);
/** A package in the project's node_modules whose entry is `file`. */
const writePackage = (name: string, file: string, text: string) => {
	write(
		`node_modules/${name}/package.json`,
		JSON.stringify({ name, type: 'module', exports: `./${file}` }),
	);
	write(`node_modules/${name}/${file}`, text);
};

describe('importBundled', () => {
	it('reuses the bundle while no file it was built from changed, and rebuilds when an imported one does', async () => {
		write('src/shared.ts', 'export const value: number = 1;\n');
		write('src/a.operations.ts', "export { value } from './shared.ts';\n");
		write('src/b.operations.ts', 'export const b = true;\n');
		const files = ['src/a.operations.ts', 'src/b.operations.ts'];

		const first = await importBundled(root, files);
		expect(first?.get('src/a.operations.ts')).toEqual({ value: 1 });
		const built = statSync(bundleFile()).mtimeMs;

		// Unchanged: esbuild does not run, so the bundle is not written again.
		await new Promise((r) => setTimeout(r, 20));
		const again = await importBundled(root, files);
		expect(again?.get('src/a.operations.ts')).toEqual({ value: 1 });
		expect(statSync(bundleFile()).mtimeMs).toBe(built);

		// A file only imported by a contract module changes: the cache no longer applies.
		write('src/shared.ts', 'export const value: number = 2;\n');
		const changed = await importBundled(root, files);
		expect(changed?.get('src/a.operations.ts')).toEqual({ value: 2 });
	});

	it('registers the TypeScript loader only for a bundle that imports a package written in TypeScript', async () => {
		writePackage('js-helpers', 'index.js', 'export const fromJs = 1;\n');
		writePackage('ts-helpers', 'index.ts', 'export const fromTs: number = 2;\n');
		write('src/js.operations.ts', "export { fromJs } from 'js-helpers';\nimport 'node:path';\n");
		write('src/ts.operations.ts', "export { fromTs } from 'ts-helpers';\n");

		const js = await importBundled(root, ['src/js.operations.ts']);
		expect(js?.get('src/js.operations.ts')).toEqual({ fromJs: 1 });
		expect(manifest().typescript).toBe(false);

		const ts = await importBundled(root, ['src/js.operations.ts', 'src/ts.operations.ts']);
		expect(ts?.get('src/ts.operations.ts')).toEqual({ fromTs: 2 });
		expect(manifest().typescript).toBe(true);
	});
});

describe('importBundledConfig', () => {
	it('compiles the config once, keeps its import.meta.url, and compiles again when it changes', async () => {
		const config = join(root, 'charter.config.ts');
		const source = (outDir: string) =>
			`const here: string = import.meta.url;\nexport default { contracts: ['src/*.ts'], outDir: '${outDir}', here };\n`;
		write('charter.config.ts', source('one'));
		const first = await importBundledConfig(root, config);
		expect(first?.default).toEqual({
			contracts: ['src/*.ts'],
			outDir: 'one',
			here: pathToFileURL(config).href,
		});
		expect(manifest('config').typescript).toBe(false);
		const compiled = manifest('config').bundle;
		expect((await importBundledConfig(root, config))?.default).toMatchObject({ outDir: 'one' });
		expect(manifest('config').bundle).toBe(compiled);

		write('charter.config.ts', source('two'));
		expect((await importBundledConfig(root, config))?.default).toMatchObject({ outDir: 'two' });
	});

	it('a module the config imports keeps its own import.meta.url, dirname and filename', async () => {
		const config = join(root, 'meta/charter.config.ts');
		const helper = join(root, 'meta/tools/where.ts');
		write(
			'meta/tools/where.ts',
			'export const where = [import.meta.url, import.meta.dirname, import.meta.filename];\n',
		);
		write(
			'meta/charter.config.ts',
			"import { where } from './tools/where.ts';\nexport default { contracts: [], here: import.meta.url, where };\n",
		);
		const loaded = await importBundledConfig(join(root, 'meta'), config);
		expect(loaded?.default).toEqual({
			contracts: [],
			here: pathToFileURL(config).href,
			where: [pathToFileURL(helper).href, dirname(helper), helper],
		});
	});

	it('gives undefined for a config that throws, so the caller imports it itself and reports why', async () => {
		write(
			'broken/charter.config.ts',
			"if (!process.env.NO_SUCH_SETTING) throw new Error('no');\nexport default { contracts: [] };\n",
		);
		expect(
			await importBundledConfig(join(root, 'broken'), join(root, 'broken/charter.config.ts')),
		).toBe(undefined);
	});
});
