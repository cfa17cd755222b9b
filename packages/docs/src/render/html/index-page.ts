import type { DocsModel, IndexEntry } from '../../model/page-model.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageOptions } from './layout.ts';
import { markdownBlock, markdownInline } from './markdown-html.ts';
import { methodBadge } from './operation-page.ts';

function entryCard(entry: IndexEntry): SafeHtml {
	return html`<li class="entry" data-entry="${entry.href}" data-tags="${JSON.stringify(entry.tags)}" data-owners="${JSON.stringify(entry.owners)}" data-stability="${entry.stability ?? ''}">${entry.method ? html`<p class="route">${methodBadge(entry.method)} <code>${entry.route ?? ''}</code></p>` : ''}<a href="${entry.href}">${entry.title}</a>
<div class="meta"><span class="badge">${entry.kind}</span>${entry.version ? html`<span class="badge">v${entry.version}</span>` : ''}${entry.stability ? html`<span class="badge">${entry.stability}</span>` : ''}</div>
${entry.description ? html`<p>${markdownInline(entry.description)}</p>` : ''}</li>
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

/** Renders the reference index: the guides, filters, contracts grouped by feature, then models. */
export function renderIndexPage(model: DocsModel, options: PageOptions = {}): string {
	const main = html`<h1>${model.title}</h1>
<p class="lead">Every operation, event and model of the project, generated from its contracts.${model.guides.length > 0 ? ' The guides explain how it all fits together.' : ''}</p>
${
	model.guides.length > 0
		? html`<section aria-labelledby="guides"><h2 id="guides">Guides</h2><ul class="guide-list">${model.guides.map(
				(section) =>
					html`<li><strong>${section.title}</strong>: ${section.pages.map((page, i) => html`${i > 0 ? ' · ' : ''}<a href="${page.path}">${page.title}</a>`)}</li>`,
			)}</ul></section>`
		: ''
}
<form id="index-filters" class="filters" aria-label="Filter the reference">
${select('filter-tag', 'Tag', 'All tags', model.filters.tags)}
${select('filter-owner', 'Owner', 'All owners', model.filters.owners)}
${select('filter-stability', 'Stability', 'Any stability', model.filters.stabilities)}
</form>
<p id="result-count" role="status" aria-live="polite"></p>
${model.groups.map(
	(
		group,
	) => html`<section data-group aria-labelledby="${group.id}"><h2 id="${group.id}">${group.title}</h2>
${group.description ? markdownBlock(group.description) : ''}
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
		path: 'index.html',
		main,
		...(options.firstGuide ? { firstGuide: options.firstGuide } : {}),
	});
}
