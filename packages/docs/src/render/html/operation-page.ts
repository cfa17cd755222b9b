import { highlightTypeScript } from '../../highlight/highlight-html.ts';
import type {
	DeprecationBanner,
	Fact,
	OperationPage,
	SourceSection,
} from '../../model/page-model.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { layout, type PageOptions } from './layout.ts';
import { markdownBlock, markdownInline } from './markdown-html.ts';
import {
	link,
	linkList,
	type ShownEnums,
	snippet,
	snippetTabs,
	typeSectionHtml,
} from './sections.ts';

const ROOT = '../';

/** Renders the facts once, as a definition list. */
export function factList(facts: readonly Fact[]): SafeHtml {
	return html`<dl class="facts">${facts.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}</dl>`;
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

/** Renders a REST method as a badge. */
export function methodBadge(method: string): SafeHtml {
	return html`<span class="method method-${method.toLowerCase()}">${method}</span>`;
}

function prose(page: OperationPage, shown: ShownEnums): SafeHtml {
	return html`${page.goal ? html`<section aria-labelledby="goal"><h2 id="goal">Goal</h2>${markdownBlock(page.goal)}</section>` : ''}
${page.context ? html`<section aria-labelledby="context"><h2 id="context">Context</h2>${markdownBlock(page.context)}</section>` : ''}
<section aria-labelledby="input"><h2 id="input">Input</h2>${typeSectionHtml(ROOT, 'Input', page.input, shown)}</section>
<section aria-labelledby="output"><h2 id="output">Output</h2>${typeSectionHtml(ROOT, 'Output', page.output, shown)}</section>
<section aria-labelledby="policy"><h2 id="policy">Policy</h2>
<p>Who may call it: <strong>${page.policy.auth}</strong>.</p>
<ul>${page.policy.sentences.map((s) => html`<li>${s}</li>`)}</ul></section>
${
	page.errors.length > 0
		? html`<section aria-labelledby="errors"><h2 id="errors">Errors</h2>
<div class="table-wrap"><table><caption class="sr-only">Declared errors</caption>
<thead><tr><th scope="col">Code</th><th scope="col">HTTP status</th><th scope="col">When</th></tr></thead>
<tbody>${page.errors.map((e) => html`<tr><th scope="row"><code>${e.code}</code></th><td>${e.status}</td><td>${markdownInline(e.description)}</td></tr>`)}</tbody>
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
<section aria-labelledby="wire"><h2 id="wire">Wire names</h2>
<div class="table-wrap"><table><caption class="sr-only">Wire names</caption>
<thead><tr><th scope="col">Surface</th><th scope="col">Name</th></tr></thead>
<tbody>
<tr><th scope="row">REST</th><td><code>${page.wire.rest.method} ${page.wire.rest.path}</code></td></tr>
<tr><th scope="row">GraphQL</th><td><code>${page.wire.graphql.type}.${page.wire.graphql.field}</code></td></tr>
<tr><th scope="row">MCP tool</th><td><code>${page.wire.mcp.tool}</code></td></tr>
</tbody></table></div>
${page.operationKind === 'command' ? html`<p>Commands accept an <code>Idempotency-Key</code> header: a retry with the same key and input replays the stored result.</p>` : ''}</section>
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
		? html`<section aria-labelledby="examples"><h2 id="examples">Acceptance examples</h2>
<p>Run by <code>charter test</code>. An expected output names only the fields the example checks.</p>
${page.examples.map(
	(
		e,
	) => html`<details class="example"><summary>${e.key}${e.error ? html` <span class="badge">fails with ${e.error}</span>` : ''}</summary>${e.description ? html`<p>${e.description}</p>` : ''}
<h4>Input</h4>${snippet(`example-${e.key}-input`, `${e.key} input`, e.request, 'json')}
${e.response !== undefined ? html`<h4>Expected output (checked fields)</h4>${snippet(`example-${e.key}-output`, `${e.key} output`, e.response, 'json')}` : ''}
${e.error ? html`<p>Fails with <code>${e.error}</code>.</p>` : ''}</details>`,
)}</section>`
		: ''
}
${sourceSection(page.source)}
${page.features.length > 0 ? html`<section aria-labelledby="features"><h2 id="features">Features</h2>${linkList(ROOT, page.features)}</section>` : ''}
${page.otherVersions.length > 0 ? html`<section aria-labelledby="versions"><h2 id="versions">Other versions</h2>${linkList(ROOT, page.otherVersions)}</section>` : ''}`;
}

function panels(page: OperationPage): SafeHtml {
	const { snippets, tryIt } = page;
	return html`<aside class="op-panels" aria-label="Request, response and try it">
<section aria-labelledby="request"><h2 id="request">Request</h2>
${snippetTabs('call', 'Request snippets', [
	{ name: 'curl', body: snippet('snippet-curl', 'curl command', snippets.curl, 'sh') },
	{
		name: 'TypeScript',
		body: snippet(
			'snippet-typescript',
			'TypeScript client call',
			raw(highlightTypeScript(snippets.typescript)),
			'ts',
		),
	},
	{
		name: 'GraphQL',
		body: html`${snippet('snippet-graphql', 'GraphQL operation', snippets.graphql.document, 'graphql')}<p class="hint">Variables</p>${snippet('snippet-graphql-variables', 'GraphQL variables', snippets.graphql.variables, 'json')}`,
	},
	{ name: 'MCP', body: snippet('snippet-mcp', 'MCP tools/call', snippets.mcp, 'sh') },
])}
<p class="hint">Set <code>TOKEN</code> to a bearer token first.</p></section>
${
	page.responseExample
		? html`<section aria-labelledby="response"><h2 id="response">Response</h2>
<p class="hint"><span class="status-ok">200</span> <code>application/json</code>, a whole example of the output.</p>
${snippet('response-example', 'Example response', page.responseExample, 'json')}</section>`
		: ''
}
<section aria-labelledby="try-it"><h2 id="try-it">Try it</h2>
<form id="try-form" class="try" data-method="${tryIt.method}" data-path="${tryIt.path}" data-whole="${tryIt.wholeInput ? 'true' : 'false'}">
<p class="try-route">${methodBadge(tryIt.method)} <code>${tryIt.path}</code></p>
<label for="try-server">Server</label>
<input id="try-server" name="server" type="url" autocomplete="off" spellcheck="false" placeholder="https://api.example.com">
<label for="try-token">Bearer token</label>
<input id="try-token" name="token" type="password" autocomplete="off" aria-describedby="try-token-hint">
<p id="try-token-hint" class="hint">Kept in this tab's session storage only.</p>
<label for="try-input">Input (JSON)</label>
<textarea id="try-input" name="input" rows="6" spellcheck="false">${tryIt.input}</textarea>
<button type="submit">Send request</button>
</form>
<div id="try-result" class="try-result" role="status" aria-live="polite"></div>
</section>
</aside>`;
}

/** Renders the HTML page of an operation: prose, and the request, response and try-it panels. */
export function renderOperationPage(
	page: OperationPage,
	siteTitle: string,
	options: PageOptions = {},
): string {
	const shown: ShownEnums = new Set();
	const main = html`<article class="op">
${deprecationBanner(page.deprecation)}
<p class="op-route">${methodBadge(page.wire.rest.method)} <code>${page.wire.rest.path}</code></p>
<h1>${page.title}</h1>
${page.title !== page.key ? html`<p><code>${page.key}</code></p>` : ''}
${page.description ? html`<div class="lead">${markdownBlock(page.description)}</div>` : ''}
${factList(page.facts)}
<div class="op-grid">
<div class="op-prose">
${prose(page, shown)}
</div>
${panels(page)}
</div>
</article>`;
	return layout({
		siteTitle,
		pageTitle: page.title,
		root: ROOT,
		path: page.path,
		...(page.description ? { description: page.description } : {}),
		...(options.markdown ? { markdown: markdownName(page.path) } : {}),
		...(options.firstGuide ? { firstGuide: options.firstGuide } : {}),
		wide: true,
		main,
	});
}

/** Gives the file name of a page's Markdown twin, relative to the page. */
export function markdownName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1).replace(/\.html$/, '.md');
}
