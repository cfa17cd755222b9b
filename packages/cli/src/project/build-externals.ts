import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/*
 * What `charter build` leaves as imports, to be installed where the server runs. Everything
 * else (Charter, Kysely, Ajv, the project's own dependencies) goes into the build: loading a
 * few files instead of about 700 is most of a built server's start.
 */

/** Packages never bundled: compilers and browser assets (served as files, not imported). */
const ALWAYS_EXTERNAL = new Set([
	'esbuild',
	'typescript',
	'tsx',
	'graphiql',
	'react',
	'react-dom',
	'@graphiql/react',
	'@graphiql/toolkit',
]);

/** Dependencies that mark a package as a native addon (a `.node` file found at run time). */
const ADDON_LOADERS = ['bindings', 'node-gyp-build', 'prebuild-install', '@mapbox/node-pre-gyp'];

const SKIP = Symbol('charter-externals');

/**
 * An esbuild plugin keeping as imports: native addons (`better-sqlite3`: a binding.gyp or an
 * addon loader among its dependencies), compilers, optional packages that are not installed
 * (`pg` in a SQLite-only project: the import fails at run time only if it is reached, as
 * without a build), and the packages named in `extra`.
 */
export function externalPackages(extra: readonly string[] = []): Plugin {
	const named = new Set([...ALWAYS_EXTERNAL, ...extra]);
	const addon = new Map<string, boolean>();
	const manifestAt = manifestReader();
	return {
		name: 'charter-externals',
		setup(build) {
			build.onResolve({ filter: /^[^./]/ }, async (args) => {
				if (args.pluginData === SKIP || isBuiltin(args.path)) return undefined;
				const name = packageName(args.path);
				if (named.has(name)) return { path: args.path, external: true };
				const resolved = await build.resolve(args.path, {
					kind: args.kind,
					importer: args.importer,
					resolveDir: args.resolveDir,
					pluginData: SKIP,
				});
				if (resolved.errors.length > 0 || resolved.external)
					return { path: args.path, external: true };
				const folder = packageFolder(resolved.path, name, manifestAt);
				if (folder !== undefined) {
					let isAddon = addon.get(folder);
					if (isAddon === undefined) {
						isAddon = isNativeAddon(folder, manifestAt);
						addon.set(folder, isAddon);
					}
					if (isAddon) return { path: args.path, external: true };
				}
				return {
					path: resolved.path,
					namespace: resolved.namespace,
					...(resolved.sideEffects === false ? { sideEffects: false } : {}),
				};
			});
		},
	};
}

/** `@scope/name` or `name` from a bare specifier (`kysely/helpers/postgres` → `kysely`). */
export function packageName(specifier: string): string {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

interface Manifest {
	readonly name?: string;
	readonly gypfile?: boolean;
	readonly dependencies?: Record<string, string>;
	readonly optionalDependencies?: Record<string, string>;
}

/** The package.json of a folder: undefined when there is none, null when it is not JSON. */
type ManifestAt = (dir: string) => Manifest | null | undefined;

/** Reads each package.json once (a build resolves many imports in the same packages). */
function manifestReader(): ManifestAt {
	const read = new Map<string, Manifest | null | undefined>();
	return (dir) => {
		const file = join(dir, 'package.json');
		if (read.has(file)) return read.get(file);
		let manifest: Manifest | null | undefined;
		if (existsSync(file)) {
			try {
				manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
			} catch {
				manifest = null;
			}
		}
		read.set(file, manifest);
		return manifest;
	};
}

/** The folder of the package a resolved file belongs to (its package.json names it). */
function packageFolder(file: string, name: string, manifestAt: ManifestAt): string | undefined {
	for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = manifestAt(dir);
		if (manifest === undefined) continue;
		if (manifest === null) return undefined;
		if (manifest.name === name) return dir;
	}
	return undefined;
}

function isNativeAddon(folder: string, manifestAt: ManifestAt): boolean {
	if (existsSync(join(folder, 'binding.gyp'))) return true;
	const manifest = manifestAt(folder) ?? {};
	if (manifest.gypfile) return true;
	const deps = { ...manifest.dependencies, ...manifest.optionalDependencies };
	return ADDON_LOADERS.some((loader) => loader in deps);
}
