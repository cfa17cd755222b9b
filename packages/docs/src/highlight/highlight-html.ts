import { escapeHtml } from '../render/html/html.ts';
import { tokenize } from './ts-tokenizer.ts';

/** Highlights TypeScript as HTML: each token in a `<span class="tok-KIND">`, text escaped. */
export function highlightTypeScript(source: string): string {
	let html = '';
	for (const token of tokenize(source)) {
		html +=
			token.kind === 'space' || token.kind === 'identifier' || token.kind === 'punctuation'
				? escapeHtml(token.text)
				: `<span class="tok-${token.kind}">${escapeHtml(token.text)}</span>`;
	}
	return html;
}
