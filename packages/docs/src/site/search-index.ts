import { indexEntryOf } from '../model/index-groups.ts';
import type { DocsModel, FieldRow } from '../model/page-model.ts';

/** One searchable page: what the index shows, plus the lowercased text the search matches. */
export interface SearchEntry {
	readonly kind: string;
	readonly title: string;
	readonly version?: string;
	readonly description?: string;
	readonly stability?: string;
	readonly owners: readonly string[];
	readonly tags: readonly string[];
	readonly href: string;
	readonly text: string;
}

const fieldWords = (fields: readonly FieldRow[]) => fields.map((f) => f.name);

/** Builds the offline search index: one entry per operation, event and model page. */
export function buildSearchIndex(model: DocsModel): SearchEntry[] {
	const entries: SearchEntry[] = [];
	const push = (entry: Omit<SearchEntry, 'text'>, extra: readonly string[]) => {
		const words = [
			entry.title,
			entry.kind,
			entry.description ?? '',
			...entry.tags,
			...entry.owners,
			...extra,
		];
		entries.push({ ...entry, text: words.join(' ').toLowerCase() });
	};
	for (const page of model.operations) {
		push(indexEntryOf(page), [
			page.key,
			page.wire.rest.path,
			page.wire.graphql.field,
			page.wire.mcp.tool,
			...fieldWords(page.input.fields),
		]);
	}
	for (const page of model.events) {
		push(indexEntryOf(page), [page.key, ...fieldWords(page.payload?.fields ?? [])]);
	}
	for (const page of model.modelPages) {
		push(
			{
				kind: page.typeKind,
				title: page.name,
				...(page.description ? { description: page.description } : {}),
				owners: [],
				tags: [],
				href: page.path,
			},
			[...fieldWords(page.fields), ...page.enumValues.map((v) => v.value)],
		);
	}
	return entries;
}
