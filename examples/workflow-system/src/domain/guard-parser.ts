import { GuardExpressionError } from './guard-error.ts';
import { type GuardOperator, type GuardToken, tokenizeGuard } from './guard-lexer.ts';

/** A literal value of the guard language. */
export type GuardLiteral = string | number | boolean | null;

/** The parsed guard: plain data, safe to store and evaluate many times. */
export type GuardNode =
	| { readonly kind: 'literal'; readonly value: GuardLiteral; readonly position: number }
	| { readonly kind: 'path'; readonly segments: readonly string[]; readonly position: number }
	| {
			readonly kind: 'compare';
			readonly operator: GuardOperator;
			readonly left: GuardNode;
			readonly right: GuardNode;
			readonly position: number;
	  }
	| {
			readonly kind: 'in';
			readonly negated: boolean;
			readonly value: GuardNode;
			readonly list: readonly GuardLiteral[];
			readonly position: number;
	  }
	| {
			readonly kind: 'logical';
			readonly operator: 'and' | 'or';
			readonly left: GuardNode;
			readonly right: GuardNode;
			readonly position: number;
	  }
	| { readonly kind: 'not'; readonly operand: GuardNode; readonly position: number };

/** Deepest nesting accepted (parentheses and `not`), so a hostile guard cannot blow the stack. */
export const MAX_GUARD_DEPTH = 32;

/**
 * Parses a guard expression. Grammar (lowest precedence first):
 *
 * ```
 * or      := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | compare
 * compare := primary (OP primary | 'not'? 'in' '[' literals ']')?
 * primary := literal | path | '(' or ')'
 * path    := identifier ('.' identifier)*
 * ```
 *
 * Throws {@link GuardExpressionError} with the position of the first problem.
 *
 * @example parseGuard("expense.amount > 1000 and category in ['TRAVEL', 'MEALS']")
 */
export function parseGuard(source: string): GuardNode {
	const tokens = tokenizeGuard(source);
	let index = 0;
	let depth = 0;

	const peek = (): GuardToken => tokens[index] as GuardToken;
	const next = (): GuardToken => tokens[index++] as GuardToken;
	const isWord = (token: GuardToken, word: string) =>
		token.type === 'keyword' && token.value === word;
	const isPunct = (token: GuardToken, value: string) =>
		token.type === 'punctuation' && token.value === value;

	const fail = (token: GuardToken, expected: string): never => {
		if (token.type === 'end') {
			throw new GuardExpressionError(
				'UNEXPECTED_END',
				token.position,
				`expected ${expected}, found the end`,
			);
		}
		throw new GuardExpressionError(
			'UNEXPECTED_TOKEN',
			token.position,
			`expected ${expected}, found ${describe(token)}`,
		);
	};

	const nest = <T>(position: number, parse: () => T): T => {
		if (++depth > MAX_GUARD_DEPTH) {
			throw new GuardExpressionError(
				'TOO_DEEP',
				position,
				`nesting deeper than ${MAX_GUARD_DEPTH}`,
			);
		}
		const result = parse();
		depth--;
		return result;
	};

	const parseOr = (): GuardNode => {
		let left = parseAnd();
		while (isWord(peek(), 'or')) {
			const { position } = next();
			left = { kind: 'logical', operator: 'or', left, right: parseAnd(), position };
		}
		return left;
	};

	const parseAnd = (): GuardNode => {
		let left = parseUnary();
		while (isWord(peek(), 'and')) {
			const { position } = next();
			left = { kind: 'logical', operator: 'and', left, right: parseUnary(), position };
		}
		return left;
	};

	const parseUnary = (): GuardNode => {
		const token = peek();
		if (isWord(token, 'not')) {
			next();
			return nest(token.position, () => ({
				kind: 'not',
				operand: parseUnary(),
				position: token.position,
			}));
		}
		return parseCompare();
	};

	const parseCompare = (): GuardNode => {
		const left = parsePrimary();
		const token = peek();
		if (token.type === 'operator') {
			next();
			return {
				kind: 'compare',
				operator: token.value,
				left,
				right: parsePrimary(),
				position: token.position,
			};
		}
		const negated = isWord(token, 'not') && isWord(tokens[index + 1] as GuardToken, 'in');
		if (negated || isWord(token, 'in')) {
			index += negated ? 2 : 1;
			return { kind: 'in', negated, value: left, list: parseList(), position: token.position };
		}
		return left;
	};

	const parseList = (): GuardLiteral[] => {
		const open = next();
		if (!isPunct(open, '[')) fail(open, "'[' to start the list");
		const items: GuardLiteral[] = [];
		if (isPunct(peek(), ']')) {
			next();
			return items;
		}
		for (;;) {
			const item = next();
			const value = literalOf(item);
			if (value === undefined) fail(item, 'a literal in the list');
			items.push(value as GuardLiteral);
			const separator = next();
			if (isPunct(separator, ']')) return items;
			if (!isPunct(separator, ',')) fail(separator, "',' or ']'");
		}
	};

	const parsePrimary = (): GuardNode => {
		const token = next();
		const value = literalOf(token);
		if (value !== undefined) return { kind: 'literal', value, position: token.position };
		if (token.type === 'identifier') {
			const segments = [token.value];
			while (isPunct(peek(), '.')) {
				next();
				const segment = next();
				if (segment.type !== 'identifier') fail(segment, 'a field name after "."');
				segments.push((segment as { value: string }).value);
			}
			return { kind: 'path', segments, position: token.position };
		}
		if (isPunct(token, '(')) {
			const inner = nest(token.position, parseOr);
			const close = next();
			if (!isPunct(close, ')')) fail(close, "')'");
			return inner;
		}
		return fail(token, 'a value, a field name or "("');
	};

	const root = parseOr();
	const rest = peek();
	if (rest.type !== 'end') fail(rest, 'the end of the expression (or and / or)');
	return root;
}

function literalOf(token: GuardToken): GuardLiteral | undefined {
	if (token.type === 'number' || token.type === 'string') return token.value;
	if (token.type === 'keyword') {
		if (token.value === 'true') return true;
		if (token.value === 'false') return false;
		if (token.value === 'null') return null;
	}
	return undefined;
}

function describe(token: GuardToken): string {
	switch (token.type) {
		case 'string':
			return `the string ${JSON.stringify(token.value)}`;
		case 'number':
			return `the number ${token.value}`;
		case 'end':
			return 'the end';
		default:
			return `"${token.value}"`;
	}
}
