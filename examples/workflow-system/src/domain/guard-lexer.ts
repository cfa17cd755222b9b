import { GuardExpressionError } from './guard-error.ts';

/** A token of the guard language, with its 0-based offset in the source. */
export type GuardToken =
	| { readonly type: 'number'; readonly value: number; readonly position: number }
	| { readonly type: 'string'; readonly value: string; readonly position: number }
	| { readonly type: 'identifier'; readonly value: string; readonly position: number }
	| { readonly type: 'keyword'; readonly value: GuardKeyword; readonly position: number }
	| { readonly type: 'operator'; readonly value: GuardOperator; readonly position: number }
	| { readonly type: 'punctuation'; readonly value: GuardPunctuation; readonly position: number }
	| { readonly type: 'end'; readonly position: number };

export type GuardKeyword = 'and' | 'or' | 'not' | 'in' | 'true' | 'false' | 'null';
export type GuardOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type GuardPunctuation = '(' | ')' | '[' | ']' | ',' | '.';

/** Longest source accepted; guards are one-liners, and the limit bounds parse time. */
export const MAX_GUARD_LENGTH = 2000;

const KEYWORDS = new Set<string>(['and', 'or', 'not', 'in', 'true', 'false', 'null']);
const OPERATORS: readonly GuardOperator[] = ['==', '!=', '<=', '>=', '<', '>'];
const PUNCTUATION = new Set<string>(['(', ')', '[', ']', ',', '.']);
const ESCAPES: Readonly<Record<string, string>> = {
	n: '\n',
	t: '\t',
	'\\': '\\',
	"'": "'",
	'"': '"',
};

/**
 * Splits a guard expression into tokens; the last one is always `end`. Throws
 * {@link GuardExpressionError} on a character outside the language.
 *
 * @example tokenizeGuard("amount > 1000") // identifier, operator, number, end
 */
export function tokenizeGuard(source: string): GuardToken[] {
	if (source.length > MAX_GUARD_LENGTH) {
		throw new GuardExpressionError(
			'TOO_LONG',
			MAX_GUARD_LENGTH,
			`a guard may be at most ${MAX_GUARD_LENGTH} characters long`,
		);
	}
	const tokens: GuardToken[] = [];
	let i = 0;
	while (i < source.length) {
		const char = source[i] as string;
		if (/\s/.test(char)) {
			i++;
		} else if (/[0-9]/.test(char)) {
			i = readNumber(source, i, tokens);
		} else if (char === "'" || char === '"') {
			i = readString(source, i, tokens);
		} else if (/[A-Za-z_$]/.test(char)) {
			const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i)) as RegExpExecArray;
			const word = match[0];
			tokens.push(
				KEYWORDS.has(word)
					? { type: 'keyword', value: word as GuardKeyword, position: i }
					: { type: 'identifier', value: word, position: i },
			);
			i += word.length;
		} else {
			const operator = OPERATORS.find((op) => source.startsWith(op, i));
			if (operator) {
				tokens.push({ type: 'operator', value: operator, position: i });
				i += operator.length;
			} else if (PUNCTUATION.has(char)) {
				tokens.push({ type: 'punctuation', value: char as GuardPunctuation, position: i });
				i++;
			} else {
				const hint =
					char === '='
						? ' (use == to compare)'
						: char === '&' || char === '|'
							? ' (use and / or)'
							: '';
				throw new GuardExpressionError(
					'UNEXPECTED_CHARACTER',
					i,
					`unexpected character ${JSON.stringify(char)}${hint}`,
				);
			}
		}
	}
	tokens.push({ type: 'end', position: source.length });
	return tokens;
}

function readNumber(source: string, start: number, tokens: GuardToken[]): number {
	const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(start)) as RegExpExecArray;
	const end = start + match[0].length;
	if (end < source.length && /[A-Za-z_$.]/.test(source[end] as string)) {
		throw new GuardExpressionError(
			'INVALID_NUMBER',
			start,
			`invalid number ${JSON.stringify(source.slice(start, end + 1))}`,
		);
	}
	tokens.push({ type: 'number', value: Number(match[0]), position: start });
	return end;
}

function readString(source: string, start: number, tokens: GuardToken[]): number {
	const quote = source[start];
	let value = '';
	let i = start + 1;
	while (i < source.length) {
		const char = source[i] as string;
		if (char === quote) {
			tokens.push({ type: 'string', value, position: start });
			return i + 1;
		}
		if (char === '\\') {
			const escaped = ESCAPES[source[i + 1] ?? ''];
			if (escaped === undefined) {
				throw new GuardExpressionError(
					'UNEXPECTED_CHARACTER',
					i,
					'unknown escape in string (allowed: \\n \\t \\\\ \\\' \\")',
				);
			}
			value += escaped;
			i += 2;
		} else {
			value += char;
			i++;
		}
	}
	throw new GuardExpressionError('UNTERMINATED_STRING', start, 'string is not closed');
}
