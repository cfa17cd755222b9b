import type { DocsModel, IndexEntry } from '../../model/page-model.ts';
import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';

const KIND_WORDS: Record<IndexEntry['kind'], string> = {
	command: 'command',
	query: 'query',
	event: 'event',
	model: 'model',
	enum: 'enum',
	union: 'union',
};

function entryCard(entry: IndexEntry): SafeHtml {
	return html`<li class="entry" data-entry="${entry.href}"><a href="${entry.href}">${entry.title}</a>
<div class="meta"><span class="badge">${KIND_WORDS[entry.kind]}</span>${entry.version ? html`<span class="badge">v${entry.version}</span>` : ''}${entry.stability ? html`<span class="badge">${entry.stability}</span>` : ''}</div>
${entry.description ? html`<p>${entry.description}</p>` : ''}</li>
`;
}

function entryList(heading: string, entries: readonly IndexEntry[]): SafeHtml {
	if (entries.length === 0) return html``;
	return html`<div data-list><h3>${heading}</h3><ul class="entries">
${entries.map(entryCard)}</ul></div>`;
}

function select(id: string, label: string, all: string, values: readonly string[]): SafeHtml {
	return html`<label for="${id}">${label}<select id="${id}"><option value="">${all}</option>${values.map((v) => html`<option value="${v}">${v}</option>`)}</select></label>`;
}

/** Renders the index: search, filters, contracts grouped by feature, then models. */
export function renderIndexPage(model: DocsModel): string {
	const main = html`<h1>${model.title}</h1>
<p class="lead">Every operation, event and model of the project, generated from its contracts.</p>
<form id="index-filters" class="filters" role="search" aria-label="Search and filter contracts">
<label for="search">Search<input id="search" name="q" type="search" autocomplete="off" placeholder="key, description, field"></label>
${select('filter-tag', 'Tag', 'All tags', model.filters.tags)}
${select('filter-owner', 'Owner', 'All owners', model.filters.owners)}
${select('filter-stability', 'Stability', 'Any stability', model.filters.stabilities)}
</form>
<p id="result-count" role="status" aria-live="polite"></p>
${model.groups.map(
	(
		group,
	) => html`<section data-group aria-labelledby="${group.id}"><h2 id="${group.id}">${group.title}</h2>
${group.description ? html`<p>${group.description}</p>` : ''}
${entryList('Operations', group.operations)}
${entryList('Events', group.events)}
</section>
`,
)}${
	model.models.length > 0
		? html`<section data-group aria-labelledby="models"><h2 id="models">Models</h2>
${entryList('Models, enums and unions', model.models)}</section>`
		: ''
}`;
	return layout({
		siteTitle: model.title,
		pageTitle: model.title,
		root: '',
		main,
		scripts: ['search-index.js'],
	});
}
