/** The site's stylesheet: light and dark themes, readable on a phone, no external fonts. */
export const SITE_CSS = `:root {
	--bg: #ffffff; --fg: #1a1d23; --muted: #4a5260; --border: #d5d9e0; --panel: #f4f6f9;
	--accent: #0b57d0; --accent-fg: #ffffff; --code-bg: #f4f6f9; --warn-bg: #fff4d6; --warn-fg: #5c3b00;
	--tok-keyword: #8a1c9e; --tok-string: #0a6b2b; --tok-number: #9a4a00; --tok-comment: #5d6470;
	--tok-type: #0b57a0; --tok-literal: #a3141c; --tok-property: #1d4f91;
	color-scheme: light;
}
@media (prefers-color-scheme: dark) {
	:root:not([data-theme='light']) {
		--bg: #14171c; --fg: #e6e9ef; --muted: #aeb6c2; --border: #3a414d; --panel: #1d2128;
		--accent: #8ab4f8; --accent-fg: #0d1117; --code-bg: #1d2128; --warn-bg: #3d2f0a; --warn-fg: #ffe3a3;
		--tok-keyword: #d6a2ff; --tok-string: #8fd6a0; --tok-number: #ffb870; --tok-comment: #9aa3b0;
		--tok-type: #7cc4ff; --tok-literal: #ff9a9f; --tok-property: #a9c7ff;
		color-scheme: dark;
	}
}
:root[data-theme='dark'] {
	--bg: #14171c; --fg: #e6e9ef; --muted: #aeb6c2; --border: #3a414d; --panel: #1d2128;
	--accent: #8ab4f8; --accent-fg: #0d1117; --code-bg: #1d2128; --warn-bg: #3d2f0a; --warn-fg: #ffe3a3;
	--tok-keyword: #d6a2ff; --tok-string: #8fd6a0; --tok-number: #ffb870; --tok-comment: #9aa3b0;
	--tok-type: #7cc4ff; --tok-literal: #ff9a9f; --tok-property: #a9c7ff;
	color-scheme: dark;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55;
	font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
	outline: 3px solid var(--accent); outline-offset: 2px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
pre { tab-size: 2; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.8rem;
	overflow-x: auto; margin: 0; }
pre code { background: none; padding: 0; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-fg); padding: 0.5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip:focus { left: 0.5rem; z-index: 10; }
.site-header { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; padding: 0.7rem 1.2rem;
	border-bottom: 1px solid var(--border); background: var(--panel); }
.site-title { font-weight: 700; color: var(--fg); text-decoration: none; margin-right: auto; }
.site-header form { display: flex; gap: 0.4rem; }
input, select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted);
	border-radius: 6px; padding: 0.35rem 0.55rem; }
button { cursor: pointer; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem; color: var(--muted); border-top: 1px solid var(--border); }
h1 { font-size: 1.8rem; margin: 0.6rem 0 0.3rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.lead { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0;
	padding: 0.8rem 1rem; background: var(--panel); border-radius: 8px; border: 1px solid var(--border); }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 0.8rem; padding: 0 0.45rem; border-radius: 999px;
	border: 1px solid var(--border); color: var(--fg); background: var(--panel); white-space: nowrap; }
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
.gwt { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.gwt dt { font-weight: 600; }
.gwt dd { margin: 0; }
.snippet { position: relative; margin: 0.4rem 0 1rem; }
.copy { position: absolute; top: 0.4rem; right: 0.4rem; font-size: 0.8rem; padding: 0.1rem 0.5rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; margin: 1rem 0; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; font-weight: 600; gap: 0.2rem; }
.filters input, .filters select { font-weight: 400; }
.entries { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.6rem;
	grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
.entry { border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 0.8rem; background: var(--panel); }
.entry a { font-weight: 600; overflow-wrap: anywhere; }
.entry p { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.92rem; }
.entry .meta { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-top: 0.35rem; }
[hidden] { display: none !important; }
.tok-keyword { color: var(--tok-keyword); } .tok-string { color: var(--tok-string); }
.tok-number { color: var(--tok-number); } .tok-comment { color: var(--tok-comment); font-style: italic; }
.tok-type { color: var(--tok-type); } .tok-literal { color: var(--tok-literal); }
.tok-property { color: var(--tok-property); }
@media (max-width: 40rem) {
	main { padding: 0.6rem 0.8rem 2rem; }
	h1 { font-size: 1.45rem; }
	.site-header { padding: 0.6rem 0.8rem; }
	.site-header form { width: 100%; }
	.site-header form input { flex: 1; min-width: 0; }
	.facts, .gwt { grid-template-columns: 1fr; }
	.facts dd { margin-bottom: 0.3rem; }
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
