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
	return indexDefinitions(source).get(exportName) ?? source;
}

/**
 * Finds every `export const|let|var NAME = ...;` statement of a module in one pass, each with
 * its leading doc comment, so a file with many contracts is tokenized once.
 */
export function indexDefinitions(source: string): Map<string, string> {
	const tokens = tokenize(source);
	const offsets: number[] = [];
	let offset = 0;
	for (const token of tokens) {
		offsets.push(offset);
		offset += token.text.length;
	}
	offsets.push(offset);
	const code = tokens.map((t, i) => ({ ...t, i })).filter((t) => t.kind !== 'space');
	const found = new Map<string, string>();
	let depth = 0;
	let open: { name: string; first: number } | undefined;
	for (let n = 0; n < code.length; n++) {
		const t = code[n]!;
		if (depth === 0 && t.text === 'export' && open) {
			// Without semicolons, a statement ends where the next export begins.
			found.set(open.name, source.slice(offsets[open.first], offsets[t.i]).trim());
			open = undefined;
		}
		if (
			depth === 0 &&
			t.text === 'export' &&
			['const', 'let', 'var'].includes(code[n + 1]?.text ?? '') &&
			code[n + 2] !== undefined
		) {
			const before = code[n - 1];
			const first = before?.kind === 'comment' && before.text.startsWith('/**') ? before.i : t.i;
			open = { name: code[n + 2]!.text, first };
			continue;
		}
		if (t.kind !== 'punctuation') continue;
		if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
		else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
		else if (t.text === ';' && depth === 0 && open) {
			found.set(open.name, source.slice(offsets[open.first], offsets[t.i + 1]).trim());
			open = undefined;
		}
	}
	if (open) found.set(open.name, source.slice(offsets[open.first]).trim());
	return found;
}

/**
 * Removes the comments inside a definition (`//` and `/* *\/` notes meant for its maintainers),
 * keeping the leading doc comment, which is the definition's public description. A line that
 * held only a comment goes with it.
 */
export function withoutInternalComments(source: string): string {
	// Most definitions have no comment past their doc comment: nothing to tokenize then.
	const body = source.startsWith('/**') ? source.slice(source.indexOf('*/') + 2) : source;
	if (!body.includes('//') && !body.includes('/*')) return source;
	const tokens = tokenize(source);
	let out = '';
	tokens.forEach((token, i) => {
		if (token.kind !== 'comment' || (i === 0 && token.text.startsWith('/**'))) {
			out += token.text;
			return;
		}
		const lineStart = out.lastIndexOf('\n') + 1;
		const next = tokens[i + 1];
		if (out.slice(lineStart).trim() === '' && (next === undefined || next.text.startsWith('\n'))) {
			// The comment had its line to itself: drop the line's indent and its line break.
			out = out.slice(0, lineStart);
			if (next) tokens[i + 1] = { kind: 'space', text: next.text.slice(1) };
		} else if (next === undefined || next.text.startsWith('\n')) {
			out = out.replace(/[ \t]+$/, '');
		} else if (next.kind === 'space') {
			tokens[i + 1] = { kind: 'space', text: '' };
		}
	});
	return out;
}
