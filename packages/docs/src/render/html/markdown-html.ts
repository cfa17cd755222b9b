// Markdown to HTML with markdown-it. Raw HTML in the source is escaped (html: false), and
// markdown-it refuses javascript:, vbscript:, file: and non-image data: links, so what authors
// write in descriptions and guides cannot inject markup or script into the site.
import MarkdownIt from 'markdown-it';
import { highlightTypeScript } from '../../highlight/highlight-html.ts';
import { headingId } from '../../model/guide-pages.ts';
import { escapeHtml, raw, type SafeHtml } from './html.ts';

const md = new MarkdownIt({
	html: false,
	linkify: false,
	typographer: false,
	highlight: (code, language) =>
		language === 'ts' || language === 'typescript' ? highlightTypeScript(code) : '',
});

// Relative links to `.md` files become links to their `.html` pages.
const defaultLinkOpen =
	md.renderer.rules.link_open ??
	((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
	const token = tokens[i]!;
	const href = token.attrGet('href');
	if (href && !/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href))
		token.attrSet('href', href.replace(/\.md(#|$)/, '.html$1'));
	return defaultLinkOpen(tokens, i, options, env, self);
};

// Headings get anchors (the same ids the guide model lists), unique within a page.
md.core.ruler.push('heading_ids', (state) => {
	const seen = new Set<string>();
	const tokens = state.tokens;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (token.type !== 'heading_open' || token.tag === 'h1') continue;
		const text = tokens[i + 1]?.content ?? '';
		let id = headingId(text);
		for (let n = 2; seen.has(id); n++) id = `${headingId(text)}-${n}`;
		seen.add(id);
		token.attrSet('id', id);
	}
});

// Code blocks get a tab stop and a copy button, like every other snippet of the site.
const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, i, options, env, self) =>
	`<div class="snippet" data-copy>${defaultFence(tokens, i, options, env, self).replace('<pre>', '<pre tabindex="0">')}</div>`;

/** Only these characters can make Markdown differ from plain text. */
const MARKUP = /[*_`[\]<>&#!|~\\\n]|^\s*(?:[-+]|\d+[.)])\s/;

/** Renders a description's Markdown as a block (paragraphs, lists, code). */
export function markdownBlock(text: string): SafeHtml {
	if (!MARKUP.test(text)) return raw(`<p>${escapeHtml(text)}</p>`);
	return raw(md.render(text));
}

/** Renders one line of Markdown inline (emphasis, code, links), for table cells and leads. */
export function markdownInline(text: string): SafeHtml {
	if (!MARKUP.test(text)) return raw(escapeHtml(text));
	return raw(md.renderInline(text));
}

/** Renders a whole guide. */
export function markdownDocument(text: string): SafeHtml {
	return raw(md.render(text));
}
