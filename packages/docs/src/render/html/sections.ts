import type { FieldRow, PageLink, TypeRef, TypeSection } from '../../model/page-model.ts';
import { html, type SafeHtml } from './html.ts';
import { markdownInline } from './markdown-html.ts';

/**
 * The enums a page has listed already, by page: each enum's values are shown once, folded,
 * and later fields point back to them.
 */
export type ShownEnums = Set<string>;

/** Renders a link relative to the current page, or plain text when there is no target. */
export function link(root: string, target: PageLink): SafeHtml {
	return target.href
		? html`<a href="${root}${target.href}">${target.text}</a>`
		: html`${target.text}`;
}

/** Renders a type reference: linked to its page, with the scalar's meaning as a hint. */
export function typeRef(root: string, type: TypeRef): SafeHtml {
	const text = type.href
		? html`<a href="${root}${type.href}">${type.text}</a>`
		: html`${type.text}`;
	return type.hint ? html`<code title="${type.hint}">${text}</code>` : html`<code>${text}</code>`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Renders a field table: name, type, required, nullable, description, constraints and values. */
export function fieldTable(
	root: string,
	caption: string,
	fields: readonly FieldRow[],
	shown: ShownEnums = new Set(),
): SafeHtml {
	return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
<table class="fields">
<caption class="sr-only">${caption}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Nullable</th><th scope="col">Description</th><th scope="col">Constraints and values</th></tr></thead>
<tbody>
${fields.map(
	(f) =>
		html`<tr><th scope="row"><code>${f.name}</code></th><td data-label="Type">${typeRef(root, f.type)}</td><td data-label="Required">${yesNo(f.required)}</td><td data-label="Nullable">${yesNo(f.nullable)}</td><td data-label="Description">${f.description ? markdownInline(f.description) : ''}${f.deprecated ? html` <strong>Deprecated:</strong> ${f.deprecated}` : ''}${f.default !== undefined ? html` Default: <code>${f.default}</code>.` : ''}</td><td data-label="Constraints">${constraintCell(f, shown)}</td></tr>\n`,
)}</tbody>
</table>
</div>`;
}

function constraintCell(field: FieldRow, shown: ShownEnums): SafeHtml {
	const items = [
		...field.constraints.map((c) => html`<li>${c}</li>`),
		...(field.enumValues.length > 0 ? [html`<li>${enumValues(field, shown)}</li>`] : []),
	];
	return items.length > 0 ? html`<ul>${items}</ul>` : html``;
}

/** The values of an enum field: folded the first time the page shows the enum, then a link. */
function enumValues(field: FieldRow, shown: ShownEnums): SafeHtml {
	const name = field.type.href ? field.type.text.replace(/^list of /, '') : undefined;
	const anchor = name ? `enum-${name}` : undefined;
	if (anchor && shown.has(anchor))
		return html`one of the <a href="#${anchor}">${name} values</a> above`;
	if (anchor) shown.add(anchor);
	const count = field.enumValues.length;
	return html`<details${anchor ? html` id="${anchor}"` : ''}><summary>one of ${count} value${count === 1 ? '' : 's'}</summary><ul>${field.enumValues.map(
		(v) =>
			html`<li><code>${v.value}</code>${v.description ? html` — ${markdownInline(v.description)}` : ''}${v.deprecated ? html` (deprecated: ${v.deprecated})` : ''}</li>`,
	)}</ul></details>`;
}

/** Renders an input, output or payload: the type, its description and its field table. */
export function typeSectionHtml(
	root: string,
	heading: string,
	section: TypeSection,
	shown: ShownEnums = new Set(),
): SafeHtml {
	return html`<p>Type: ${typeRef(root, section.type)}${section.description ? html`. ${markdownInline(section.description)}` : ''}</p>
${section.fields.length > 0 ? fieldTable(root, `${heading} fields`, section.fields, shown) : ''}`;
}

/** Renders a copyable code block. */
export function snippet(
	id: string,
	label: string,
	code: string | SafeHtml,
	language = '',
): SafeHtml {
	return html`<div class="snippet"><pre tabindex="0" aria-label="${label}"><code id="${id}"${language ? html` class="language-${language}"` : ''}>${code}</code></pre><button type="button" class="copy" data-target="${id}" aria-label="Copy ${label}">Copy</button></div>`;
}

/** Renders snippets as tabs (a tab list and its panels; every panel shows without script). */
export function snippetTabs(
	id: string,
	label: string,
	tabs: readonly { readonly name: string; readonly body: SafeHtml }[],
): SafeHtml {
	return html`<div class="tabs" data-tabs>
<div role="tablist" aria-label="${label}" hidden>${tabs.map(
		(t, i) =>
			html`<button type="button" role="tab" id="${id}-tab-${i}" aria-controls="${id}-panel-${i}" aria-selected="${i === 0 ? 'true' : 'false'}"${i === 0 ? '' : html` tabindex="-1"`}>${t.name}</button>`,
	)}</div>
${tabs.map(
	(t, i) =>
		html`<div role="tabpanel" id="${id}-panel-${i}" aria-labelledby="${id}-tab-${i}" data-tab-title="${t.name}">${t.body}</div>`,
)}</div>`;
}

/** Renders a list of links, or a dash when empty. */
export function linkList(root: string, links: readonly PageLink[]): SafeHtml {
	return html`<ul>${links.map((l) => html`<li>${link(root, l)}</li>`)}</ul>`;
}
