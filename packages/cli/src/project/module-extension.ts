import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { extensionOf, isModulePackage } from 'create-charter';

/**
 * The extension of TypeScript modules Charter writes in `dir`: `.mts` when the nearest
 * package.json (in `dir` or above) has no `"type": "module"` (CommonJS, where `.ts` files load
 * as CommonJS), so they load as ES modules; `.ts` otherwise, or with no package.json at all.
 */
export function moduleExtensionAt(dir: string): 'ts' | 'mts' {
	for (let at = resolve(dir); ; at = dirname(at)) {
		const manifest = join(at, 'package.json');
		if (existsSync(manifest)) {
			try {
				return extensionOf(isModulePackage(readFileSync(manifest, 'utf8')) ? 'module' : 'commonjs');
			} catch {
				return 'ts'; // An unreadable package.json is `charter init`'s to report.
			}
		}
		if (dirname(at) === at) return 'ts';
	}
}
