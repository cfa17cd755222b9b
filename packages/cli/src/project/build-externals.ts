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
				const folder = packageFolder(resolved.path, name);
				if (folder !== undefined) {
					let isAddon = addon.get(folder);
					if (isAddon === undefined) {
						isAddon = isNativeAddon(folder);
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

/** The folder of the package a resolved file belongs to (its package.json names it). */
function packageFolder(file: string, name: string): string | undefined {
	for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (!existsSync(manifest)) continue;
		try {
			if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name)
				return dir;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

function isNativeAddon(folder: string): boolean {
	if (existsSync(join(folder, 'binding.gyp'))) return true;
	const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
		gypfile?: boolean;
		dependencies?: Record<string, string>;
		optionalDependencies?: Record<string, string>;
	};
	if (manifest.gypfile) return true;
	const deps = { ...manifest.dependencies, ...manifest.optionalDependencies };
	return ADDON_LOADERS.some((loader) => loader in deps);
}
