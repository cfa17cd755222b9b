import { indexEntryOf } from '../model/index-groups.ts';
import type { DocsModel, FieldRow } from '../model/page-model.ts';

/** One searchable page: what a result shows, plus the lowercased text the search matches. */
export interface SearchEntry {
	readonly kind: string;
	readonly title: string;
	/** Where the result sits: a guide section, a feature, `Models`. */
	readonly section?: string;
	readonly method?: string;
	readonly route?: string;
	readonly description?: string;
	readonly href: string;
	readonly text: string;
}

const fieldWords = (fields: readonly FieldRow[]) => fields.map((f) => f.name);
/** Guide text is indexed up to this many characters: enough for the words that matter. */
const GUIDE_TEXT = 4000;

/**
 * Builds the site's one search index, across guides and reference: a guide page and each of
 * its sections, every operation, event and model.
 */
export function buildSearchIndex(model: DocsModel): SearchEntry[] {
	const entries: SearchEntry[] = [];
	const push = (entry: Omit<SearchEntry, 'text'>, words: readonly string[]) => {
		entries.push({
			...entry,
			text: [entry.title, entry.kind, entry.description ?? '', ...words].join(' ').toLowerCase(),
		});
	};
	for (const section of model.guides) {
		for (const page of section.pages) {
			const plain = page.markdown.replace(/[`*_#>[\]()|]/g, ' ').replace(/\s+/g, ' ');
			push(
				{
					kind: 'guide',
					title: page.title,
					section: section.title,
					...(page.description ? { description: page.description } : {}),
					href: page.path,
				},
				[section.title, plain.slice(0, GUIDE_TEXT)],
			);
			for (const heading of page.headings) {
				push(
					{
						kind: 'section',
						title: heading.text.replace(/`/g, ''),
						section: page.title,
						href: `${page.path}#${heading.id}`,
					},
					[page.title],
				);
			}
		}
	}
	const featureOf = new Map<string, string>();
	for (const group of model.groups) {
		for (const entry of [...group.operations, ...group.events])
			featureOf.set(entry.href, group.title);
	}
	for (const page of model.operations) {
		const entry = indexEntryOf(page);
		const section = featureOf.get(page.path);
		push(
			{
				kind: entry.kind,
				title: entry.title,
				...(section ? { section } : {}),
				method: page.wire.rest.method,
				route: page.wire.rest.path,
				...(entry.description ? { description: entry.description } : {}),
				href: page.path,
			},
			[
				page.key,
				page.wire.rest.path,
				page.wire.graphql.field,
				page.wire.mcp.tool,
				...page.tags,
				...page.owners,
				...fieldWords(page.input.fields),
			],
		);
	}
	for (const page of model.events) {
		const section = featureOf.get(page.path);
		push(
			{
				kind: 'event',
				title: page.title,
				...(section ? { section } : {}),
				...(page.description ? { description: page.description } : {}),
				href: page.path,
			},
			[page.key, ...page.tags, ...fieldWords(page.payload?.fields ?? [])],
		);
	}
	for (const page of model.modelPages) {
		push(
			{
				kind: page.typeKind,
				title: page.name,
				section: 'Models',
				...(page.description ? { description: page.description } : {}),
				href: page.path,
			},
			[...fieldWords(page.fields), ...page.enumValues.map((v) => v.value)],
		);
	}
	return entries;
}
