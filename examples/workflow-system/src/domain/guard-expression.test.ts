import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GuardExpressionError } from './guard-error.ts';
import { checkGuard, evaluateGuard } from './guard-evaluator.ts';
import { MAX_GUARD_LENGTH, tokenizeGuard } from './guard-lexer.ts';
import { MAX_GUARD_DEPTH, parseGuard } from './guard-parser.ts';

const context = {
	amount: 1500,
	category: 'TRAVEL',
	urgent: true,
	note: null,
	expense: { amount: 250.5, currency: 'EUR', approver: { level: 2 } },
	tags: ['a'],
};

/** Runs a function and returns the GuardExpressionError it throws (fails the test otherwise). */
function errorOf(run: () => unknown): GuardExpressionError {
	try {
		run();
	} catch (error) {
		if (error instanceof GuardExpressionError) return error;
		throw error;
	}
	throw new Error('expected a GuardExpressionError, nothing was thrown');
}

describe('guard expressions: evaluation', () => {
	it.each([
		['amount > 1000', true],
		['amount > 1500', false],
		['amount >= 1500', true],
		['amount < 1500.5', true],
		['amount <= 1499', false],
		['amount == 1500', true],
		['amount != 1500', false],
		['expense.amount > 250', true],
		['expense.approver.level == 2', true],
		["expense.currency == 'EUR'", true],
		['expense.currency == "USD"', false],
		["category in ['TRAVEL', 'MEALS']", true],
		["category not in ['TRAVEL', 'MEALS']", false],
		['amount in [1, 2, 1500]', true],
		['note in []', false],
		['note == null', true],
		['missing == null', true],
		['expense.missing.deeper == null', true],
		['urgent', true],
		['not urgent', false],
		['urgent == true and amount > 1000', true],
		['amount < 10 or urgent', true],
		['not (amount < 10 or category == "MEALS")', true],
		['amount > 1000 and (category == "MEALS" or urgent)', true],
		["'b' > 'a'", true],
		['true or false and false', true],
		['(true or false) and false', false],
		['tags == tags', false],
	])('%s -> %s', (source, expected) => {
		expect(checkGuard(source, context)).toBe(expected);
	});

	it('short-circuits: the right side of a decided and/or is not evaluated', () => {
		expect(checkGuard('false and (amount > "x")', context)).toBe(false);
		expect(checkGuard('true or (amount > "x")', context)).toBe(true);
	});

	it('never reads the prototype chain', () => {
		expect(checkGuard('constructor == null', context)).toBe(true);
		expect(checkGuard('expense.toString == null and __proto__ == null', context)).toBe(true);
	});

	it('evaluates a parsed guard many times against different contexts', () => {
		const guard = parseGuard('amount > 1000');
		expect(evaluateGuard(guard, { amount: 1001 })).toBe(true);
		expect(evaluateGuard(guard, { amount: 999 })).toBe(false);
	});
});

describe('guard expressions: errors with positions', () => {
	it.each([
		[
			'amount = 1000',
			'UNEXPECTED_CHARACTER',
			7,
			'unexpected character "=" (use == to compare) (at column 8)',
		],
		[
			'amount > 1000 && urgent',
			'UNEXPECTED_CHARACTER',
			14,
			'unexpected character "&" (use and / or) (at column 15)',
		],
		["category == 'TRAVEL", 'UNTERMINATED_STRING', 12, 'string is not closed (at column 13)'],
		['amount > 10x', 'INVALID_NUMBER', 9, 'invalid number "10x" (at column 10)'],
		[
			'amount >',
			'UNEXPECTED_END',
			8,
			'expected a value, a field name or "(", found the end (at column 9)',
		],
		['(amount > 1', 'UNEXPECTED_END', 11, "expected ')', found the end (at column 12)"],
		[
			'amount 1000',
			'UNEXPECTED_TOKEN',
			7,
			'expected the end of the expression (or and / or), found the number 1000 (at column 8)',
		],
		[
			'category in [TRAVEL]',
			'UNEXPECTED_TOKEN',
			13,
			'expected a literal in the list, found "TRAVEL" (at column 14)',
		],
		[
			'category in "TRAVEL"',
			'UNEXPECTED_TOKEN',
			12,
			`expected '[' to start the list, found the string "TRAVEL" (at column 13)`,
		],
		[
			'expense.',
			'UNEXPECTED_END',
			8,
			'expected a field name after ".", found the end (at column 9)',
		],
	])('%s is %s at %i', (source, code, position, message) => {
		const error = errorOf(() => parseGuard(source));
		expect(error).toMatchObject({ code, position, message });
	});

	it.each([
		[
			'amount > "1000"',
			'TYPE_MISMATCH',
			7,
			'> needs two numbers or two strings, not number 1500 and the string "1000"',
		],
		['amount and urgent', 'TYPE_MISMATCH', 7, 'and needs true or false, not number 1500'],
		['not category', 'TYPE_MISMATCH', 0, 'not needs true or false, not the string "TRAVEL"'],
		['amount', 'TYPE_MISMATCH', 0, 'a guard must give true or false, not number 1500'],
		['expense', 'TYPE_MISMATCH', 0, 'a guard must give true or false, not an object'],
	])('evaluating %s is %s', (source, code, position, reason) => {
		const error = errorOf(() => checkGuard(source, context));
		expect(error).toMatchObject({ code, position, reason });
	});

	it('refuses a guard longer than the limit', () => {
		const error = errorOf(() => tokenizeGuard(`a == ${'1'.repeat(MAX_GUARD_LENGTH)}`));
		expect(error.code).toBe('TOO_LONG');
	});

	it('refuses nesting deeper than the limit, without overflowing the stack', () => {
		const deep = `${'('.repeat(MAX_GUARD_DEPTH + 1)}true${')'.repeat(MAX_GUARD_DEPTH + 1)}`;
		expect(errorOf(() => parseGuard(deep)).code).toBe('TOO_DEEP');
		const ok = `${'('.repeat(MAX_GUARD_DEPTH)}true${')'.repeat(MAX_GUARD_DEPTH)}`;
		expect(checkGuard(ok, {})).toBe(true);
		expect(errorOf(() => parseGuard('not '.repeat(400))).code).toBe('TOO_DEEP');
	});
});

describe('guard expressions: properties', () => {
	/** Throws anything that is not the language's own error. */
	const onlyGuardErrors = (run: () => unknown) => {
		try {
			run();
		} catch (error) {
			if (!(error instanceof GuardExpressionError)) throw error;
			expect(error.position).toBeGreaterThanOrEqual(0);
		}
	};

	it('never throws anything but GuardExpressionError on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 80 }), (source) => {
				onlyGuardErrors(() => checkGuard(source, context));
			}),
			{ numRuns: 2000 },
		);
	});

	it('never throws anything but GuardExpressionError on random token soup', () => {
		const piece = fc.constantFrom(
			'amount',
			'expense.amount',
			'category',
			'urgent',
			'note',
			'1000',
			"'x'",
			'true',
			'null',
			'==',
			'!=',
			'<',
			'>=',
			'and',
			'or',
			'not',
			'in',
			'(',
			')',
			'[',
			']',
			',',
			'.',
			' ',
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 30 }), fc.jsonValue(), (pieces, value) => {
				const source = pieces.join(' ');
				onlyGuardErrors(() => checkGuard(source, context));
				onlyGuardErrors(() =>
					checkGuard(source, { amount: value, category: value, urgent: value }),
				);
			}),
			{ numRuns: 2000 },
		);
	});

	it('agrees with JavaScript on number comparisons', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer(), (a, b) => {
				expect(checkGuard(`a > ${Math.abs(b)}`, { a })).toBe(a > Math.abs(b));
				expect(checkGuard(`x <= y`, { x: a, y: b })).toBe(a <= b);
			}),
		);
	});
});
