import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Imports many contract modules as one: esbuild bundles the project's own files (packages
 * stay external, so `@charter/*` resolve as usual) into a cached ES module, which loads in one
 * round trip instead of one per file through the TypeScript loader. Gives each file's exports,
 * or undefined when anything fails, so the caller can load file by file and report precisely.
 */
export async function importBundled(
	root: string,
	files: readonly string[],
): Promise<Map<string, Record<string, unknown>> | undefined> {
	try {
		const entry = files
			.map((file, i) => `export * as m${i} from ${JSON.stringify(`./${file}`)};`)
			.join('\n');
		const result = await build({
			stdin: {
				contents: entry,
				resolveDir: root,
				loader: 'ts',
				sourcefile: 'charter-contracts.ts',
			},
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			packages: 'external',
			write: false,
			logLevel: 'silent',
		});
		const code = result.outputFiles[0]?.text;
		if (code === undefined) return undefined;
		const folder = join(root, '.charter', 'cache');
		mkdirSync(folder, { recursive: true });
		const name = `contracts-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
		const file = join(folder, name);
		writeFileSync(file, code);
		for (const old of readdirSync(folder)) {
			if (old.startsWith('contracts-') && old !== name) rmSync(join(folder, old), { force: true });
		}
		const namespaces = (await import(pathToFileURL(file).href)) as Record<
			string,
			Record<string, unknown>
		>;
		return new Map(files.map((name, i) => [name, namespaces[`m${i}`] ?? {}]));
	} catch {
		return undefined;
	}
}
