/** The site's stylesheet: light and dark themes, readable on a phone, no external fonts. */
export const SITE_CSS = `:root {
	--bg: #ffffff; --fg: #1a1d23; --muted: #4a5260; --border: #d5d9e0; --panel: #f4f6f9;
	--accent: #0b57d0; --accent-fg: #ffffff; --code-bg: #f4f6f9; --warn-bg: #fff4d6; --warn-fg: #5c3b00;
	--tok-keyword: #8a1c9e; --tok-string: #0a6b2b; --tok-number: #9a4a00; --tok-comment: #5d6470;
	--tok-type: #0b57a0; --tok-literal: #a3141c; --tok-property: #1d4f91;
	--get: #0a6b2b; --post: #0b57d0; --put: #8a4b00; --patch: #6b3fa0; --delete: #a3141c; --event: #4a5260;
	--ok: #0a6b2b; --bad: #a3141c;
	color-scheme: light;
}
@media (prefers-color-scheme: dark) {
	:root:not([data-theme='light']) {
		--bg: #14171c; --fg: #e6e9ef; --muted: #aeb6c2; --border: #3a414d; --panel: #1d2128;
		--accent: #8ab4f8; --accent-fg: #0d1117; --code-bg: #1d2128; --warn-bg: #3d2f0a; --warn-fg: #ffe3a3;
		--tok-keyword: #d6a2ff; --tok-string: #8fd6a0; --tok-number: #ffb870; --tok-comment: #9aa3b0;
		--tok-type: #7cc4ff; --tok-literal: #ff9a9f; --tok-property: #a9c7ff;
		--get: #8fd6a0; --post: #8ab4f8; --put: #ffb870; --patch: #d6a2ff; --delete: #ff9a9f; --event: #aeb6c2;
		--ok: #8fd6a0; --bad: #ff9a9f;
		color-scheme: dark;
	}
}
:root[data-theme='dark'] {
	--bg: #14171c; --fg: #e6e9ef; --muted: #aeb6c2; --border: #3a414d; --panel: #1d2128;
	--accent: #8ab4f8; --accent-fg: #0d1117; --code-bg: #1d2128; --warn-bg: #3d2f0a; --warn-fg: #ffe3a3;
	--tok-keyword: #d6a2ff; --tok-string: #8fd6a0; --tok-number: #ffb870; --tok-comment: #9aa3b0;
	--tok-type: #7cc4ff; --tok-literal: #ff9a9f; --tok-property: #a9c7ff;
	--get: #8fd6a0; --post: #8ab4f8; --put: #ffb870; --patch: #d6a2ff; --delete: #ff9a9f; --event: #aeb6c2;
	--ok: #8fd6a0; --bad: #ff9a9f;
	color-scheme: dark;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55;
	font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
	outline: 3px solid var(--accent); outline-offset: 2px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
pre { tab-size: 2; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.8rem;
	overflow-x: auto; margin: 0; }
pre code { background: none; padding: 0; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-fg); padding: 0.5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip:focus { left: 0.5rem; z-index: 10; }
.site-header { position: sticky; top: 0; z-index: 20; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem;
	align-items: center; padding: 0.6rem 1.2rem; border-bottom: 1px solid var(--border); background: var(--panel); }
.site-title { font-weight: 700; color: var(--fg); text-decoration: none; }
.top-links { display: flex; gap: 0.9rem; margin-right: auto; }
.top-links a { color: var(--fg); text-decoration: none; font-weight: 600; }
.top-links a:hover { color: var(--accent); }
input, select, button, textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted);
	border-radius: 6px; padding: 0.35rem 0.55rem; }
button { cursor: pointer; }
.search { position: relative; display: flex; align-items: center; }
.search input { width: 19rem; padding-right: 2rem; }
.search-key { position: absolute; right: 0.5rem; font: 0.8rem ui-monospace, monospace; border: 1px solid var(--border);
	border-radius: 4px; padding: 0 0.3rem; color: var(--muted); background: var(--panel); }
.search-results { position: absolute; top: 100%; right: 0; width: min(34rem, 92vw); max-height: 70vh; overflow-y: auto;
	margin: 0.3rem 0 0; padding: 0.3rem; list-style: none; background: var(--bg); border: 1px solid var(--border);
	border-radius: 8px; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18); z-index: 30; }
.search-results li a { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.5rem; padding: 0.4rem 0.5rem;
	border-radius: 6px; color: var(--fg); text-decoration: none; }
.search-results li[aria-selected='true'] a, .search-results li a:hover { background: var(--panel); outline: 2px solid var(--accent); }
.search-results .kind { font-size: 0.75rem; color: var(--muted); text-transform: uppercase; min-width: 3.6rem; }
.result-title { font-weight: 600; overflow-wrap: anywhere; }
.result-section { width: 100%; font-size: 0.85rem; color: var(--muted); }
.search-none { padding: 0.5rem; color: var(--muted); }
.page { display: grid; grid-template-columns: 17rem minmax(0, 1fr); max-width: 100rem; margin: 0 auto; }
.page-wide { max-width: 110rem; }
.sidebar { position: sticky; top: 3.3rem; align-self: start; height: calc(100vh - 3.3rem); overflow-y: auto;
	padding: 1rem 0.6rem 2rem 1rem; border-right: 1px solid var(--border); font-size: 0.92rem; }
.sidebar ul { list-style: none; margin: 0.2rem 0 0.4rem; padding: 0 0 0 0.4rem; }
.sidebar li a { display: flex; gap: 0.4rem; align-items: baseline; padding: 0.15rem 0.4rem; border-radius: 5px;
	color: var(--fg); text-decoration: none; }
.sidebar li a:hover { background: var(--panel); }
.sidebar a[aria-current='page'] { background: var(--panel); color: var(--accent); font-weight: 600;
	box-shadow: inset 3px 0 0 var(--accent); }
.nav-text { overflow-wrap: break-word; min-width: 0; }
.nav-heading { margin: 0.9rem 0 0.3rem; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.05em;
	text-transform: uppercase; color: var(--muted); }
.nav-heading a { color: inherit; text-decoration: none; }
.nav-heading a[aria-current='page'] { color: var(--accent); box-shadow: none; background: none; }
.sidebar summary { cursor: pointer; font-weight: 600; padding: 0.2rem 0.2rem; }
.sidebar-toggle { display: none; }
main { min-width: 0; padding: 1rem 2rem 3rem; }
footer { max-width: 100rem; margin: 0 auto; padding: 1rem 1.2rem; color: var(--muted); border-top: 1px solid var(--border); }
h1 { font-size: 1.8rem; margin: 0.4rem 0 0.3rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
h4 { font-size: 0.95rem; margin: 0.8rem 0 0.3rem; }
.lead, .lead p { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
.hint { color: var(--muted); font-size: 0.88rem; margin: 0.3rem 0; }
.eyebrow { margin: 0.6rem 0 0; color: var(--muted); font-size: 0.85rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; }
.facts { display: flex; flex-wrap: wrap; gap: 0.35rem 1.6rem; margin: 1rem 0;
	padding: 0.7rem 1rem; background: var(--panel); border-radius: 8px; border: 1px solid var(--border); }
.facts div { display: flex; gap: 0.45rem; min-width: 0; }
.facts dt { font-weight: 600; }
.facts dt::after { content: ':'; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 0.8rem; padding: 0 0.45rem; border-radius: 999px;
	border: 1px solid var(--border); color: var(--fg); background: var(--panel); white-space: nowrap; }
.method { display: inline-block; min-width: 3.2rem; font: 700 0.72rem/1.6 ui-monospace, monospace; text-align: center;
	border-radius: 4px; padding: 0 0.3rem; border: 1px solid currentColor; white-space: nowrap; }
.method-get { color: var(--get); } .method-post { color: var(--post); } .method-put { color: var(--put); }
.method-patch { color: var(--patch); } .method-delete { color: var(--delete); } .method-event { color: var(--event); }
.op-route, .route { margin: 0.4rem 0 0; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
.op-route code { font-size: 1rem; }
.banner { background: var(--warn-bg); color: var(--warn-fg); border: 1px solid var(--border); border-radius: 8px;
	padding: 0.7rem 1rem; margin: 1rem 0; }
.banner a { color: inherit; }
.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--border); }
thead th { background: var(--panel); }
tbody tr:last-child td, tbody tr:last-child th { border-bottom: 0; }
th code, td code { overflow-wrap: normal; white-space: nowrap; }
td ul, dd ul { margin: 0; padding-left: 1.1rem; }
td details summary { cursor: pointer; color: var(--accent); }
.gwt { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.gwt dt { font-weight: 600; }
.gwt dd { margin: 0; }
details.example { border: 1px solid var(--border); border-radius: 8px; padding: 0.4rem 0.8rem; margin: 0.5rem 0; }
details.example summary { cursor: pointer; font-weight: 600; }
.snippet { position: relative; margin: 0.4rem 0 1rem; }
.copy { position: absolute; top: 0.4rem; right: 0.4rem; font-size: 0.8rem; padding: 0.1rem 0.5rem; }
.tabs [role=tablist] { display: flex; flex-wrap: wrap; gap: 0.2rem; border-bottom: 1px solid var(--border); margin-bottom: 0.4rem; }
.tabs [role=tab] { border: 0; border-bottom: 3px solid transparent; border-radius: 0; background: none; padding: 0.3rem 0.6rem; color: var(--muted); }
.tabs [role=tab][aria-selected='true'] { color: var(--fg); border-bottom-color: var(--accent); font-weight: 600; }
.tabs:not(.tabs-ready) [role=tabpanel]::before { content: attr(data-tab-title); display: block; font-weight: 600; margin-top: 0.6rem; }
.op-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2rem; }
.op-panels section { margin-bottom: 1.4rem; }
.op-panels h2 { margin-top: 1rem; }
.op-panels pre { max-height: 28rem; }
.try { display: grid; gap: 0.3rem; }
.try label { font-weight: 600; font-size: 0.9rem; margin-top: 0.3rem; }
.try textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; resize: vertical; }
.try button[type=submit] { justify-self: start; background: var(--accent); color: var(--accent-fg); border-color: var(--accent);
	font-weight: 600; margin-top: 0.4rem; }
.try-result:empty { display: none; }
.try-result { margin-top: 0.8rem; border-left: 4px solid var(--border); padding-left: 0.7rem; }
.try-ok { border-left-color: var(--ok); } .try-problem, .try-error { border-left-color: var(--bad); }
.try-result p { margin: 0 0 0.4rem; overflow-wrap: anywhere; }
.status-ok { color: var(--ok); font-weight: 700; }
.guide { max-width: 46rem; }
.guide pre { margin: 0.4rem 0 1rem; }
.guide blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--accent); background: var(--panel); }
.guide table { margin: 0.8rem 0; border: 1px solid var(--border); }
.toc { font-size: 0.9rem; }
.toc p { font-weight: 700; margin: 0 0 0.3rem; }
.toc ul { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0.2rem 0; }
.guide-list li { margin: 0.3rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; margin: 1.4rem 0 1rem; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; font-weight: 600; gap: 0.2rem; }
.filters select { font-weight: 400; }
.entries { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.6rem;
	grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
.entry { border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 0.8rem; background: var(--panel); }
.entry a { font-weight: 600; overflow-wrap: anywhere; }
.entry p { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.92rem; }
.entry .route { margin: 0 0 0.3rem; }
.entry .route code { font-size: 0.82rem; color: var(--fg); background: none; padding: 0; }
.entry .meta { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-top: 0.35rem; }
[hidden] { display: none !important; }
.tok-keyword { color: var(--tok-keyword); } .tok-string { color: var(--tok-string); }
.tok-number { color: var(--tok-number); } .tok-comment { color: var(--tok-comment); font-style: italic; }
.tok-type { color: var(--tok-type); } .tok-literal { color: var(--tok-literal); }
.tok-property { color: var(--tok-property); }
@media (min-width: 80rem) {
	/* Wide screens: the request, response and try-it panels sit beside the prose and follow it. */
	.op-grid { grid-template-columns: minmax(0, 1fr) minmax(22rem, 30rem); }
	.op-panels { position: sticky; top: 3.8rem; align-self: start; max-height: calc(100vh - 4.4rem); overflow-y: auto;
		padding-left: 1rem; border-left: 1px solid var(--border); }
	main:has(.guide) { display: grid; grid-template-columns: minmax(0, 46rem) 14rem; gap: 2rem; }
	.toc { position: sticky; top: 4rem; align-self: start; }
}
@media (max-width: 60rem) {
	.page { grid-template-columns: minmax(0, 1fr); }
	.sidebar { display: none; position: fixed; top: 3.3rem; left: 0; z-index: 25; width: min(20rem, 88vw);
		background: var(--bg); border-right: 1px solid var(--border); box-shadow: 4px 0 16px rgba(0, 0, 0, 0.2); }
	.nav-open .sidebar { display: block; }
	.sidebar-toggle { display: inline-block; }
	.search { flex: 1 1 12rem; }
	.search input { width: 100%; }
}
@media (max-width: 40rem) {
	main { padding: 0.6rem 0.8rem 2rem; }
	h1 { font-size: 1.45rem; }
	.site-header { position: static; padding: 0.6rem 0.8rem; }
	.sidebar { top: 0; height: 100vh; }
	.top-links { margin-right: 0; }
	.site-title { margin-right: auto; }
	.gwt { grid-template-columns: 1fr; }
	.facts { flex-direction: column; }
	/* Field tables become one card per field: six columns do not fit a phone. */
	table.fields thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
	table.fields, table.fields tbody, table.fields tr, table.fields th, table.fields td { display: block; }
	table.fields tr { border-bottom: 1px solid var(--border); padding: 0.4rem 0; }
	table.fields tbody tr:last-child { border-bottom: 0; }
	table.fields th, table.fields td { border: 0; padding: 0.15rem 0.6rem; }
	table.fields td { display: grid; grid-template-columns: 6.5rem 1fr; gap: 0.5rem; }
	table.fields td::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
	table.fields td:empty { display: none; }
	td code { white-space: normal; overflow-wrap: anywhere; }
}
`;
