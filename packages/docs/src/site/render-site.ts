import type { ContractRegistry } from '@charter/spec';
import { type DocsModelOptions, docsModelSteps } from '../model/build-docs-model.ts';
import type { DocsModel, DocsPage } from '../model/page-model.ts';
import { SITE_JS, THEME_JS } from '../render/html/assets/site-script.ts';
import { SITE_CSS } from '../render/html/assets/site-style.ts';
import { renderEventPage } from '../render/html/event-page.ts';
import { renderGuidePage } from '../render/html/guide-page.ts';
import { renderIndexPage } from '../render/html/index-page.ts';
import type { PageOptions } from '../render/html/layout.ts';
import { renderModelPage } from '../render/html/model-page.ts';
import { renderOperationPage } from '../render/html/operation-page.ts';
import { renderMarkdownPage } from '../render/markdown/markdown-renderer.ts';
import { type BuildSteps, runSteps, runStepsInSlices } from './build-steps.ts';
import { allPages, llmsFull, llmsIndex } from './llms-text.ts';
import { buildNav } from './nav-data.ts';
import { buildSearchIndex } from './search-index.ts';

/** A generated site: file contents by path relative to the site root, sorted by path. */
export type SiteFiles = ReadonlyMap<string, string>;

/** Options of the rendered site. */
export interface SiteOptions {
	/** Also write a Markdown twin beside every page (`x.md` beside `x.html`), and llms-full.txt. */
	readonly markdown?: boolean;
}

/** A script that sets one global, safe to load from `file://` and under a strict CSP. */
const dataScript = (name: string, data: unknown) =>
	`window.${name} = ${JSON.stringify(data).replaceAll('</', '<\\/')};\n`;

/**
 * Renders the static site of a page model: the reference index, a page per guide, operation,
 * event and model (HTML, and its page model as JSON beside it; with `markdown`, its Markdown
 * too), the sidebar (`nav.js`), the one search index (JSON, and as a script so it also works
 * from `file://`), `llms.txt`, CSS and JS. Deterministic: the same model always gives the
 * same bytes.
 */
export function renderSite(model: DocsModel, options: SiteOptions = {}): SiteFiles {
	return runSteps(renderSiteSteps(model, options));
}

/** `renderSite` as steps, one per page (see build-steps.ts). */
function* renderSiteSteps(model: DocsModel, options: SiteOptions): BuildSteps<SiteFiles> {
	const files = new Map<string, string>();
	const search = buildSearchIndex(model);
	const firstGuide = model.guides[0]?.pages[0]?.path;
	const pageOptions: PageOptions = {
		...(options.markdown ? { markdown: true } : {}),
		...(firstGuide ? { firstGuide } : {}),
	};
	files.set('index.html', renderIndexPage(model, pageOptions));
	files.set('assets/style.css', SITE_CSS);
	files.set('assets/site.js', SITE_JS);
	files.set('assets/theme.js', THEME_JS);
	files.set('nav.js', dataScript('CHARTER_NAV', buildNav(model)));
	files.set('search-index.json', `${JSON.stringify(search)}\n`);
	files.set('search-index.js', dataScript('CHARTER_SEARCH', search));
	for (const section of model.guides) {
		for (const page of section.pages) {
			files.set(page.path, renderGuidePage(page, model.title, pageOptions));
			yield;
		}
	}
	for (const page of model.operations) {
		files.set(page.path, renderOperationPage(page, model.title, pageOptions));
		yield;
	}
	for (const page of model.events) {
		files.set(page.path, renderEventPage(page, model.title, pageOptions));
		yield;
	}
	for (const page of model.modelPages) {
		files.set(page.path, renderModelPage(page, model.title, pageOptions));
		yield;
	}
	// The page model of every contract page, beside its HTML, for tools that want the data.
	for (const page of [...model.operations, ...model.events, ...model.modelPages]) {
		files.set(page.path.replace(/\.html$/, '.json'), `${JSON.stringify(page)}\n`);
		yield;
	}
	files.set('llms.txt', llmsIndex(model, options.markdown === true));
	if (options.markdown) {
		const markdownOf = new Map<DocsPage, string>();
		for (const page of allPages(model)) {
			const text = renderMarkdownPage(page);
			markdownOf.set(page, text);
			files.set(page.path.replace(/\.html$/, '.md'), text);
			yield;
		}
		files.set('llms-full.txt', llmsFull(model, markdownOf));
	}
	return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Builds the page model of a registry and renders its site in one step.
 *
 * @example
 * const files = buildSite(project.registry, { title: project.config.title, sources, guides });
 */
export function buildSite(
	registry: ContractRegistry,
	options: DocsModelOptions & SiteOptions = {},
): SiteFiles {
	return runSteps(siteSteps(registry, options));
}

/**
 * `buildSite` in slices of about 10 ms with the event loop free between them: the same files,
 * for a server that builds its site while it already answers requests.
 */
export function buildSiteInSlices(
	registry: ContractRegistry,
	options: DocsModelOptions & SiteOptions = {},
): Promise<SiteFiles> {
	return runStepsInSlices(siteSteps(registry, options));
}

function* siteSteps(
	registry: ContractRegistry,
	options: DocsModelOptions & SiteOptions,
): BuildSteps<SiteFiles> {
	return yield* renderSiteSteps(yield* docsModelSteps(registry, options), options);
}
