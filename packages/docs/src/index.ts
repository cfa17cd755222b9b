export { highlightTypeScript } from './highlight/highlight-html.ts';
export {
	extractDefinition,
	type Token,
	type TokenKind,
	tokenize,
	withoutInternalComments,
} from './highlight/ts-tokenizer.ts';
export { buildDocsModel, type DocsModelOptions } from './model/build-docs-model.ts';
export { GuideError, type GuideSource, guidePath, guideSections } from './model/guide-pages.ts';
export type * from './model/page-model.ts';
export { buildSnippets, type SnippetOptions } from './model/snippets/build-snippets.ts';
export { CLIENT_PACKAGE } from './model/snippets/client-package.ts';
export { escapeHtml, html, raw, SafeHtml } from './render/html/html.ts';
export { escapeMarkdown, renderMarkdownPage } from './render/markdown/markdown-renderer.ts';
export {
	createDocsHandler,
	DOCS_CSP,
	type DocsHandler,
	type DocsHandlerOptions,
	serveDocs,
} from './server/docs-handler.ts';
export { llmsFull, llmsIndex } from './site/llms-text.ts';
export { buildNav, type NavGroup, type NavLink } from './site/nav-data.ts';
export {
	buildSite,
	buildSiteInSlices,
	renderSite,
	type SiteFiles,
	type SiteOptions,
} from './site/render-site.ts';
export { buildSearchIndex, type SearchEntry } from './site/search-index.ts';
export { type WriteSiteResult, writeSite } from './site/write-site.ts';
