/** A token class of the small TypeScript highlighter. */
export type TokenKind =
	| 'comment'
	| 'string'
	| 'number'
	| 'keyword'
	| 'literal'
	| 'type'
	| 'property'
	| 'identifier'
	| 'punctuation'
	| 'space';

export interface Token {
	readonly kind: TokenKind;
	readonly text: string;
}

const KEYWORDS = new Set(
	'as async await break case catch class const continue default delete do else enum export extends for from function if implements import in instanceof interface let new of return satisfies static switch throw try type typeof var void while yield readonly keyof'.split(
		' ',
	),
);
const LITERALS = new Set(['true', 'false', 'null', 'undefined', 'this']);

const RULES: readonly [TokenKind, RegExp][] = [
	['space', /\s+/y],
	['comment', /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/y],
	['string', /'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|`(?:[^`\\]|\\[\s\S])*`?/y],
	['number', /(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)n?/y],
	['identifier', /[A-Za-z_$][\w$]*/y],
	['punctuation', /[{}()[\];,.:?<>=!+\-*/%&|^~@#]/y],
];

/**
 * Splits TypeScript source into tokens for highlighting. It is a display tokenizer, not a
 * parser: it never fails, and any character it does not know becomes punctuation.
 */
export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < source.length) {
		let matched = false;
		for (const [kind, pattern] of RULES) {
			pattern.lastIndex = at;
			const match = pattern.exec(source);
			if (!match || match[0].length === 0) continue;
			tokens.push({ kind: refine(kind, match[0], source, at + match[0].length), text: match[0] });
			at += match[0].length;
			matched = true;
			break;
		}
		if (!matched) {
			tokens.push({ kind: 'punctuation', text: source[at]! });
			at += 1;
		}
	}
	return tokens;
}

function refine(kind: TokenKind, text: string, source: string, end: number): TokenKind {
	if (kind !== 'identifier') return kind;
	if (KEYWORDS.has(text)) return 'keyword';
	if (LITERALS.has(text)) return 'literal';
	if (/^\s*:(?!:)/.test(source.slice(end, end + 8))) return 'property';
	if (/^[A-Z]/.test(text)) return 'type';
	return 'identifier';
}

/**
 * Cuts the statement that declares `exportName` (with its leading doc comment) out of a
 * module, for display; gives the whole module when the declaration is not found.
 */
export function extractDefinition(source: string, exportName: string | undefined): string {
	if (!exportName) return source;
	const tokens = tokenize(source);
	const offsets: number[] = [];
	let offset = 0;
	for (const token of tokens) {
		offsets.push(offset);
		offset += token.text.length;
	}
	const code = tokens.map((t, i) => ({ ...t, i })).filter((t) => t.kind !== 'space');
	const start = code.findIndex(
		(t, n) =>
			t.text === 'export' &&
			['const', 'let', 'var'].includes(code[n + 1]?.text ?? '') &&
			code[n + 2]?.text === exportName,
	);
	if (start < 0) return source;
	let depth = 0;
	let end = tokens.length;
	for (let n = start + 1; n < code.length; n++) {
		const t = code[n]!;
		if (t.kind !== 'punctuation' && t.kind !== 'keyword') continue;
		if ('([{'.includes(t.text)) depth++;
		else if (')]}'.includes(t.text)) depth--;
		// A statement ends at `;` at depth 0, or (without semicolons) where the next export begins.
		if (depth === 0 && (t.text === ';' || t.text === 'export')) {
			end = t.text === ';' ? t.i + 1 : t.i;
			break;
		}
	}
	let first = code[start]!.i;
	const before = code[start - 1];
	if (before?.kind === 'comment' && before.text.startsWith('/**')) first = before.i;
	return source.slice(offsets[first], end < tokens.length ? offsets[end] : source.length).trim();
}
