import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, PluginBuild } from 'esbuild';
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
	const entry = files
		.map((file, i) => `export * as m${i} from ${JSON.stringify(`./${file}`)};`)
		.join('\n');
	const namespaces = await importCachedBundle(root, 'contracts', entry);
	if (!namespaces) return undefined;
	return new Map(
		files.map((name, i) => [name, (namespaces[`m${i}`] ?? {}) as Record<string, unknown>]),
	);
}

/**
 * Imports the project's config through the same cache (`.charter/cache/config.json`): compiled
 * to JavaScript once, it loads without the TypeScript loader, whose start and per-import hooks
 * cost more than a large project's check itself. `import.meta.url` (and `dirname`, `filename`)
 * stay the config file's. Undefined when anything fails: the caller imports the file itself.
 */
export async function importBundledConfig(
	root: string,
	configFile: string,
): Promise<Record<string, unknown> | undefined> {
	const relativePath = relative(root, configFile).split(sep).join('/');
	const entry = `export { default } from ${JSON.stringify(`./${relativePath}`)};`;
	return importCachedBundle(root, 'config', entry, OWN_IMPORT_META);
}

/** The name each bundled module declares its own `import.meta` values under. */
const META = '__charterImportMeta';

/**
 * Keeps each bundled module's `import.meta.url`, `dirname` and `filename` its own file's, not
 * the bundle's (a config's helper that finds files beside itself). esbuild's `define` is one
 * value for the whole bundle, so it names a binding each module declares on its first line
 * (lines kept, so positions in errors hold).
 */
const OWN_IMPORT_META = {
	define: {
		'import.meta.url': `${META}.url`,
		'import.meta.dirname': `${META}.dirname`,
		'import.meta.filename': `${META}.filename`,
	},
	plugins: [
		{
			name: 'charter-own-import-meta',
			setup(build: PluginBuild) {
				build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
					const text = readFileSync(args.path, 'utf8');
					if (!text.includes('import.meta')) return undefined;
					const meta = {
						url: pathToFileURL(args.path).href,
						dirname: dirname(args.path),
						filename: args.path,
					};
					return {
						contents: `var ${META} = ${JSON.stringify(meta)};${text}`,
						loader: loaderOf(args.path),
					};
				});
			},
		},
	],
};

/** The esbuild loader of a module file, by its extension. */
function loaderOf(path: string): 'ts' | 'tsx' | 'js' | 'jsx' {
	const extension = /\.[cm]?([jt]sx?)$/.exec(path)?.[1];
	return extension === 'tsx' || extension === 'jsx' || extension === 'js' ? extension : 'ts';
}

/**
 * Bundles `entry` (module text, resolved from the root) into `.charter/cache/<name>-<hash>.mjs`
 * unless the manifest `<name>.json` shows that no input changed, then imports it. The TypeScript
 * loader is registered first only when the bundle imports a package that resolves to TypeScript
 * (a workspace package in source form).
 */
async function importCachedBundle(
	root: string,
	name: string,
	entry: string,
	options?: Pick<BuildOptions, 'define' | 'plugins'>,
): Promise<Record<string, unknown> | undefined> {
	try {
		const folder = join(root, '.charter', 'cache');
		const cached = cachedBundle(root, folder, name, entry);
		// Awaited here, so a module that throws on import is caught below.
		if (cached) return await importBundle(folder, cached);
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
			...options,
		});
		const code = result.outputFiles[0]?.text;
		if (code === undefined) return undefined;
		mkdirSync(folder, { recursive: true });
		const bundle = `${name}-${sha256(code).slice(0, 16)}.mjs`;
		writeFileSync(join(folder, bundle), code);
		for (const old of readdirSync(folder)) {
			if (old.startsWith(`${name}-`) && old !== bundle) rmSync(join(folder, old), { force: true });
		}
		// esbuild names its inputs relative to its working directory; the entry (stdin) is no file.
		const inputs = Object.entries(result.metafile.inputs).filter(
			([path]) => !path.startsWith('<') && !path.endsWith(ENTRY_NAME),
		);
		const packages = new Set(
			inputs.flatMap(([, input]) => input.imports.filter((i) => i.external).map((i) => i.path)),
		);
		const manifest: Manifest = {
			key: manifestKey(root, entry),
			bundle,
			inputs: Object.fromEntries(inputs.map(([path]) => [path, hashOf(path)])),
			typescript: await resolvesToTypeScript(folder, [...packages]),
		};
		writeFileSync(join(folder, `${name}.json`), JSON.stringify(manifest));
		return await importBundle(folder, manifest);
	} catch {
		return undefined;
	}
}

const ENTRY_NAME = 'charter-contracts.ts';

/** What a cached bundle was built from: the entry and options, and each input's hash. */
interface Manifest {
	readonly key: string;
	readonly bundle: string;
	readonly inputs: Readonly<Record<string, string | null>>;
	/** Whether a package the bundle imports resolves to TypeScript (then tsx loads it). */
	readonly typescript: boolean;
}

/** The cached bundle's manifest when its entry and every input are unchanged. */
function cachedBundle(
	root: string,
	folder: string,
	name: string,
	entry: string,
): Manifest | undefined {
	const path = join(folder, `${name}.json`);
	if (!existsSync(path)) return undefined;
	try {
		const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
		if (manifest.key !== manifestKey(root, entry) || !existsSync(join(folder, manifest.bundle))) {
			return undefined;
		}
		if (typeof manifest.typescript !== 'boolean') return undefined;
		for (const [input, hash] of Object.entries(manifest.inputs)) {
			if (hash === null || hashOf(input) !== hash) return undefined;
		}
		return manifest;
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

async function importBundle(folder: string, manifest: Manifest): Promise<Record<string, unknown>> {
	if (manifest.typescript) await ensureTypeScriptLoader();
	return (await import(pathToFileURL(join(folder, manifest.bundle)).href)) as Record<
		string,
		unknown
	>;
}

/**
 * Tells whether any of the packages resolves, from the cache folder (where the bundle is, so as
 * the bundle's own imports will), to a TypeScript file, or cannot be resolved: then the
 * TypeScript loader is registered before the bundle is imported, to load it or report why not.
 * Node resolves them with its own rules (exports, conditions) through a helper module written
 * beside the bundles, as `import.meta.resolve` resolves from the module that calls it.
 */
async function resolvesToTypeScript(folder: string, packages: string[]): Promise<boolean> {
	if (packages.length === 0) return false;
	const helper = join(folder, RESOLVER);
	if (!existsSync(helper) || readFileSync(helper, 'utf8') !== RESOLVER_SOURCE) {
		writeFileSync(helper, RESOLVER_SOURCE);
	}
	const { resolveAll } = (await import(pathToFileURL(helper).href)) as {
		resolveAll: (specifiers: string[]) => (string | null)[];
	};
	return resolveAll(packages).some((url) => url === null || /\.[cm]?tsx?$/.test(url));
}

const RESOLVER = 'resolve-packages.mjs';
const RESOLVER_SOURCE = `// Written by charter: resolves package names as the bundles in this folder import them.
export function resolveAll(specifiers) {
	return specifiers.map((specifier) => {
		try {
			return import.meta.resolve(specifier);
		} catch {
			return null;
		}
	});
}
`;
