import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** A folder in the OS temp folder; `remove` deletes it. */
export interface TempFolder {
	readonly dir: string;
	remove(): void;
}

/**
 * Makes a folder in the OS temp folder (never in the repository) where modules written into
 * it resolve as they would in the workspace: `node_modules` links to the repository's, so
 * `@charter/*` and every dependency resolve, and each entry of `links` (a name in the folder ->
 * an absolute path; a name may have folders, `src/instance/x.ts`) links to a real file or
 * folder, so relative imports such as `./src/...` or `./instance.enum` find the real modules.
 */
export function linkedTempFolder(prefix: string, links: Record<string, string> = {}): TempFolder {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
	for (const [name, target] of Object.entries(links)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		symlinkSync(target, join(dir, name));
	}
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
