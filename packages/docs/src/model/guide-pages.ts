// The guides' page models: Markdown written by people, in sections, with includes generated
// from code (the CLI and configuration references) expanded.
import type { GuidePage, GuideSection } from './page-model.ts';

/** One guide as the site receives it: its section, its path under the guides, its Markdown. */
export interface GuideSource {
	readonly section: string;
	/** Path relative to the guides folder, e.g. `contracts/operations.md`. */
	readonly path: string;
	readonly text: string;
}

/** `<!-- charter:include NAME -->` on a line of its own is replaced by the include NAME. */
const INCLUDE = /^<!--\s*charter:include\s+([\w-]+)\s*-->\s*$/gm;

/** Error of a guide that cannot become a page: an unknown include, no title. */
export class GuideError extends Error {
	override readonly name = 'GuideError';
}

/** Makes a heading's anchor: lowercase words joined by hyphens. */
export function headingId(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(/`/g, '')
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '') || 'section'
	);
}

/** Gives the site path of a guide: `guides/<path>.html`. */
export function guidePath(sourcePath: string): string {
	return `guides/${sourcePath.replace(/\.md$/, '')}.html`;
}

/**
 * Builds the guide sections in the order given: each guide's title is its first `#` heading,
 * its description the paragraph after it; includes are expanded.
 */
export function guideSections(
	sources: readonly GuideSource[],
	includes: Readonly<Record<string, string>> = {},
): GuideSection[] {
	const sections = new Map<string, GuidePage[]>();
	for (const source of sources) {
		const page = guidePage(source, includes);
		const pages = sections.get(source.section) ?? [];
		pages.push(page);
		sections.set(source.section, pages);
	}
	return [...sections].map(([title, pages]) => ({ title, pages }));
}

function guidePage(source: GuideSource, includes: Readonly<Record<string, string>>): GuidePage {
	const markdown = source.text.replace(INCLUDE, (_line, name: string) => {
		const text = includes[name];
		if (text === undefined) {
			const known = Object.keys(includes).sort().join(', ') || 'none';
			throw new GuideError(
				`${source.path}: unknown include "${name}" (known: ${known}); fix the charter:include comment`,
			);
		}
		return text.trimEnd();
	});
	const lines = markdown.split('\n');
	const headings: { text: string; id: string }[] = [];
	let title: string | undefined;
	let description: string | undefined;
	let fence: string | undefined;
	const seen = new Set<string>();
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const marker = /^(```+|~~~+)/.exec(line)?.[1];
		if (marker && (fence === undefined || line.startsWith(fence))) {
			fence = fence === undefined ? marker : undefined;
			continue;
		}
		if (fence !== undefined) continue;
		if (title === undefined && line.startsWith('# ')) {
			title = line.slice(2).trim();
			const paragraph: string[] = [];
			let j = i + 1;
			while (j < lines.length && lines[j]!.trim() === '') j++;
			while (
				j < lines.length &&
				lines[j]!.trim() !== '' &&
				!/^(#|>|\||- |```|~~~)/.test(lines[j]!)
			) {
				paragraph.push(lines[j]!.trim());
				j++;
			}
			if (paragraph.length > 0) description = paragraph.join(' ');
		} else if (line.startsWith('## ')) {
			const text = line.slice(3).trim();
			let id = headingId(text);
			for (let n = 2; seen.has(id); n++) id = `${headingId(text)}-${n}`;
			seen.add(id);
			headings.push({ text, id });
		}
	}
	if (title === undefined)
		throw new GuideError(`${source.path}: a guide starts with a "# Title" line; none was found`);
	return {
		kind: 'guide',
		path: guidePath(source.path),
		title,
		...(description ? { description } : {}),
		section: source.section,
		markdown,
		headings,
	};
}
