import type { EventPage } from '../../model/page-model.ts';
import { html } from './html.ts';
import { layout, type PageOptions } from './layout.ts';
import { markdownBlock } from './markdown-html.ts';
import { deprecationBanner, factList, markdownName, sourceSection } from './operation-page.ts';
import { link, linkList, typeSectionHtml } from './sections.ts';

const ROOT = '../';

/** Renders the HTML page of an event, registered or declared inline. */
export function renderEventPage(
	page: EventPage,
	siteTitle: string,
	options: PageOptions = {},
): string {
	const main = html`<article>
${deprecationBanner(page.deprecation)}
<h1>${page.title}</h1>
${page.title !== page.key ? html`<p><code>${page.key}</code></p>` : ''}
${page.description ? html`<div class="lead">${markdownBlock(page.description)}</div>` : ''}
${factList(page.facts)}
<section aria-labelledby="payload"><h2 id="payload">Payload</h2>
${page.payload ? typeSectionHtml(ROOT, 'Payload', page.payload) : html`<p>No payload declared.</p>`}
${page.pii.length > 0 ? html`<p>Personal data (kept out of audit digests and logs): ${page.pii.map((p, i) => html`${i > 0 ? ', ' : ''}<code>${p}</code>`)}.</p>` : ''}
</section>
<section aria-labelledby="envelope"><h2 id="envelope">Envelope</h2>
<p>Published as a CloudEvents 1.0 JSON envelope with <code>type</code> <code>${page.key}</code> and the payload in <code>data</code>.</p></section>
<section aria-labelledby="emitted-by"><h2 id="emitted-by">Emitted by</h2>
${
	page.emittedBy.length > 0
		? html`<ul>${page.emittedBy.map((e) => html`<li>${link(ROOT, e)}${e.when ? html`: ${e.when}` : ''}</li>`)}</ul>`
		: html`<p>No operation declares this event.</p>`
}</section>
${sourceSection(page.source)}
${page.features.length > 0 ? html`<section aria-labelledby="features"><h2 id="features">Features</h2>${linkList(ROOT, page.features)}</section>` : ''}
</article>`;
	return layout({
		siteTitle,
		pageTitle: page.title,
		root: ROOT,
		path: page.path,
		...(options.markdown ? { markdown: markdownName(page.path) } : {}),
		...(options.firstGuide ? { firstGuide: options.firstGuide } : {}),
		main,
	});
}
