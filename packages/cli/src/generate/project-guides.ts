import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { GuideSource } from '@charter/docs';
import { UsageError } from '../command.ts';

/** `guides.json`: the sections of the guides, in order, each with its pages in order. */
interface GuidesManifest {
	readonly sections: readonly { readonly title: string; readonly pages: readonly string[] }[];
}

const MANIFEST = 'guides.json';

function listMarkdown(dir: string, root: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return listMarkdown(path, root);
		return entry.name.endsWith('.md') ? [relative(root, path).split(sep).join('/')] : [];
	});
}

/**
 * Reads a project's guides: the folder's `guides.json` names the sections and their pages in
 * order. A listed page that is missing, or a Markdown file the manifest does not list, is a
 * usage error, so no guide is dropped or published by accident.
 */
export function readGuides(folder: string): GuideSource[] {
	const root = resolve(folder);
	const manifestFile = join(root, MANIFEST);
	if (!existsSync(manifestFile))
		throw new UsageError(
			`${manifestFile} is missing: list the guides' sections and pages there ({ "sections": [{ "title", "pages": [...] }] })`,
			'CHARTER_GUIDES',
		);
	let manifest: GuidesManifest;
	try {
		manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as GuidesManifest;
	} catch (error) {
		throw new UsageError(`${manifestFile}: ${(error as Error).message}`, 'CHARTER_GUIDES');
	}
	if (!Array.isArray(manifest.sections))
		throw new UsageError(`${manifestFile}: "sections" must be a list`, 'CHARTER_GUIDES');
	const guides: GuideSource[] = [];
	const listed = new Set<string>();
	for (const section of manifest.sections) {
		for (const page of section.pages ?? []) {
			const file = join(root, page);
			if (!existsSync(file))
				throw new UsageError(
					`${manifestFile} lists ${page}, which does not exist`,
					'CHARTER_GUIDES',
				);
			listed.add(page);
			guides.push({ section: section.title, path: page, text: readFileSync(file, 'utf8') });
		}
	}
	const unlisted = listMarkdown(root, root).filter((page) => !listed.has(page));
	if (unlisted.length > 0)
		throw new UsageError(
			`${manifestFile} does not list ${unlisted.join(', ')}: add each to a section (or move it out of the folder)`,
			'CHARTER_GUIDES',
		);
	return guides;
}
