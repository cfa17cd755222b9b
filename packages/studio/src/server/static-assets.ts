import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Where `npm run build -w @charter/studio` puts the app. */
export const DEFAULT_ASSETS_DIR = fileURLToPath(new URL('../../dist/app', import.meta.url));

const TYPES: Record<string, string> = {
	html: 'text/html; charset=utf-8',
	js: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	svg: 'image/svg+xml',
	json: 'application/json; charset=utf-8',
	ico: 'image/x-icon',
	png: 'image/png',
	woff2: 'font/woff2',
};

/** One built file, kept in memory with its gzipped twin. */
export interface Asset {
	readonly type: string;
	readonly body: Buffer;
	readonly gzip: Buffer;
	/** Vite names bundles by content hash: those may be cached for good. */
	readonly immutable: boolean;
}

/**
 * Loads the built app (a folder of files) into memory, gzipped once; undefined when the app was
 * not built (the handler then says how to build it).
 */
export function loadAssets(dir: string): Map<string, Asset> | undefined {
	if (!existsSync(join(dir, 'index.html'))) return undefined;
	const assets = new Map<string, Asset>();
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) {
				walk(path);
				continue;
			}
			const body = readFileSync(path);
			const file = relative(dir, path).split(sep).join('/');
			assets.set(file, {
				type: TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
				body,
				gzip: gzipSync(body, { level: 9 }),
				immutable: file.startsWith('assets/'),
			});
		}
	};
	walk(dir);
	return assets;
}
