import { highlightTypeScript } from '../../highlight/highlight-html.ts';
import type {
	DeprecationBanner,
	Fact,
	OperationPage,
	SourceSection,
} from '../../model/page-model.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { link, linkList, snippet, typeSectionHtml } from './sections.ts';

const ROOT = '../';

/** Renders the facts once, as a definition list. */
export function factList(facts: readonly Fact[]): SafeHtml {
	return html`<dl class="facts">${facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`;
}

/** Renders the deprecation banner: why, the replacement and the sunset date. */
export function deprecationBanner(d: DeprecationBanner | undefined): SafeHtml {
	if (!d) return html``;
	return html`<aside class="banner" aria-label="Deprecation"><strong>Deprecated.</strong> ${d.message}${d.reason ? html` ${d.reason}` : ''}${d.replacedBy?.href ? html` Replacement: ${link(ROOT, d.replacedBy)}.` : ''}</aside>`;
}

/** Renders a contract's authored source, highlighted. */
export function sourceSection(source: SourceSection | undefined): SafeHtml {
	if (!source) return html``;
	return html`<section aria-labelledby="source"><h2 id="source">Source definition</h2>
<p>From <code>${source.file}</code>${source.exportName ? html`, export <code>${source.exportName}</code>` : ''}.</p>
${snippet('source-code', 'source definition', raw(highlightTypeScript(source.code)), 'ts')}</section>`;
}

/** Renders the HTML page of an operation. */
export function renderOperationPage(page: OperationPage, siteTitle: string): string {
	const main = html`<article>
${deprecationBanner(page.deprecation)}
<h1>${page.title}</h1>
${page.title !== page.key ? html`<p><code>${page.key}</code></p>` : ''}
${page.description ? html`<p class="lead">${page.description}</p>` : ''}
${factList(page.facts)}
${page.goal ? html`<section aria-labelledby="goal"><h2 id="goal">Goal</h2><p>${page.goal}</p></section>` : ''}
${page.context ? html`<section aria-labelledby="context"><h2 id="context">Context</h2><p>${page.context}</p></section>` : ''}
<section aria-labelledby="wire"><h2 id="wire">Wire names</h2>
<div class="table-wrap"><table><caption class="sr-only">Wire names</caption>
<thead><tr><th scope="col">Surface</th><th scope="col">Name</th></tr></thead>
<tbody>
<tr><th scope="row">REST</th><td><code>${page.wire.rest.method} ${page.wire.rest.path}</code></td></tr>
<tr><th scope="row">GraphQL</th><td><code>${page.wire.graphql.type}.${page.wire.graphql.field}</code></td></tr>
<tr><th scope="row">MCP tool</th><td><code>${page.wire.mcp.tool}</code></td></tr>
</tbody></table></div></section>
<section aria-labelledby="input"><h2 id="input">Input</h2>${typeSectionHtml(ROOT, 'Input', page.input)}</section>
<section aria-labelledby="output"><h2 id="output">Output</h2>${typeSectionHtml(ROOT, 'Output', page.output)}</section>
<section aria-labelledby="policy"><h2 id="policy">Policy</h2>
<p>Who may call it: <strong>${page.policy.auth}</strong>.</p>
<ul>${page.policy.sentences.map((s) => html`<li>${s}</li>`)}</ul></section>
${
	page.errors.length > 0
		? html`<section aria-labelledby="errors"><h2 id="errors">Errors</h2>
<div class="table-wrap"><table><caption class="sr-only">Declared errors</caption>
<thead><tr><th scope="col">Code</th><th scope="col">HTTP status</th><th scope="col">When</th></tr></thead>
<tbody>${page.errors.map((e) => html`<tr><th scope="row"><code>${e.code}</code></th><td>${e.status}</td><td>${e.description}</td></tr>`)}</tbody>
</table></div></section>`
		: ''
}
${
	page.events.length > 0
		? html`<section aria-labelledby="events"><h2 id="events">Emitted events</h2>
<ul>${page.events.map(
				(e) =>
					html`<li>${e.href ? html`<a href="${ROOT}${e.href}"><code>${e.key}</code></a>` : html`<code>${e.key}</code>`} (v${e.version})${e.when ? html`: ${e.when}` : ''}</li>`,
			)}</ul></section>`
		: ''
}
${
	page.audit.length > 0
		? html`<section aria-labelledby="audit"><h2 id="audit">Audit records</h2>
<ul>${page.audit.map((a) => html`<li><code>${a}</code></li>`)}</ul></section>`
		: ''
}
${
	page.scenarios.length > 0
		? html`<section aria-labelledby="scenarios"><h2 id="scenarios">Acceptance scenarios</h2>
${page.scenarios.map(
	(s) => html`<h3>${s.key}</h3><dl class="gwt">
<dt>Given</dt><dd>${s.given.join('; ')}</dd>
<dt>When</dt><dd>${s.when.join('; ')}</dd>
<dt>Then</dt><dd>${s.then.join('; ')}</dd></dl>`,
)}</section>`
		: ''
}
${
	page.examples.length > 0
		? html`<section aria-labelledby="examples"><h2 id="examples">Examples</h2>
${page.examples.map(
	(e) => html`<h3>${e.key}</h3>${e.description ? html`<p>${e.description}</p>` : ''}
<p>Request</p>${snippet(`example-${e.key}-request`, `${e.key} request`, e.request, 'json')}
${e.response !== undefined ? html`<p>Response</p>${snippet(`example-${e.key}-response`, `${e.key} response`, e.response, 'json')}` : ''}
${e.error ? html`<p>Fails with <code>${e.error}</code>.</p>` : ''}`,
)}</section>`
		: ''
}
<section aria-labelledby="try"><h2 id="try">Try it</h2>
<h3>curl</h3>${snippet('snippet-curl', 'curl command', page.snippets.curl, 'sh')}
<h3>TypeScript client</h3>${snippet('snippet-client', 'TypeScript client call', page.snippets.client, 'ts')}
<h3>GraphQL</h3>${snippet('snippet-graphql', 'GraphQL operation', page.snippets.graphql, 'graphql')}
</section>
${sourceSection(page.source)}
${page.features.length > 0 ? html`<section aria-labelledby="features"><h2 id="features">Features</h2>${linkList(ROOT, page.features)}</section>` : ''}
${page.otherVersions.length > 0 ? html`<section aria-labelledby="versions"><h2 id="versions">Other versions</h2>${linkList(ROOT, page.otherVersions)}</section>` : ''}
</article>`;
	return layout({
		siteTitle,
		pageTitle: page.title,
		root: ROOT,
		...(page.description ? { description: page.description } : {}),
		main,
	});
}
