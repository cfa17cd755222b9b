export { highlightTypeScript } from './highlight/highlight-html.ts';
export {
	extractDefinition,
	type Token,
	type TokenKind,
	tokenize,
} from './highlight/ts-tokenizer.ts';
export { buildDocsModel, type DocsModelOptions } from './model/build-docs-model.ts';
export type * from './model/page-model.ts';
export { escapeHtml, html, raw, SafeHtml } from './render/html/html.ts';
export { escapeMarkdown, renderMarkdownPage } from './render/markdown/markdown-renderer.ts';
export {
	createDocsHandler,
	type DocsHandler,
	type DocsHandlerOptions,
	serveDocs,
} from './server/docs-handler.ts';
export { buildSite, renderSite, type SiteFiles, type SiteOptions } from './site/render-site.ts';
export { buildSearchIndex, type SearchEntry } from './site/search-index.ts';
export { type WriteSiteResult, writeSite } from './site/write-site.ts';
