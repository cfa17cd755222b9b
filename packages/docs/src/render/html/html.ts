const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

const SPECIAL = /[&<>"']/;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

/** HTML that is already safe: produced by `html` or by escaping. */
export class SafeHtml {
	constructor(readonly value: string) {}
	toString(): string {
		return this.value;
	}
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
	if (part === null || part === undefined || part === false || part === true) return '';
	if (part instanceof SafeHtml) return part.value;
	if (Array.isArray(part)) return part.map(render).join('');
	return escapeHtml(String(part));
}

/**
 * Builds HTML from a template: interpolated strings are escaped, `SafeHtml` and arrays of it
 * are inserted as they are; `null`, `undefined` and booleans render as nothing.
 *
 * @example html`<a href="${href}">${title}</a>`
 */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
	let out = strings[0]!;
	for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1]!;
	return new SafeHtml(out);
}

/** Marks a string as safe HTML; only for markup built by this package. */
export function raw(markup: string): SafeHtml {
	return new SafeHtml(markup);
}
