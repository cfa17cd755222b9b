import type { ContractRegistry } from '@charter/spec';
import { buildDocsModel, type DocsModelOptions } from '../model/build-docs-model.ts';
import type { DocsModel } from '../model/page-model.ts';
import { SITE_JS } from '../render/html/assets/site-script.ts';
import { SITE_CSS } from '../render/html/assets/site-style.ts';
import { renderEventPage } from '../render/html/event-page.ts';
import { renderIndexPage } from '../render/html/index-page.ts';
import { renderModelPage } from '../render/html/model-page.ts';
import { renderOperationPage } from '../render/html/operation-page.ts';
import { renderMarkdownPage } from '../render/markdown/markdown-renderer.ts';
import { buildSearchIndex } from './search-index.ts';

/** A generated site: file contents by path relative to the site root, sorted by path. */
export type SiteFiles = ReadonlyMap<string, string>;

/** Options of the rendered site. */
export interface SiteOptions {
	/** Also write a Markdown twin of every page under `markdown/`. */
	readonly markdown?: boolean;
}

/**
 * Renders the static site of a page model: index, a page per operation, event and model
 * (HTML, and its page model as JSON beside it),
 * the search index (JSON, and as a script so it also works from `file://`), CSS and JS.
 * Deterministic: the same model always gives the same bytes.
 */
export function renderSite(model: DocsModel, options: SiteOptions = {}): SiteFiles {
	const files = new Map<string, string>();
	const search = buildSearchIndex(model);
	files.set('index.html', renderIndexPage(model));
	files.set('assets/style.css', SITE_CSS);
	files.set('assets/site.js', SITE_JS);
	files.set('search-index.json', `${JSON.stringify(search)}\n`);
	files.set(
		'search-index.js',
		`window.CHARTER_SEARCH = ${JSON.stringify(search).replaceAll('</', '<\\/')};\n`,
	);
	for (const page of model.operations) files.set(page.path, renderOperationPage(page, model.title));
	for (const page of model.events) files.set(page.path, renderEventPage(page, model.title));
	for (const page of model.modelPages) files.set(page.path, renderModelPage(page, model.title));
	// The page model of every page, beside its HTML, for tools that want the data (Studio, bots).
	for (const page of [...model.operations, ...model.events, ...model.modelPages]) {
		files.set(page.path.replace(/\.html$/, '.json'), `${JSON.stringify(page)}\n`);
	}
	if (options.markdown) {
		for (const page of [...model.operations, ...model.events, ...model.modelPages]) {
			files.set(`markdown/${page.path.replace(/\.html$/, '.md')}`, renderMarkdownPage(page));
		}
	}
	return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Builds the page model of a registry and renders its site in one step.
 *
 * @example
 * const files = buildSite(project.registry, { title: project.config.title, sources });
 */
export function buildSite(
	registry: ContractRegistry,
	options: DocsModelOptions & SiteOptions = {},
): SiteFiles {
	return renderSite(buildDocsModel(registry, options), options);
}
