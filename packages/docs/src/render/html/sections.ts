import type { FieldRow, PageLink, TypeRef, TypeSection } from '../../model/page-model.ts';
import { html, type SafeHtml } from './html.ts';

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
export function fieldTable(root: string, caption: string, fields: readonly FieldRow[]): SafeHtml {
	return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
<table class="fields">
<caption class="sr-only">${caption}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Nullable</th><th scope="col">Description</th><th scope="col">Constraints and values</th></tr></thead>
<tbody>
${fields.map(
	(f) =>
		html`<tr><th scope="row"><code>${f.name}</code></th><td data-label="Type">${typeRef(root, f.type)}</td><td data-label="Required">${yesNo(f.required)}</td><td data-label="Nullable">${yesNo(f.nullable)}</td><td data-label="Description">${f.description ?? ''}${f.deprecated ? html` <strong>Deprecated:</strong> ${f.deprecated}` : ''}${f.default !== undefined ? html` Default: <code>${f.default}</code>.` : ''}</td><td data-label="Constraints">${constraintCell(f)}</td></tr>\n`,
)}</tbody>
</table>
</div>`;
}

function constraintCell(field: FieldRow): SafeHtml {
	const items = [
		...field.constraints.map((c) => html`<li>${c}</li>`),
		...(field.enumValues.length > 0
			? [
					html`<li>one of: <ul>${field.enumValues.map(
						(v) =>
							html`<li><code>${v.value}</code>${v.description ? html` — ${v.description}` : ''}${v.deprecated ? html` (deprecated: ${v.deprecated})` : ''}</li>`,
					)}</ul></li>`,
				]
			: []),
	];
	return items.length > 0 ? html`<ul>${items}</ul>` : html``;
}

/** Renders an input, output or payload: the type, its description and its field table. */
export function typeSectionHtml(root: string, heading: string, section: TypeSection): SafeHtml {
	return html`<p>Type: ${typeRef(root, section.type)}${section.description ? html`. ${section.description}` : ''}</p>
${section.fields.length > 0 ? fieldTable(root, `${heading} fields`, section.fields) : ''}`;
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

/** Renders a list of links, or a dash when empty. */
export function linkList(root: string, links: readonly PageLink[]): SafeHtml {
	return html`<ul>${links.map((l) => html`<li>${link(root, l)}</li>`)}</ul>`;
}
