import type { GuidePage } from '../../model/page-model.ts';
import { html } from './html.ts';
import { layout, type PageOptions } from './layout.ts';
import { markdownDocument } from './markdown-html.ts';
import { markdownName } from './operation-page.ts';

/** Gives the prefix from a page to the site root: `../` per folder of its path. */
export function rootOf(path: string): string {
	return '../'.repeat(path.split('/').length - 1);
}

/** Renders a guide: its Markdown as HTML, with the page's contents beside it when it has sections. */
export function renderGuidePage(
	page: GuidePage,
	siteTitle: string,
	options: PageOptions = {},
): string {
	const main = html`<article class="guide">
<p class="eyebrow">${page.section}</p>
${markdownDocument(page.markdown)}
</article>
${
	page.headings.length > 1
		? html`<nav class="toc" aria-label="On this page"><p>On this page</p><ul>${page.headings.map((h) => html`<li><a href="#${h.id}">${h.text.replace(/`/g, '')}</a></li>`)}</ul></nav>`
		: ''
}`;
	return layout({
		siteTitle,
		pageTitle: page.title,
		root: rootOf(page.path),
		path: page.path,
		...(page.description ? { description: page.description } : {}),
		...(options.markdown ? { markdown: markdownName(page.path) } : {}),
		...(options.firstGuide ? { firstGuide: options.firstGuide } : {}),
		main,
	});
}
