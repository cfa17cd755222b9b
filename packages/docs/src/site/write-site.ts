import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { SiteFiles } from './render-site.ts';

/** The manifest of files a previous run wrote, so a new run can remove the stale ones. */
const MANIFEST = '.charter-docs.json';

export interface WriteSiteResult {
	readonly written: number;
	/** Files of a previous run that the new site no longer has, now deleted. */
	readonly removed: readonly string[];
}

/**
 * Writes a site into a folder and deletes the pages a previous run wrote that are gone now.
 * Only files listed in the folder's manifest are ever deleted; other files are left alone.
 */
export function writeSite(outDir: string, files: SiteFiles): WriteSiteResult {
	const root = resolve(outDir);
	const manifestPath = join(root, MANIFEST);
	const previous = readManifest(manifestPath);
	const folders = new Set<string>();
	for (const [path, content] of files) {
		const target = join(root, path);
		if (!target.startsWith(root + sep))
			throw new Error(`refusing to write outside ${root}: ${path}`);
		const folder = dirname(target);
		if (!folders.has(folder)) {
			mkdirSync(folder, { recursive: true });
			folders.add(folder);
		}
		if (!existsSync(target) || readFileSync(target, 'utf8') !== content)
			writeFileSync(target, content);
	}
	const removed = previous.filter((path) => !files.has(path)).sort();
	for (const path of removed) {
		const target = join(root, path);
		if (target.startsWith(root + sep)) rmSync(target, { force: true });
	}
	mkdirSync(root, { recursive: true });
	writeFileSync(manifestPath, `${JSON.stringify({ files: [...files.keys()] }, null, 2)}\n`);
	return { written: files.size, removed };
}

function readManifest(path: string): string[] {
	if (!existsSync(path)) return [];
	try {
		const parsed = JSON.parse(readFileSync(path, 'utf8')) as { files?: unknown };
		return Array.isArray(parsed.files)
			? parsed.files.filter((f): f is string => typeof f === 'string')
			: [];
	} catch {
		return [];
	}
}
