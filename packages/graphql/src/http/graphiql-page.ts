import type { ExplorerAssets } from './graphiql-assets.ts';

/**
 * The Content-Security-Policy of the GraphiQL page: scripts, styles and requests from this
 * origin only, no inline code, no frames. GraphiQL's fonts are `data:` URLs in its stylesheet.
 */
export const GRAPHIQL_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"font-src 'self' data:",
	"img-src 'self' data:",
	"connect-src 'self'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
].join('; ');

/**
 * Renders the GraphiQL page served at GET /graphql: every stylesheet and script is a
 * versioned URL under `<endpoint>/assets/`, and the endpoint reaches the boot script through
 * a data attribute (no inline script). Serve it with {@link GRAPHIQL_CSP}.
 */
export function renderGraphiqlPage(endpoint: string, assets: ExplorerAssets): string {
	const tags = assets.names.map((name) => {
		const href = escapeHtml(assets.url(endpoint, name));
		return name.endsWith('.css')
			? `<link rel="stylesheet" href="${href}">`
			: `<script src="${href}" defer></script>`;
	});
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Charter GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
${tags.join('\n')}
</head>
<body>
<div id="graphiql" data-endpoint="${escapeHtml(endpoint)}">Loading the GraphiQL explorer…</div>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Renders the minimal explorer, the fallback when GraphiQL's files cannot be loaded: a
 * dependency-free page (query, variables, bearer token) that posts to the same endpoint,
 * with nothing loaded from elsewhere.
 */
export function renderExplorerPage(endpoint: string): string {
	const url = JSON.stringify(endpoint);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Charter GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:1fr 1fr;grid-template-rows:auto 1fr auto;height:100vh}
header{grid-column:1/3;padding:.5rem 1rem;background:#1f2937;color:#fff;display:flex;gap:1rem;align-items:center}
textarea,pre{font-family:ui-monospace,monospace;font-size:13px;margin:0;padding:.75rem;border:0;border-right:1px solid #ddd;resize:none;overflow:auto}
pre{background:#f8fafc;grid-row:2/4;grid-column:2}
#variables{border-top:1px solid #ddd;height:8rem}
label{font-size:13px}
input{font:inherit;padding:.2rem .4rem}
button{font:inherit;padding:.3rem 1rem;cursor:pointer}
</style>
</head>
<body>
<header><strong>Charter GraphQL</strong>
<button id="run" type="button">Run (Ctrl+Enter)</button>
<label>Bearer token <input id="token" type="password" autocomplete="off"></label></header>
<textarea id="query" aria-label="Query" spellcheck="false">{ __schema { queryType { fields { name description } } } }</textarea>
<pre id="result" aria-live="polite"></pre>
<textarea id="variables" aria-label="Variables (JSON)" spellcheck="false">{}</textarea>
<script>
const endpoint = ${url};
async function run() {
  const out = document.getElementById('result');
  let variables;
  try { variables = JSON.parse(document.getElementById('variables').value || '{}'); }
  catch (e) { out.textContent = 'Variables are not valid JSON: ' + e.message; return; }
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  const token = document.getElementById('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token;
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query: document.getElementById('query').value, variables }) });
  out.textContent = response.status + '\\n' + JSON.stringify(await response.json(), null, 2);
}
document.getElementById('run').addEventListener('click', run);
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
</script>
</body>
</html>
`;
}
