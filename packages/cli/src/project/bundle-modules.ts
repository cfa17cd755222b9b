import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureTypeScriptLoader } from './typescript-loader.ts';

/**
 * Imports many contract modules as one: esbuild bundles the project's own files (packages
 * stay external, so `@charter/*` resolve as usual) into a cached ES module, which loads in one
 * round trip instead of one per file through the TypeScript loader. Gives each file's exports,
 * or undefined when anything fails, so the caller can load file by file and report precisely.
 *
 * The bundle is reused while every file esbuild read for it (the contract modules and the
 * project files they import) has the same content: `.charter/cache/contracts.json` keeps the
 * SHA-256 of each, and an unchanged project skips esbuild, most of a large project's load.
 */
export async function importBundled(
	root: string,
	files: readonly string[],
): Promise<Map<string, Record<string, unknown>> | undefined> {
	try {
		const entry = files
			.map((file, i) => `export * as m${i} from ${JSON.stringify(`./${file}`)};`)
			.join('\n');
		const folder = join(root, '.charter', 'cache');
		const cached = cachedBundle(root, folder, entry);
		// Awaited here, so a module that throws on import is caught below.
		if (cached) return await namespacesOf(join(folder, cached), files);
		// Loaded here, not at the top: a built server (`charter build`) never bundles.
		const { build } = await import('esbuild');
		const result = await build({
			stdin: {
				contents: entry,
				resolveDir: root,
				loader: 'ts',
				sourcefile: ENTRY_NAME,
			},
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			packages: 'external',
			write: false,
			logLevel: 'silent',
			metafile: true,
		});
		const code = result.outputFiles[0]?.text;
		if (code === undefined) return undefined;
		mkdirSync(folder, { recursive: true });
		const name = `contracts-${sha256(code).slice(0, 16)}.mjs`;
		writeFileSync(join(folder, name), code);
		for (const old of readdirSync(folder)) {
			if (old.startsWith('contracts-') && old !== name) rmSync(join(folder, old), { force: true });
		}
		// esbuild names its inputs relative to its working directory; the entry (stdin) is no file.
		const inputs = Object.keys(result.metafile.inputs).filter(
			(path) => !path.startsWith('<') && !path.endsWith(ENTRY_NAME),
		);
		const manifest: Manifest = {
			key: manifestKey(root, entry),
			bundle: name,
			inputs: Object.fromEntries(inputs.map((path) => [path, hashOf(path)])),
		};
		writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest));
		return await namespacesOf(join(folder, name), files);
	} catch {
		return undefined;
	}
}

const MANIFEST = 'contracts.json';
const ENTRY_NAME = 'charter-contracts.ts';

/** What a cached bundle was built from: the entry and options, and each input's hash. */
interface Manifest {
	readonly key: string;
	readonly bundle: string;
	readonly inputs: Readonly<Record<string, string | null>>;
}

/** The cached bundle's file name when its entry and every input are unchanged. */
function cachedBundle(root: string, folder: string, entry: string): string | undefined {
	const path = join(folder, MANIFEST);
	if (!existsSync(path)) return undefined;
	try {
		const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
		if (manifest.key !== manifestKey(root, entry) || !existsSync(join(folder, manifest.bundle))) {
			return undefined;
		}
		for (const [input, hash] of Object.entries(manifest.inputs)) {
			if (hash === null || hashOf(input) !== hash) return undefined;
		}
		return manifest.bundle;
	} catch {
		return undefined;
	}
}

/**
 * The entry, the esbuild version, the working directory inputs are named from, and the
 * files that steer resolution without being inputs (tsconfig.json, package.json).
 */
function manifestKey(root: string, entry: string): string {
	const steering = ['tsconfig.json', 'package.json'].map((f) => hashOf(join(root, f))).join(',');
	return sha256(`${esbuildVersion()}\n${process.cwd()}\n${steering}\n${entry}`);
}

/** esbuild's version, read from its package.json without loading esbuild. */
function esbuildVersion(): string {
	return (createRequire(import.meta.url)('esbuild/package.json') as { version: string }).version;
}

/** An input's SHA-256, or null when it cannot be read (then the cache is not used). */
function hashOf(path: string): string | null {
	try {
		return sha256(readFileSync(path));
	} catch {
		return null;
	}
}

function sha256(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

async function namespacesOf(
	file: string,
	files: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
	// The bundle may import the project's own TypeScript packages.
	await ensureTypeScriptLoader();
	const namespaces = (await import(pathToFileURL(file).href)) as Record<
		string,
		Record<string, unknown>
	>;
	return new Map(files.map((name, i) => [name, namespaces[`m${i}`] ?? {}]));
}
