import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importBundled } from './bundle-modules.ts';

const root = join(
	fileURLToPath(new URL('.', import.meta.url)),
	`../../test/.tmp/bundle-${randomUUID()}`,
);
const cache = join(root, '.charter/cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string) => {
	mkdirSync(join(root, 'src'), { recursive: true });
	writeFileSync(join(root, file), text);
};
const bundleFile = () =>
	join(
		cache,
		(JSON.parse(readFileSync(join(cache, 'contracts.json'), 'utf8')) as { bundle: string }).bundle,
	);

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
});
