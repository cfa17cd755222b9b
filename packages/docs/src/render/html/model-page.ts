import type { ModelPage } from '../../model/page-model.ts';
import { html } from './html.ts';
import { layout, type PageOptions } from './layout.ts';
import { markdownBlock, markdownInline } from './markdown-html.ts';
import { markdownName } from './operation-page.ts';
import { fieldTable, linkList, snippet, typeRef } from './sections.ts';

const ROOT = '../';

/** Renders the HTML page of a model, an enum or a named union. */
export function renderModelPage(
	page: ModelPage,
	siteTitle: string,
	options: PageOptions = {},
): string {
	const main = html`<article>
<h1>${page.name}</h1>
${page.description ? html`<div class="lead">${markdownBlock(page.description)}</div>` : ''}
<dl class="facts"><dt>Type</dt><dd>${page.typeKind}</dd></dl>
${page.fields.length > 0 ? html`<section aria-labelledby="fields"><h2 id="fields">Fields</h2>${fieldTable(ROOT, `${page.name} fields`, page.fields)}</section>` : ''}
${
	page.enumValues.length > 0
		? html`<section aria-labelledby="values"><h2 id="values">Values</h2>
<div class="table-wrap"><table><caption class="sr-only">${page.name} values</caption>
<thead><tr><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead>
<tbody>${page.enumValues.map((v) => html`<tr><th scope="row"><code>${v.value}</code></th><td>${v.description ? markdownInline(v.description) : ''}${v.deprecated ? html` <strong>Deprecated:</strong> ${v.deprecated}` : ''}</td></tr>`)}</tbody>
</table></div></section>`
		: ''
}
${
	page.variants.length > 0
		? html`<section aria-labelledby="variants"><h2 id="variants">Variants</h2>
${page.discriminator ? html`<p>Selected by the field <code>${page.discriminator}</code>.</p>` : ''}
<ul>${page.variants.map((v) => html`<li>${typeRef(ROOT, v)}</li>`)}</ul></section>`
		: ''
}
<section aria-labelledby="schema"><h2 id="schema">JSON Schema</h2>
<p>The schema published in OpenAPI and MCP, and enforced at run time.</p>
${snippet('json-schema', `${page.name} JSON Schema`, page.jsonSchema, 'json')}</section>
<section aria-labelledby="used-by"><h2 id="used-by">Used by</h2>${page.usedBy.length > 0 ? linkList(ROOT, page.usedBy) : html`<p>Only through other models.</p>`}</section>
</article>`;
	return layout({
		siteTitle,
		pageTitle: page.name,
		root: ROOT,
		path: page.path,
		...(page.description ? { description: page.description } : {}),
		...(options.markdown ? { markdown: markdownName(page.path) } : {}),
		...(options.firstGuide ? { firstGuide: options.firstGuide } : {}),
		main,
	});
}
